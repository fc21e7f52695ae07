package org.customsbridge.signing;

import java.util.Optional;

/** The Alipay+ {@code Signature} header: {@code algorithm=RSA256,keyVersion=1,signature=...}. */
public record SignatureHeader(String algorithm, String keyVersion, String signature) {

    public static final String RSA256 = "RSA256";

    public String format() {
        return "algorithm=" + algorithm + ",keyVersion=" + keyVersion + ",signature=" + signature;
    }

    /** Parses the header; empty when it is missing or lacks a signature. */
    public static Optional<SignatureHeader> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String algorithm = null;
        String keyVersion = null;
        String signature = null;
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            switch (name) {
                case "algorithm" -> algorithm = value;
                case "keyVersion" -> keyVersion = value;
                case "signature" -> signature = value;
                default -> { }
            }
        }
        return signature == null || signature.isEmpty()
                ? Optional.empty()
                : Optional.of(new SignatureHeader(algorithm, keyVersion, signature));
    }
}
