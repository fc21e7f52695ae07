package org.customsbridge.mapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The HTTP body of a MAPI call: {@code application/x-www-form-urlencoded}, UTF-8. Encoding happens
 * here and only here; the signature covers the raw values.
 */
public final class MapiForm {

    private MapiForm() {
    }

    public static String encode(Map<String, String> signedParams) {
        StringJoiner body = new StringJoiner("&");
        signedParams.forEach((name, value) -> {
            if (value != null) {
                body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return body.toString();
    }
}
