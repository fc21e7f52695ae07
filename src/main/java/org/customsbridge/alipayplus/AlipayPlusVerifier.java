package org.customsbridge.alipayplus;

import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.customsbridge.declare.HttpAnswers;
import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.signing.AlipayPlusSignature;
import org.customsbridge.signing.SignatureHeader;

/**
 * Lets an Alipay+ answer through only if it is a 2xx whose {@code Signature} header verifies with
 * Alipay+'s public key over {@code POST <path>\n<Client-Id>.<Response-Time>.<body>}. Unlike the
 * official SDKs, a missing header is a failure, not a pass.
 */
public class AlipayPlusVerifier {

    private final AlipayPlusCredentials credentials;

    public AlipayPlusVerifier(AlipayPlusCredentials credentials) {
        this.credentials = credentials;
    }

    /** Leaves the verified answer as a String body, or throws. */
    public void verify(Exchange exchange) throws NoTrustedAnswerException {
        Message message = exchange.getMessage();
        HttpAnswers.require2xx(message, "Alipay+");
        String body = message.getBody(String.class);
        String clientId = message.getHeader(AlipayPlusApi.CLIENT_ID, String.class);
        String responseTime = message.getHeader(AlipayPlusApi.RESPONSE_TIME, String.class);
        Optional<SignatureHeader> signature = SignatureHeader.parse(message.getHeader(AlipayPlusApi.SIGNATURE,
                String.class));
        if (clientId == null || responseTime == null || signature.isEmpty()) {
            throw new NoTrustedAnswerException("UNSIGNED_ANSWER",
                    "Alipay+ answer lacks Client-Id, Response-Time or Signature; not trusted");
        }
        if (!credentials.clientId().equals(clientId)) {
            throw new NoTrustedAnswerException("UNTRUSTED_ANSWER",
                    "Alipay+ answer is for another Client-Id; not trusted");
        }
        String path = exchange.getProperty(AlipayPlusSigner.PATH, String.class);
        if (!AlipayPlusSignature.verify("POST", path, clientId, responseTime, body == null ? "" : body,
                signature.get().signature(), credentials.alipayPublicKey())) {
            throw new NoTrustedAnswerException("UNTRUSTED_ANSWER",
                    "Alipay+ answer signature does not verify with the Alipay+ public key; not trusted");
        }
        message.setBody(body);
    }
}
