package org.customsbridge.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import com.alipay.global.api.base64.Base64Encryptor;
import com.alipay.global.api.tools.SignatureTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.customsbridge.testsupport.TestKeys;

/** Our Alipay+ RSA256 signatures against Alipay+'s documented worked example and Alipay's own SDK ({@link SignatureTool}). */
class AlipayPlusSignatureTest {

    static final String PATH = "/aps/api/v1/customs/declare";
    static final String CLIENT_ID = "SANDBOX_5Y00000000001";
    static final String TIME = "2026-11-24T10:15:30+08:00";
    /** The body of Alipay+'s signing worked example. */
    static final String BODY = "{\"paymentRequestId\":\"PAY-20261124-0001\",\"customsDeclarationRequestId\":"
            + "\"DEC-20261124-0001\",\"customs\":{\"customsCode\":\"ZONGSHU\",\"region\":\"CN\"},"
            + "\"merchantCustomsInfo\":{\"merchantCustomsCode\":\"hanguo\",\"merchantCustomsName\":\"jwyhanguo_card\"},"
            + "\"declarationAmount\":{\"currency\":\"CNY\",\"value\":\"12345\"},\"isSplit\":\"false\"}";
    /** The content to sign of the worked example, verbatim. */
    static final String WORKED_CONTENT = """
            POST /aps/api/v1/customs/declare
            SANDBOX_5Y00000000001.2026-11-24T10:15:30+08:00.{"paymentRequestId":"PAY-20261124-0001",\
            "customsDeclarationRequestId":"DEC-20261124-0001","customs":{"customsCode":"ZONGSHU","region":"CN"},\
            "merchantCustomsInfo":{"merchantCustomsCode":"hanguo","merchantCustomsName":"jwyhanguo_card"},\
            "declarationAmount":{"currency":"CNY","value":"12345"},"isSplit":"false"}""";

    static KeyPair merchant;
    static KeyPair other;
    static String merchantPrivateBase64;
    static String merchantPublicBase64;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        // the SDK's default Base64 uses javax.xml.bind, which Java 17 no longer ships; the SDK lets one plug in another
        SignatureTool.setBase64Encryptor(new Base64Encryptor() {
            @Override
            public String encodeToString(byte[] bytes) {
                return Base64.getEncoder().encodeToString(bytes);
            }

            @Override
            public byte[] decode(String text) {
                return Base64.getDecoder().decode(text);
            }
        });
        merchant = TestKeys.rsa2048();
        other = TestKeys.rsa2048();
        merchantPrivateBase64 = PemKeys.base64(merchant.getPrivate().getEncoded());
        merchantPublicBase64 = PemKeys.base64(merchant.getPublic().getEncoded());
    }

    @Test
    void contentToSignIsTheWorkedExampleCharacterForCharacter() {
        String content = AlipayPlusSignature.contentToSign("POST", PATH, CLIENT_ID, TIME, BODY);

        assertThat(content).isEqualTo(WORKED_CONTENT);
        assertThat(content).isEqualTo(SignatureTool.genSignContent("POST", PATH, CLIENT_ID, TIME, BODY));
    }

    @Test
    void ourSignatureVerifiesWithAlipaysSdk() throws Exception {
        String ours = AlipayPlusSignature.sign("POST", PATH, CLIENT_ID, TIME, BODY, merchant.getPrivate());

        assertThat(SignatureTool.verify("POST", PATH, CLIENT_ID, TIME, BODY, ours, merchantPublicBase64)).isTrue();
    }

    @Test
    void alipaysSdkSignatureVerifiesWithOurs() throws Exception {
        String theirs = SignatureTool.sign("POST", PATH, CLIENT_ID, TIME, BODY, merchantPrivateBase64);

        assertThat(AlipayPlusSignature.verify("POST", PATH, CLIENT_ID, TIME, BODY, theirs, merchant.getPublic()))
                .isTrue();
    }

    @Test
    void signatureIsUrlEncodedBase64ExactlyAsTheSdkMakesIt() throws Exception {
        // PKCS#1 v1.5 signatures are deterministic: same key, same content, same bytes
        String ours = AlipayPlusSignature.sign("POST", PATH, CLIENT_ID, TIME, BODY, merchant.getPrivate());
        String theirs = SignatureTool.sign("POST", PATH, CLIENT_ID, TIME, BODY, merchantPrivateBase64);

        assertThat(ours).isEqualTo(theirs);
        assertThat(ours).doesNotContain("+", "/", "=");
    }

    @Test
    void nonAsciiBodyIsSignedAsUtf8LikeTheSdk() throws Exception {
        String body = BODY.replace("jwyhanguo_card", "杭州跨境旗舰店");
        String ours = AlipayPlusSignature.sign("POST", PATH, CLIENT_ID, TIME, body, merchant.getPrivate());

        assertThat(SignatureTool.verify("POST", PATH, CLIENT_ID, TIME, body, ours, merchantPublicBase64)).isTrue();
        assertThat(ours).isEqualTo(SignatureTool.sign("POST", PATH, CLIENT_ID, TIME, body, merchantPrivateBase64));
    }

    @Test
    void tamperedBodyTimeClientIdOrPathFail() {
        String signature = AlipayPlusSignature.sign("POST", PATH, CLIENT_ID, TIME, BODY, merchant.getPrivate());

        assertThat(AlipayPlusSignature.verify("POST", PATH, CLIENT_ID, TIME, BODY, signature, merchant.getPublic()))
                .isTrue();
        assertThat(AlipayPlusSignature.verify("POST", PATH, CLIENT_ID, TIME,
                BODY.replace("\"12345\"", "\"12346\""), signature, merchant.getPublic())).isFalse();
        assertThat(AlipayPlusSignature.verify("POST", PATH, CLIENT_ID, "2026-11-24T10:15:31+08:00", BODY,
                signature, merchant.getPublic())).isFalse();
        assertThat(AlipayPlusSignature.verify("POST", PATH, "SANDBOX_5Y00000000002", TIME, BODY,
                signature, merchant.getPublic())).isFalse();
        assertThat(AlipayPlusSignature.verify("POST", "/aps/api/v1/customs/inquireDeclarationRequests",
                CLIENT_ID, TIME, BODY, signature, merchant.getPublic())).isFalse();
    }

    @Test
    void signatureFromAnotherKeyFails() {
        String signature = AlipayPlusSignature.sign("POST", PATH, CLIENT_ID, TIME, BODY, other.getPrivate());

        assertThat(AlipayPlusSignature.verify("POST", PATH, CLIENT_ID, TIME, BODY, signature, merchant.getPublic()))
                .isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not base64 at all!", "%zz%", "%", "abc", "AAAA", "YWJj%3D%3D%3D%3D", "   "})
    void malformedSignatureTextIsFalseNotAnException(String signature) {
        assertThatCode(() -> assertThat(AlipayPlusSignature.verify("POST", PATH, CLIENT_ID, TIME, BODY, signature,
                merchant.getPublic())).isFalse()).doesNotThrowAnyException();
    }

    @Test
    void base64OfTheRightLengthButWrongBytesIsFalse() {
        String wrong = URLEncoder.encode(Base64.getEncoder().encodeToString(new byte[256]),
                StandardCharsets.UTF_8);

        assertThat(AlipayPlusSignature.verify("POST", PATH, CLIENT_ID, TIME, BODY, wrong, merchant.getPublic()))
                .isFalse();
    }
}
