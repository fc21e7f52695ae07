package org.customsbridge.mapi;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.customsbridge.signing.MapiSignature;

/**
 * What the signature of a MAPI answer covers: the one place that rule lives.
 *
 * <p>Alipay's MAPI pages say that every response parameter but {@code sign} and {@code sign_type}
 * is signed the way a request is, and the clients known to run against the gateway verify the
 * children of {@code <response><alipay>} as {@code name=value} pairs sorted by name and joined with
 * {@code &}. They differ in the details, which no Alipay page settles: whether a value is trimmed,
 * whether an empty element still counts, and what an element with child elements (the
 * {@code <records>} of a query) contributes. Read as text, as those clients read it, such an element
 * is only the white space between its children, so it counts as empty. Each reading is a variant here; every variant still
 * needs Alipay's signature, and which one matched is logged so that the first production answer
 * settles the question ({@link MapiAnswerVerifier}). {@link #RESPONSE_TEXT}, the exact text between
 * {@code <response>} and {@code </response>}, is kept as one more variant for gateways that sign so.
 *
 * <p>The values are the element texts as XML gives them (entities decoded). Setting
 * {@code customs.mapi.answer-signature} narrows the variants accepted; they are tried in the order
 * declared here, the one the sources agree on most first.
 */
public enum MapiAnswerSigning {

    /**
     * Sorted pairs, values as they are, empty (blank) elements left out: the reading most sources
     * share, and exactly what Alipay's Java SDK builds ({@code AlipaySignature.getSignContent}).
     */
    SORTED(false, false),
    /** Sorted pairs, values as they are, empty and blank elements kept. */
    SORTED_WITH_EMPTY(false, true),
    /** Sorted pairs, values trimmed of surrounding white space, empty ones left out. */
    SORTED_TRIMMED(true, false),
    /** Sorted pairs, values trimmed, empty ones kept as {@code name=}. */
    SORTED_TRIMMED_WITH_EMPTY(true, true),
    /** The exact text between {@code <response>} and {@code </response>}. */
    RESPONSE_TEXT(false, false);

    private final boolean trimmed;
    private final boolean keepsEmpty;

    MapiAnswerSigning(boolean trimmed, boolean keepsEmpty) {
        this.trimmed = trimmed;
        this.keepsEmpty = keepsEmpty;
    }

    /** The name the setting uses, e.g. {@code sorted-trimmed}. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The text this variant signs for {@code answer}; {@code null} when the answer has no response. */
    public String content(MapiAnswer answer) {
        if (answer.responseText() == null) {
            return null;
        }
        return content(answer.children(), answer.responseText());
    }

    /**
     * The text this variant signs, given the children of {@code <response><alipay>} (name to text;
     * for an element with child elements, only the text directly inside it) and the response text.
     */
    public String content(Map<String, String> children, String responseText) {
        if (this == RESPONSE_TEXT) {
            return responseText;
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        children.forEach((name, text) -> {
            String value = text == null ? "" : trimmed ? text.strip() : text;
            // "empty" as Alipay's SDK means it: nothing but white space, as a <records> read as text is
            if (keepsEmpty || !value.isBlank()) {
                pairs.put(name, value);
            }
        });
        return MapiSignature.sortedPairs(pairs, keepsEmpty);
    }
}
