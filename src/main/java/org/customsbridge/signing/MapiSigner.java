package org.customsbridge.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs and verifies MAPI text with one sign type. MD5 is the lowercase hex MD5 of
 * {@code UTF-8(content + key)}; RSA (SHA1withRSA) and RSA2 (SHA256withRSA) are Base64 signatures
 * made with one party's private key and checked with the other party's public key. The bundle signs
 * with the merchant's key and verifies with Alipay's; the simulator the other way round.
 * {@link #toString()} names the sign type only.
 */
public final class MapiSigner {

    private final MapiSignType type;
    private final String md5Key;
    private final PrivateKey signingKey;
    private final PublicKey verifyingKey;

    /**
     * A signer for {@code type}, given what that type needs and ignoring the rest: the MD5 key for
     * {@link MapiSignType#MD5}, both RSA keys for RSA and RSA2. The configuration can thus hold every
     * key and switch {@code sign-type} alone.
     *
     * @param signingKey   this side's private key (the merchant's, in the bundle)
     * @param verifyingKey the other side's public key (Alipay's, in the bundle)
     */
    public MapiSigner(MapiSignType type, String md5Key, PrivateKey signingKey, PublicKey verifyingKey) {
        this.type = Objects.requireNonNull(type, "type");
        if (type == MapiSignType.MD5) {
            if (md5Key == null || md5Key.isEmpty()) {
                throw new IllegalArgumentException("sign type MD5 needs an MD5 key");
            }
            this.md5Key = md5Key;
            this.signingKey = null;
            this.verifyingKey = null;
        } else {
            if (signingKey == null || verifyingKey == null) {
                throw new IllegalArgumentException("sign type " + type + " needs a private key and a public key");
            }
            this.md5Key = null;
            this.signingKey = signingKey;
            this.verifyingKey = verifyingKey;
        }
    }

    /** MD5 with the key shared by merchant and Alipay. */
    public static MapiSigner md5(String key) {
        return new MapiSigner(MapiSignType.MD5, key, null, null);
    }

    /** RSA or RSA2 with this side's private key and the other side's public key. */
    public static MapiSigner rsa(MapiSignType type, PrivateKey signingKey, PublicKey verifyingKey) {
        if (type == MapiSignType.MD5) {
            throw new IllegalArgumentException("RSA or RSA2 expected, not MD5");
        }
        return new MapiSigner(type, null, signingKey, verifyingKey);
    }

    public MapiSignType type() {
        return type;
    }

    /** The {@code sign} value for these request parameters ({@link MapiSignature#preSign}). */
    public String sign(Map<String, String> params) {
        return signContent(MapiSignature.preSign(params));
    }

    /** The parameters with {@code sign} and {@code sign_type} set, in their original order. */
    public Map<String, String> signed(Map<String, String> params) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.remove(MapiSignature.SIGN);
        signed.remove(MapiSignature.SIGN_TYPE);
        signed.put(MapiSignature.SIGN, sign(params));
        signed.put(MapiSignature.SIGN_TYPE, type.name());
        return signed;
    }

    /** The signature of exactly this text, e.g. the inner text of an answer's {@code <response>}. */
    public String signContent(String content) {
        if (type == MapiSignType.MD5) {
            return md5Hex(content);
        }
        return Base64.getEncoder().encodeToString(
                RsaSignatures.sign(type.jcaAlgorithm(), signingKey, content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code sign} is this sign type's signature of {@code content}; anything malformed is not. */
    public boolean verify(String content, String sign) {
        if (content == null || sign == null || sign.isEmpty()) {
            return false;
        }
        if (type == MapiSignType.MD5) {
            // constant time: a byte-by-byte early exit would tell an attacker how much of a guess is right
            return MessageDigest.isEqual(md5Hex(content).getBytes(StandardCharsets.US_ASCII),
                    sign.getBytes(StandardCharsets.UTF_8));
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(sign);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return RsaSignatures.verify(type.jcaAlgorithm(), verifyingKey, content.getBytes(StandardCharsets.UTF_8),
                signature);
    }

    private String md5Hex(String content) {
        return SortedPairs.md5Hex(content + md5Key);
    }

    @Override
    public String toString() {
        return "MapiSigner[signType=" + type + "]";
    }
}
