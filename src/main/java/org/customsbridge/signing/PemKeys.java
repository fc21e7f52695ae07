package org.customsbridge.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Loads RSA keys the way operators hand them over: PEM text, the bare Base64 body that Alipay's
 * consoles print, or a {@code file:} path to either. The key material itself never appears in an
 * exception message.
 */
public final class PemKeys {

    private PemKeys() {
    }

    public static PrivateKey privateKey(String source) {
        byte[] der = der(source, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8 form", e);
        }
    }

    public static PublicKey publicKey(String source) {
        byte[] der = der(source, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key in X.509 (SubjectPublicKeyInfo) form", e);
        }
    }

    /** PEM text for a DER-encoded key, with the given label (e.g. {@code PRIVATE KEY}). */
    public static String toPem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** The bare Base64 body of a key, as Alipay's SDKs take it. */
    public static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static byte[] der(String source, String expectedLabel) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("no key given");
        }
        String text = KeySources.text(source);
        if (text.contains("-----BEGIN RSA " + expectedLabel)) {
            throw new IllegalArgumentException("PKCS#1 key given; convert it to PKCS#8 "
                    + "(openssl pkcs8 -topk8 -nocrypt)");
        }
        int begin = text.indexOf("-----BEGIN ");
        if (begin >= 0) {
            int bodyStart = text.indexOf("-----", begin + "-----BEGIN ".length()) + "-----".length();
            int end = text.indexOf("-----END ", bodyStart);
            if (bodyStart < "-----".length() || end < 0) {
                throw new IllegalArgumentException("incomplete PEM text");
            }
            text = text.substring(bodyStart, end);
        }
        String body = text.replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key is neither PEM nor Base64 text");
        }
    }
}
