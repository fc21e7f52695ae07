package org.customsbridge.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * WeChat Pay v2's MD5 signature, both ways: every parameter but {@code sign}, empty ones left out,
 * sorted by name, joined as {@code name=value&...} with the values raw, then {@code &key=} and the
 * merchant's API key; the upper-case hex MD5 of that text's UTF-8 bytes. {@code sign_type}, when
 * sent, is signed like any other parameter. Answers are verified over all their children but
 * {@code sign}. {@link #toString()} never shows the key.
 */
public final class WechatSigner {

    public static final String SIGN = "sign";

    private final String apiKey;

    public WechatSigner(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException("WeChat Pay signatures need the merchant's API key");
        }
        this.apiKey = apiKey;
    }

    /** What the signature covers, before the key: the sorted non-empty pairs. */
    public static String preSign(Map<String, String> params) {
        return SortedPairs.join(params, Set.of(SIGN), false);
    }

    /** The {@code sign} value of these parameters. */
    public String sign(Map<String, String> params) {
        return SortedPairs.md5Hex(preSign(params) + "&key=" + apiKey).toUpperCase(Locale.ROOT);
    }

    /** Whether {@code sign} is the signature of {@code params} (their own {@code sign} aside); case matters not. */
    public boolean verify(Map<String, String> params, String sign) {
        if (params == null || sign == null || sign.isEmpty()) {
            return false;
        }
        // constant time, as for MAPI's MD5: an early exit would tell how much of a guess is right
        return MessageDigest.isEqual(sign(params).getBytes(StandardCharsets.US_ASCII),
                sign.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "WechatSigner[MD5]";
    }
}
