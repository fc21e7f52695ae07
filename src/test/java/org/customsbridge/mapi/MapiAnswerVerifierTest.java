package org.customsbridge.mapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import com.alipay.api.internal.util.AlipaySignature;
import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.signing.MapiSignType;
import org.customsbridge.signing.MapiSigner;
import org.customsbridge.signing.PemKeys;
import org.customsbridge.testsupport.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Which MAPI answers may be trusted: signed by Alipay under one of the accepted readings of what the
 * signature covers. RSA answers are signed with Alipay's own SDK ({@link AlipaySignature}).
 */
@ExtendWith(OutputCaptureExtension.class)
class MapiAnswerVerifierTest {

    static final String KEY = "demokeyfordocsonly0123456789abcd";
    static final String RESPONSE = "\n        <alipay>\n            <alipay_declare_no>2026000000001</alipay_declare_no>\n"
            + "            <out_request_no>20261124000001</out_request_no>\n"
            + "            <result_code>SUCCESS</result_code>\n"
            + "            <trade_no>2026112422001300000000000001</trade_no>\n        </alipay>\n    ";

    static KeyPair merchant;
    static KeyPair alipay;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        merchant = TestKeys.rsa2048();
        alipay = TestKeys.rsa2048();
    }

    /** The bundle's side: signs with the merchant's key, verifies with Alipay's. */
    static MapiSigner bundle(MapiSignType type) {
        return type == MapiSignType.MD5 ? MapiSigner.md5(KEY)
                : MapiSigner.rsa(type, merchant.getPrivate(), alipay.getPublic());
    }

    /** Alipay's side: signs answers with its own key. */
    static MapiSigner alipay(MapiSignType type) {
        return type == MapiSignType.MD5 ? MapiSigner.md5(KEY)
                : MapiSigner.rsa(type, alipay.getPrivate(), merchant.getPublic());
    }

    static String answer(String response, String sign, String signType) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<alipay>\n    <is_success>T</is_success>\n"
                + "    <response>" + response + "</response>\n"
                + (sign == null ? "" : "    <sign>" + sign + "</sign>\n")
                + (signType == null ? "" : "    <sign_type>" + signType + "</sign_type>\n") + "</alipay>";
    }

    /** Alipay's signature of {@code content}: its SDK for RSA and RSA2, the shared-key digest for MD5. */
    static String signedByAlipay(MapiSignType type, String content) throws Exception {
        if (type == MapiSignType.MD5) {
            return alipay(type).signContent(content);
        }
        return AlipaySignature.rsaSign(content, PemKeys.base64(alipay.getPrivate().getEncoded()), "UTF-8", type.name());
    }

    /** An answer whose signature covers what {@code variant} says, for every sign type. */
    static Stream<Arguments> variantsAndSignTypes() {
        return Stream.of(MapiAnswerSigning.values()).flatMap(variant -> Stream.of(MapiSignType.values())
                .map(type -> Arguments.of(variant, type)));
    }

    static String signedAnswer(MapiAnswerSigning variant, MapiSignType type, String response) throws Exception {
        String content = variant.content(MapiAnswerSigningTest.parsed(response));
        return answer(response, signedByAlipay(type, content), type.name());
    }

    @ParameterizedTest
    @MethodSource("variantsAndSignTypes")
    void answerSignedByAnAcceptedVariantIsTrusted(MapiAnswerSigning variant, MapiSignType type) throws Exception {
        String xml = signedAnswer(variant, type, MapiAnswerSigningTest.QUIRKY_RESPONSE);

        MapiAnswer answer = new MapiAnswerVerifier(bundle(type)).verify(xml);
        assertThat(answer.resultCode()).isEqualTo("SUCCESS");
        assertThat(answer.field("memo")).isEqualTo("A & B");
        assertThat(new MapiAnswerVerifier(bundle(type), Set.of(variant), () -> "gw").verify(xml).resultCode())
                .isEqualTo("SUCCESS");
    }

    @ParameterizedTest
    @MethodSource("variantsAndSignTypes")
    void narrowingTheVariantsRefusesTheOthers(MapiAnswerSigning variant, MapiSignType type) throws Exception {
        String xml = signedAnswer(variant, type, MapiAnswerSigningTest.QUIRKY_RESPONSE);
        EnumSet<MapiAnswerSigning> others = EnumSet.complementOf(EnumSet.of(variant));

        assertThatThrownBy(() -> new MapiAnswerVerifier(bundle(type), others, () -> "gw").verify(xml))
                .isInstanceOfSatisfying(NoTrustedAnswerException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNTRUSTED_ANSWER");
                    assertThat(e.getMessage()).contains("customs.mapi.answer-signature=")
                            .doesNotContain(variant.settingName() + ",").doesNotContain(KEY);
                });
    }

    @ParameterizedTest
    @MethodSource("variantsAndSignTypes")
    void tamperedAnswerIsRefusedUnderEveryVariant(MapiAnswerSigning variant, MapiSignType type) throws Exception {
        String sign = signedByAlipay(type, variant.content(MapiAnswerSigningTest.parsed(RESPONSE)));

        for (String tampered : new String[] {RESPONSE.replace("2026000000001", "2026000000002"),
                RESPONSE.replace("SUCCESS", "FAIL"),
                RESPONSE.replace("<trade_no>", "<identity_check>T</identity_check><trade_no>"),
                RESPONSE.replace("            <out_request_no>20261124000001</out_request_no>\n", "")}) {
            assertUntrusted(bundle(type), answer(tampered, sign, type.name()), "UNTRUSTED_ANSWER");
        }
    }

    @Test
    void theMatchingVariantIsLoggedOncePerGateway(CapturedOutput output) throws Exception {
        String sorted = signedAnswer(MapiAnswerSigning.SORTED, MapiSignType.MD5, RESPONSE);
        String trimmed = signedAnswer(MapiAnswerSigning.SORTED_TRIMMED, MapiSignType.MD5,
                MapiAnswerSigningTest.QUIRKY_RESPONSE);
        MapiAnswerVerifier first = new MapiAnswerVerifier(bundle(MapiSignType.MD5),
                EnumSet.allOf(MapiAnswerSigning.class), () -> "https://first.example/gateway.do");
        MapiAnswerVerifier second = new MapiAnswerVerifier(bundle(MapiSignType.MD5),
                EnumSet.allOf(MapiAnswerSigning.class), () -> "https://second.example/gateway.do");

        for (int i = 0; i < 3; i++) {
            first.verify(sorted);
            second.verify(sorted);
        }
        first.verify(trimmed);

        assertThat(output.getOut().split("verify as signed by the rule", -1)).hasSize(4);
        assertThat(output.getOut()).contains("https://first.example/gateway.do verify as signed by the rule"
                        + " 'sorted' (customs.mapi.answer-signature)")
                .contains("https://second.example/gateway.do verify as signed by the rule 'sorted'")
                .contains("https://first.example/gateway.do verify as signed by the rule 'sorted-trimmed'")
                .doesNotContain(KEY);
    }

    @Test
    void noVariantAtAllIsAConfigurationError() {
        assertThatThrownBy(() -> new MapiAnswerVerifier(bundle(MapiSignType.MD5), Set.of(), () -> "gw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customs.mapi.answer-signature").hasMessageContaining("sorted-trimmed");
    }

    @ParameterizedTest
    @EnumSource(MapiSignType.class)
    void answerSignedOverItsResponseTextIsTrusted(MapiSignType type) throws Exception {
        String xml = answer(RESPONSE, alipay(type).signContent(RESPONSE), type.name());

        MapiAnswer answer = new MapiAnswerVerifier(bundle(type)).verify(xml);

        assertThat(answer.resultCode()).isEqualTo("SUCCESS");
        assertThat(answer.field("alipay_declare_no")).isEqualTo("2026000000001");
    }

    @ParameterizedTest
    @EnumSource(MapiSignType.class)
    void anyChangeToTheResponseTextBreaksTheSignature(MapiSignType type) {
        String sign = alipay(type).signContent(RESPONSE);

        for (String tampered : new String[] {RESPONSE.replace("2026000000001", "2026000000002"),
                RESPONSE.replace("        </alipay>", "       </alipay>"), RESPONSE + " ",
                RESPONSE.replace("</trade_no>", "</trade_no><!-- -->")}) {
            assertUntrusted(bundle(type), answer(tampered, sign, type.name()), "UNTRUSTED_ANSWER");
        }
    }

    @Test
    void rsaAnswerSignedWithTheMerchantsOwnKeyIsNotTrusted() {
        String signedByMerchant = bundle(MapiSignType.RSA2).signContent(RESPONSE);

        assertUntrusted(bundle(MapiSignType.RSA2), answer(RESPONSE, signedByMerchant, "RSA2"), "UNTRUSTED_ANSWER");
    }

    @Test
    void answerWithoutSignOrSignTypeIsUnsigned() {
        String sign = alipay(MapiSignType.MD5).signContent(RESPONSE);

        assertUntrusted(bundle(MapiSignType.MD5), answer(RESPONSE, null, "MD5"), "UNSIGNED_ANSWER");
        assertUntrusted(bundle(MapiSignType.MD5), answer(RESPONSE, sign, null), "UNSIGNED_ANSWER");
        assertUntrusted(bundle(MapiSignType.MD5), answer(RESPONSE, "", ""), "UNSIGNED_ANSWER");
        assertUntrusted(bundle(MapiSignType.MD5), "<alipay><is_success>T</is_success><sign>" + sign
                + "</sign><sign_type>MD5</sign_type></alipay>", "UNSIGNED_ANSWER");
    }

    @Test
    void answerSignedWithAnotherSignTypeIsNotTrusted() {
        // a weaker type than configured must not be let in, even with a valid signature of its own
        String md5 = alipay(MapiSignType.MD5).signContent(RESPONSE);
        String rsa = alipay(MapiSignType.RSA).signContent(RESPONSE);

        assertUntrusted(bundle(MapiSignType.RSA2), answer(RESPONSE, md5, "MD5"), "UNTRUSTED_ANSWER");
        assertUntrusted(bundle(MapiSignType.RSA2), answer(RESPONSE, rsa, "RSA"), "UNTRUSTED_ANSWER");
        assertUntrusted(bundle(MapiSignType.MD5), answer(RESPONSE, md5, "md5"), "UNTRUSTED_ANSWER");
    }

    @Test
    void seedsSignedAnswersDoNotVerifyWithTheDemoKey() {
        // their key is Alipay's, unknown here: a sign that merely looks right is not enough
        assertUntrusted(bundle(MapiSignType.MD5), MapiSamples.SEED_000_SUCCESS, "UNTRUSTED_ANSWER");
        assertUntrusted(bundle(MapiSignType.MD5), MapiSamples.SEED_001_BUSINESS_FAILURE, "UNTRUSTED_ANSWER");
    }

    @Test
    void gatewayErrorsPassUnsignedAsTheyAre() throws Exception {
        for (String sample : new String[] {MapiSamples.SEED_000_ILLEGAL_SIGN, MapiSamples.SEED_001_ILLEGAL_SIGN}) {
            MapiAnswer answer = new MapiAnswerVerifier(bundle(MapiSignType.RSA2)).verify(sample);

            assertThat(answer.success()).isFalse();
            assertThat(answer.error()).isEqualTo("ILLEGAL_SIGN");
        }
    }

    @Test
    void gatewayErrorWithoutAnErrorCodeIsUnreadable() {
        assertUntrusted(bundle(MapiSignType.MD5), "<alipay><is_success>F</is_success></alipay>", "UNREADABLE_ANSWER");
        assertUntrusted(bundle(MapiSignType.MD5), "<alipay><is_success>F</is_success><error/></alipay>",
                "UNREADABLE_ANSWER");
    }

    @Test
    void unreadableAnswersStayUnreadable() {
        assertUntrusted(bundle(MapiSignType.MD5), "<html>502</html>", "UNREADABLE_ANSWER");
        assertUntrusted(bundle(MapiSignType.MD5), "", "UNREADABLE_ANSWER");
    }

    private static void assertUntrusted(MapiSigner signer, String xml, String code) {
        assertThatThrownBy(() -> new MapiAnswerVerifier(signer).verify(xml))
                .isInstanceOfSatisfying(NoTrustedAnswerException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).doesNotContain(KEY);
                });
    }
}
