package org.customsbridge.signing;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * Alipay+ message signatures (RSA256 = SHA256withRSA) over
 * {@code <METHOD> <path>\n<Client-Id>.<time>.<body>}, carried URL-encoded in the
 * {@code Signature} header. The same rule signs requests and answers.
 */
public final class AlipayPlusSignature {

    static final String JCA_ALGORITHM = "SHA256withRSA";

    private AlipayPlusSignature() {
    }

    public static String contentToSign(String httpMethod, String path, String clientId, String time, String body) {
        return httpMethod + " " + path + "\n" + clientId + "." + time + "." + body;
    }

    /** The URL-encoded Base64 signature, as it goes into {@code signature=} of the header. */
    public static String sign(String httpMethod, String path, String clientId, String time, String body,
                              PrivateKey privateKey) {
        byte[] signature = RsaSignatures.sign(JCA_ALGORITHM, privateKey,
                contentToSign(httpMethod, path, clientId, time, body).getBytes(StandardCharsets.UTF_8));
        return URLEncoder.encode(Base64.getEncoder().encodeToString(signature), StandardCharsets.UTF_8);
    }

    /** Verifies a URL-encoded Base64 signature; anything malformed is simply not valid. */
    public static boolean verify(String httpMethod, String path, String clientId, String time, String body,
                                 String urlEncodedSignature, PublicKey publicKey) {
        if (urlEncodedSignature == null || urlEncodedSignature.isEmpty()) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(URLDecoder.decode(urlEncodedSignature, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return RsaSignatures.verify(JCA_ALGORITHM, publicKey,
                contentToSign(httpMethod, path, clientId, time, body).getBytes(StandardCharsets.UTF_8), signature);
    }
}
