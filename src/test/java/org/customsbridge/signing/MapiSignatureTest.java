package org.customsbridge.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.alipay.api.internal.util.AlipaySignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.customsbridge.testsupport.TestKeys;

/** MAPI signatures against worked MD5 vectors (checked with md5sum) and Alipay's own SDK ({@link AlipaySignature}). */
class MapiSignatureTest {

    static final String DEMO_KEY = "demokeyfordocsonly0123456789abcd";
    static final String QUERY_PRESIGN = "_input_charset=UTF-8&out_request_nos=201506010001,201506010002"
            + "&partner=2088101568338364&service=alipay.overseas.acquire.customs.query";
    static final String DECLARE_PRESIGN = "_input_charset=UTF-8&amount=123.45&buyer_name=张三&customs_place=ZONGSHU"
            + "&is_split=F&merchant_customs_code=hanguo&merchant_customs_name=jwyhanguo_card"
            + "&out_request_no=20261124000001&partner=2088101568338364&service=alipay.acquire.customs"
            + "&trade_no=2026112422001300000000000001";

    static KeyPair merchant;
    static KeyPair alipay;
    static String merchantPrivateBase64;
    static String merchantPublicBase64;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        merchant = TestKeys.rsa2048();
        alipay = TestKeys.rsa2048();
        merchantPrivateBase64 = PemKeys.base64(merchant.getPrivate().getEncoded());
        merchantPublicBase64 = PemKeys.base64(merchant.getPublic().getEncoded());
    }

    static Map<String, String> queryParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("service", "alipay.overseas.acquire.customs.query");
        params.put("partner", "2088101568338364");
        params.put("_input_charset", "UTF-8");
        params.put("sign_type", "MD5");
        params.put("out_request_nos", "201506010001,201506010002");
        return params;
    }

    static Map<String, String> declareParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("service", "alipay.acquire.customs");
        params.put("partner", "2088101568338364");
        params.put("_input_charset", "UTF-8");
        params.put("sign_type", "MD5");
        params.put("out_request_no", "20261124000001");
        params.put("trade_no", "2026112422001300000000000001");
        params.put("merchant_customs_code", "hanguo");
        params.put("merchant_customs_name", "jwyhanguo_card");
        params.put("amount", "123.45");
        params.put("customs_place", "ZONGSHU");
        params.put("is_split", "F");
        params.put("buyer_name", "张三");
        params.put("buyer_id_no", "");
        return params;
    }

    static MapiSigner merchantSigner(MapiSignType type) {
        return MapiSigner.rsa(type, merchant.getPrivate(), alipay.getPublic());
    }

    /** How Alipay would check a merchant's signature: with the merchant's public key. */
    static MapiSigner alipaySigner(MapiSignType type) {
        return MapiSigner.rsa(type, alipay.getPrivate(), merchant.getPublic());
    }

    // ------------------------------------------------------------------ preSign and MD5: the worked vectors

    @Test
    void queryVectorPreSignAndMd5MatchTheWorkedExample() {
        assertThat(MapiSignature.preSign(queryParams())).isEqualTo(QUERY_PRESIGN);
        assertThat(MapiSigner.md5(DEMO_KEY).sign(queryParams())).isEqualTo("e6d6e7d6dbf88748082a40da1982ac13");
    }

    @Test
    void declareVectorDropsTheEmptyValueAndSignsUtf8() {
        assertThat(MapiSignature.preSign(declareParams())).isEqualTo(DECLARE_PRESIGN);
        assertThat(MapiSigner.md5(DEMO_KEY).sign(declareParams())).isEqualTo("f17ac80b017433f7c2b2f9c869f7ed49");
    }

    @Test
    void preSignLeavesOutSignSignTypeEmptyAndNullValuesAndKeepsValuesRaw() {
        Map<String, String> params = new HashMap<>();
        params.put("b", "x y&z=1%2B+");
        params.put("a", "1");
        params.put("sign", "abc");
        params.put("sign_type", "RSA2");
        params.put("empty", "");
        params.put("none", null);
        params.put("B", "upper before lower");
        params.put("_u", "underscore after upper");

        assertThat(MapiSignature.preSign(params)).isEqualTo("B=upper before lower&_u=underscore after upper&a=1"
                + "&b=x y&z=1%2B+");
        assertThat(MapiSignature.preSign(Map.of())).isEmpty();
    }

    @Test
    void preSignIsTheSdksSignCheckContent() {
        Map<String, String> params = declareParams();
        params.put("sign", "whatever");

        // the SDK removes sign and sign_type from the map it is given: hand it a copy
        assertThat(MapiSignature.preSign(params)).isEqualTo(AlipaySignature.getSignCheckContentV1(new HashMap<>(params)));
    }

    @Test
    void md5VerifiesItsOwnSignatureOnly() {
        MapiSigner signer = MapiSigner.md5(DEMO_KEY);

        assertThat(signer.verify(QUERY_PRESIGN, "e6d6e7d6dbf88748082a40da1982ac13")).isTrue();
        assertThat(signer.verify(QUERY_PRESIGN + "&x=1", "e6d6e7d6dbf88748082a40da1982ac13")).isFalse();
        assertThat(signer.verify(QUERY_PRESIGN, "e6d6e7d6dbf88748082a40da1982ac14")).isFalse();
        assertThat(signer.verify(QUERY_PRESIGN, "e6d6e7d6dbf88748082a40da1982ac1")).isFalse();
        assertThat(MapiSigner.md5("anotherkey").verify(QUERY_PRESIGN, "e6d6e7d6dbf88748082a40da1982ac13")).isFalse();
    }

    // ------------------------------------------------------------------ RSA and RSA2 against the SDK

    @ParameterizedTest
    @EnumSource(value = MapiSignType.class, names = {"RSA", "RSA2"})
    void ourSignatureVerifiesWithAlipaysSdk(MapiSignType type) throws Exception {
        String ours = merchantSigner(type).sign(declareParams());

        assertThat(AlipaySignature.rsaCheck(DECLARE_PRESIGN, ours, merchantPublicBase64, "UTF-8", type.name()))
                .isTrue();
        assertThat(AlipaySignature.rsaCheckV1(withSign(declareParams(), ours, type), merchantPublicBase64, "UTF-8",
                type.name())).as("the SDK's own notion of the signed content").isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = MapiSignType.class, names = {"RSA", "RSA2"})
    void alipaysSdkSignatureVerifiesWithOurs(MapiSignType type) throws Exception {
        String theirs = AlipaySignature.rsaSign(DECLARE_PRESIGN, merchantPrivateBase64, "UTF-8", type.name());

        assertThat(alipaySigner(type).verify(DECLARE_PRESIGN, theirs)).isTrue();
        assertThat(alipaySigner(type).verify(DECLARE_PRESIGN.replace("123.45", "123.46"), theirs)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = MapiSignType.class, names = {"RSA", "RSA2"})
    void signatureIsExactlyTheSdksBase64(MapiSignType type) throws Exception {
        // PKCS#1 v1.5 signatures are deterministic: same key, same content, same text
        assertThat(merchantSigner(type).sign(declareParams()))
                .isEqualTo(AlipaySignature.rsaSign(DECLARE_PRESIGN, merchantPrivateBase64, "UTF-8", type.name()));
    }

    @Test
    void rsaAndRsa2AreDifferentAlgorithms() {
        String rsa = merchantSigner(MapiSignType.RSA).sign(queryParams());
        String rsa2 = merchantSigner(MapiSignType.RSA2).sign(queryParams());

        assertThat(rsa).isNotEqualTo(rsa2);
        assertThat(alipaySigner(MapiSignType.RSA).verify(QUERY_PRESIGN, rsa)).isTrue();
        assertThat(alipaySigner(MapiSignType.RSA2).verify(QUERY_PRESIGN, rsa)).isFalse();
        assertThat(alipaySigner(MapiSignType.RSA).verify(QUERY_PRESIGN, rsa2)).isFalse();
    }

    @Test
    void signatureOfTheWrongKeyFails() {
        String signedByAlipay = alipaySigner(MapiSignType.RSA2).signContent(QUERY_PRESIGN);

        assertThat(alipaySigner(MapiSignType.RSA2).verify(QUERY_PRESIGN, signedByAlipay))
                .as("verified with the merchant's key").isFalse();
        assertThat(merchantSigner(MapiSignType.RSA2).verify(QUERY_PRESIGN, signedByAlipay)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not base64!", "AAAA", "%2B%2F", "   "})
    void malformedSignaturesAreFalseNotExceptions(String sign) {
        for (MapiSigner signer : new MapiSigner[] {MapiSigner.md5(DEMO_KEY), alipaySigner(MapiSignType.RSA),
                alipaySigner(MapiSignType.RSA2)}) {
            assertThatCode(() -> assertThat(signer.verify(QUERY_PRESIGN, sign)).isFalse()).doesNotThrowAnyException();
        }
        assertThat(alipaySigner(MapiSignType.RSA2).verify(QUERY_PRESIGN,
                Base64.getEncoder().encodeToString(new byte[256]))).isFalse();
        assertThat(MapiSigner.md5(DEMO_KEY).verify(null, "e6d6e7d6dbf88748082a40da1982ac13")).isFalse();
    }

    // ------------------------------------------------------------------ construction

    @Test
    void signedAddsSignAndSignTypeAndReplacesStaleOnes() {
        Map<String, String> params = queryParams();
        params.put("sign_type", "RSA");
        params.put("sign", "stale");

        Map<String, String> signed = MapiSigner.md5(DEMO_KEY).signed(params);

        assertThat(signed).containsEntry("sign", "e6d6e7d6dbf88748082a40da1982ac13").containsEntry("sign_type", "MD5");
        assertThat(signed.keySet()).containsSubsequence("service", "out_request_nos", "sign", "sign_type");
        assertThat(params).containsEntry("sign", "stale");
    }

    @Test
    void toStringNamesTheTypeOnly() {
        assertThat(MapiSigner.md5(DEMO_KEY).toString()).isEqualTo("MapiSigner[signType=MD5]").doesNotContain(DEMO_KEY);
        assertThat(merchantSigner(MapiSignType.RSA2).toString()).isEqualTo("MapiSigner[signType=RSA2]");
    }

    @Test
    void eachTypeNeedsItsKeysAndMessagesShowNone() {
        assertThatThrownBy(() -> MapiSigner.md5("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MapiSigner.md5(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MapiSigner(MapiSignType.RSA2, DEMO_KEY, merchant.getPrivate(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sign type RSA2 needs a private key and a public key");
        assertThatThrownBy(() -> MapiSigner.rsa(MapiSignType.MD5, merchant.getPrivate(), alipay.getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
        // the configuration may hold every key: each type takes what it needs
        assertThat(new MapiSigner(MapiSignType.MD5, DEMO_KEY, merchant.getPrivate(), alipay.getPublic())
                .sign(queryParams())).isEqualTo("e6d6e7d6dbf88748082a40da1982ac13");
    }

    @Test
    void signTypesParseInUpperCaseOnly() {
        assertThat(MapiSignType.parse("RSA2")).contains(MapiSignType.RSA2);
        assertThat(MapiSignType.parse("MD5")).contains(MapiSignType.MD5);
        assertThat(MapiSignType.parse("rsa2")).isEmpty();
        assertThat(MapiSignType.parse("DSA")).isEmpty();
        assertThat(MapiSignType.parse(null)).isEmpty();
    }

    private static Map<String, String> withSign(Map<String, String> params, String sign, MapiSignType type) {
        Map<String, String> signed = new HashMap<>(params);
        signed.put("sign", sign);
        signed.put("sign_type", type.name());
        return signed;
    }
}
