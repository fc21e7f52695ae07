package org.customsbridge.wechat;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customsbridge.declare.HttpAnswers;
import org.customsbridge.declare.NoTrustedAnswerException;

/** The route step after a WeChat Pay call: an answer is a 2xx whose XML verifies ({@link WechatAnswerVerifier}). */
public class WechatAnswerReader {

    private final WechatAnswerVerifier verifier;

    public WechatAnswerReader(WechatAnswerVerifier verifier) {
        this.verifier = verifier;
    }

    public WechatAnswer read(Exchange exchange) throws NoTrustedAnswerException {
        Message message = exchange.getMessage();
        HttpAnswers.require2xx(message, "WeChat Pay");
        return verifier.verify(message.getBody(String.class));
    }
}
