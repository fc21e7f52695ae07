package org.customsbridge.mapi;

import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.signing.MapiSigner;

/**
 * Lets a MAPI answer through only if it can be trusted (ALIPAY-API.md §3.3): an {@code is_success=T}
 * answer must carry {@code sign} and the configured {@code sign_type}, and the signature must verify
 * over the exact text between {@code <response>} and {@code </response>}. An {@code is_success=F}
 * answer is the gateway refusing the call (e.g. {@code ILLEGAL_SIGN}); Alipay never signs those, so it
 * passes as it is, and carries nothing but its error code.
 */
public class MapiAnswerVerifier {

    private final MapiSigner signer;
    private final MapiAnswerParser parser;

    public MapiAnswerVerifier(MapiSigner signer) {
        this(signer, new MapiAnswerParser());
    }

    public MapiAnswerVerifier(MapiSigner signer, MapiAnswerParser parser) {
        this.signer = signer;
        this.parser = parser;
    }

    public MapiAnswer verify(String xml) throws NoTrustedAnswerException {
        MapiAnswer answer = parser.parse(xml);
        if (!answer.success()) {
            if (answer.error() == null || answer.error().isEmpty()) {
                throw new NoTrustedAnswerException(MapiAnswerParser.UNREADABLE_ANSWER,
                        "MAPI answer is_success=F without an error code");
            }
            return answer;
        }
        if (answer.sign() == null || answer.sign().isEmpty() || answer.signType() == null
                || answer.signType().isEmpty()) {
            throw new NoTrustedAnswerException("UNSIGNED_ANSWER", "MAPI answer lacks sign or sign_type; not trusted");
        }
        if (!signer.type().name().equals(answer.signType())) {
            throw new NoTrustedAnswerException("UNTRUSTED_ANSWER", "MAPI answer is signed with sign_type "
                    + abbreviated(answer.signType()) + ", not the configured " + signer.type() + "; not trusted");
        }
        if (answer.responseText() == null) {
            throw new NoTrustedAnswerException("UNSIGNED_ANSWER",
                    "MAPI answer is_success=T has no <response> to verify; not trusted");
        }
        if (!signer.verify(answer.responseText(), answer.sign())) {
            throw new NoTrustedAnswerException("UNTRUSTED_ANSWER",
                    "MAPI answer signature does not verify over its response (sign_type " + signer.type()
                            + "); not trusted");
        }
        return answer;
    }

    /** A value from the answer, bounded: it goes into a message that ends up in logs and results. */
    private static String abbreviated(String value) {
        return value.length() > 16 ? value.substring(0, 16) + "..." : value;
    }
}
