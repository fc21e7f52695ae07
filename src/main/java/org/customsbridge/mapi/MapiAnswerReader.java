package org.customsbridge.mapi;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customsbridge.declare.HttpAnswers;
import org.customsbridge.declare.NoTrustedAnswerException;

/** Lets a MAPI answer through only if it is a 2xx whose XML verifies (see {@link MapiAnswerVerifier}). */
public class MapiAnswerReader {

    private final MapiAnswerVerifier verifier;

    public MapiAnswerReader(MapiAnswerVerifier verifier) {
        this.verifier = verifier;
    }

    public MapiAnswer read(Exchange exchange) throws NoTrustedAnswerException {
        Message message = exchange.getMessage();
        HttpAnswers.require2xx(message, "the MAPI gateway");
        return verifier.verify(message.getBody(String.class));
    }
}
