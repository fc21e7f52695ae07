package org.customsbridge.wechat;

import java.util.Map;

import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.signing.WechatSigner;
import org.customsbridge.xml.FlatXml;

/**
 * Lets a WeChat Pay answer through only if it can be trusted: a {@code return_code=SUCCESS} answer
 * must carry a {@code sign} that verifies over all its other fields with the API key. A
 * {@code return_code=FAIL} answer is WeChat refusing the call itself (signature, XML, key); WeChat
 * never signs those, so it passes as it is and carries nothing but its message. Anything else, or
 * XML that is not one flat {@code <xml>} document, is no answer at all.
 */
public class WechatAnswerVerifier {

    /** The code of an answer that cannot be read: its outcome is unknown. */
    public static final String UNREADABLE_ANSWER = "UNREADABLE_ANSWER";

    private final WechatSigner signer;

    public WechatAnswerVerifier(WechatSigner signer) {
        this.signer = signer;
    }

    public WechatAnswer verify(String xml) throws NoTrustedAnswerException {
        Map<String, String> fields;
        try {
            fields = FlatXml.read(xml, WechatApi.ROOT);
        } catch (FlatXml.NotFlatXmlException e) {
            throw new NoTrustedAnswerException(UNREADABLE_ANSWER, "WeChat Pay answer unreadable: " + e.getMessage());
        }
        WechatAnswer answer = new WechatAnswer(fields);
        String returnCode = answer.field(WechatApi.RETURN_CODE);
        if (WechatApi.FAIL.equals(returnCode)) {
            return answer;
        }
        if (!WechatApi.SUCCESS.equals(returnCode)) {
            throw new NoTrustedAnswerException(UNREADABLE_ANSWER, "WeChat Pay answer without return_code SUCCESS or FAIL");
        }
        String sign = answer.field(WechatApi.SIGN);
        if (sign == null) {
            throw new NoTrustedAnswerException("UNSIGNED_ANSWER", "WeChat Pay answer lacks sign; not trusted");
        }
        String signType = answer.field(WechatApi.SIGN_TYPE);
        if (signType != null && !WechatApi.MD5.equals(signType)) {
            throw new NoTrustedAnswerException("UNTRUSTED_ANSWER", "WeChat Pay answer is signed with sign_type "
                    + (signType.length() > 16 ? signType.substring(0, 16) + "..." : signType) + ", not MD5; not trusted");
        }
        if (!signer.verify(fields, sign)) {
            throw new NoTrustedAnswerException("UNTRUSTED_ANSWER",
                    "WeChat Pay answer signature does not verify with the API key; not trusted");
        }
        return answer;
    }
}
