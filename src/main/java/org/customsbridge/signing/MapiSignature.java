package org.customsbridge.signing;

import java.util.Map;
import java.util.Set;

/**
 * What a MAPI request signature covers, as Alipay's MAPI pages define it: every parameter but
 * {@code sign} and {@code sign_type}, empty ones left out, sorted by name, joined as
 * {@code name=value&...} with the values raw. URL-encoding belongs to the HTTP body only, never to
 * the signed text. Answers are signed alike ({@code MapiAnswerSigning} in the MAPI package).
 */
public final class MapiSignature {

    public static final String SIGN = "sign";
    public static final String SIGN_TYPE = "sign_type";

    private MapiSignature() {
    }

    public static String preSign(Map<String, String> params) {
        return sortedPairs(params, false);
    }

    /**
     * Every pair but {@code sign} and {@code sign_type}, sorted by name, joined as
     * {@code name=value&...}; an empty value is left out unless {@code keepEmpty}. A request is
     * signed without the empty ones; some readings of an answer's signature keep them.
     */
    public static String sortedPairs(Map<String, String> params, boolean keepEmpty) {
        return SortedPairs.join(params, Set.of(SIGN, SIGN_TYPE), keepEmpty);
    }
}
