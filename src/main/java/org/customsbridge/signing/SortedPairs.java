package org.customsbridge.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The text the MD5-family signatures (MAPI, WeChat Pay v2) cover: parameters sorted by name, joined
 * as {@code name=value&...} with the values raw. URL or XML escaping belongs to the HTTP body only,
 * never to the signed text.
 */
final class SortedPairs {

    private SortedPairs() {
    }

    /** Every pair but the {@code excluded} names, sorted; an empty value is left out unless {@code keepEmpty}. */
    static String join(Map<String, String> params, Set<String> excluded, boolean keepEmpty) {
        // String's natural order compares UTF-16 units, which is ASCII order for the ASCII names both APIs use
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((name, value) -> {
            if (name != null && !excluded.contains(name) && value != null && (keepEmpty || !value.isEmpty())) {
                sorted.put(name, value);
            }
        });
        StringJoiner joined = new StringJoiner("&");
        sorted.forEach((name, value) -> joined.add(name + "=" + value));
        return joined.toString();
    }

    /** Lower-case hex MD5 of the text's UTF-8 bytes. */
    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
