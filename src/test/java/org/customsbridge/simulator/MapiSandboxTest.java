package org.customsbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.alipay.api.internal.util.AlipaySignature;
import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.ledger.DeclareOutcome;
import org.customsbridge.mapi.MapiAnswer;
import org.customsbridge.mapi.MapiAnswerParser;
import org.customsbridge.mapi.MapiAnswerSigning;
import org.customsbridge.mapi.MapiAnswerVerifier;
import org.customsbridge.mapi.MapiDeclareAnswerMapper;
import org.customsbridge.mapi.MapiDeclareRequestMapper;
import org.customsbridge.mapi.MapiQueryRequestMapper;
import org.customsbridge.record.Declaration;
import org.customsbridge.signing.MapiSignType;
import org.customsbridge.signing.MapiSignature;
import org.customsbridge.signing.MapiSigner;
import org.customsbridge.signing.PemKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.customsbridge.testsupport.MutableClock;
import org.customsbridge.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The MAPI sandbox as plain Java, driven by the bundle's own MAPI classes, with a clock the test moves. */
class MapiSandboxTest {

    static final String PARTNER = "2088101568338364";
    static final String MD5_KEY = "demokeyfordocsonly0123456789abcd";
    static final Duration CUSTOMS_DELAY = Duration.ofSeconds(10);
    static final String ID = "20261124000001";
    static final String ILLEGAL_SIGN = """
            <?xml version="1.0" encoding="utf-8"?>
            <alipay>
                <is_success>F</is_success>
                <error>ILLEGAL_SIGN</error>
            </alipay>""";

    static KeyPair merchant;
    static KeyPair alipay;
    static KeyPair stranger;

    private MutableClock clock;
    private SimulatorJournal journal;
    private SimulatedDeclarations declarations;
    private MapiSandbox sandbox;

    @BeforeAll
    static void keys() throws Exception {
        merchant = TestKeys.rsa2048();
        alipay = TestKeys.rsa2048();
        stranger = TestKeys.rsa2048();
    }

    @BeforeEach
    void sandbox() {
        clock = new MutableClock(Instant.parse("2026-11-24T02:15:30Z"));
        journal = new SimulatorJournal();
        declarations = new SimulatedDeclarations(clock, CUSTOMS_DELAY);
        sandbox = new MapiSandbox(PARTNER, MD5_KEY, merchant.getPublic(), alipay.getPrivate(), declarations, journal,
                "UNPAID-");
    }

    // ------------------------------------------------------------------ helpers

    /** The bundle's signer: the merchant's private key, Alipay's public key. */
    static MapiSigner bundle(MapiSignType type) {
        return new MapiSigner(type, MD5_KEY, merchant.getPrivate(), alipay.getPublic());
    }

    static Declaration declaration(String id, String paymentId, String amount) {
        return new Declaration(id, paymentId, "ZONGSHU", "hanguo", "jwyhanguo_card", new BigDecimal(amount), false,
                null, null, null, "mapi");
    }

    static Declaration worked() {
        return declaration(ID, "2026112422001300000000000001", "123.45");
    }

    static Map<String, String> declareParams(Declaration declaration) {
        return new MapiDeclareRequestMapper().toParams(declaration, PARTNER);
    }

    static Map<String, String> queryParams(String... ids) {
        return new MapiQueryRequestMapper().toParams(List.of(ids), PARTNER);
    }

    private String call(Map<String, String> params, MapiSignType type) {
        return sandbox.handle(bundle(type).signed(params));
    }

    private String call(Map<String, String> params) {
        return call(params, MapiSignType.RSA2);
    }

    /** The answer as the bundle takes it: verified with Alipay's key. */
    private static MapiAnswer trusted(String xml, MapiSignType type) throws NoTrustedAnswerException {
        return new MapiAnswerVerifier(bundle(type)).verify(xml);
    }

    private static MapiAnswer trusted(String xml) throws NoTrustedAnswerException {
        return trusted(xml, MapiSignType.RSA2);
    }

    private MapiAnswer declare(Declaration declaration) throws NoTrustedAnswerException {
        return trusted(call(declareParams(declaration)));
    }

    private MapiAnswer declare(Map<String, String> params) throws NoTrustedAnswerException {
        return trusted(call(params));
    }

    private MapiAnswer query(String... ids) throws NoTrustedAnswerException {
        return trusted(call(queryParams(ids)));
    }

    /** Query parameters with {@code out_request_nos} exactly as given, beyond what the bundle's mapper allows. */
    private MapiAnswer rawQuery(String outRequestNos) throws NoTrustedAnswerException {
        Map<String, String> params = queryParams("DEC-000001");
        params.put("out_request_nos", outRequestNos);
        return trusted(call(params));
    }

    // ------------------------------------------------------------------ gateway: signatures and common parameters

    @ParameterizedTest
    @EnumSource(MapiSignType.class)
    void eachSignTypeIsAcceptedAndAnsweredSignedWithThatType(MapiSignType type) throws Exception {
        String xml = call(declareParams(worked()), type);

        MapiAnswer answer = trusted(xml, type);
        assertThat(answer.signType()).isEqualTo(type.name());
        assertThat(answer.resultCode()).isEqualTo("SUCCESS");
        DeclareOutcome outcome = new MapiDeclareAnswerMapper().toOutcome(ID, answer);
        assertThat(outcome.status()).isEqualTo(DeclarationStatus.ACCEPTED);
        assertThat(outcome.alipayDeclarationId()).isNotBlank();
        assertThat(outcome.alipayPaymentId()).isEqualTo("2026112422001300000000000001");
        assertThat(answer.request()).containsEntry("sign_type", type.name()).containsKey("sign")
                .containsEntry("out_request_no", ID);
    }

    @ParameterizedTest
    @EnumSource(value = MapiSignType.class, names = {"RSA", "RSA2"})
    void rsaAnswersAreSignedWithAlipaysKeyOverTheSortedPairs(MapiSignType type) throws Exception {
        MapiAnswer answer = new MapiAnswerParser().parse(call(declareParams(worked()), type));
        String signed = MapiAnswerSigning.SORTED.content(answer);

        assertThat(signed).startsWith("alipay_declare_no=").contains("&out_request_no=" + ID + "&result_code=SUCCESS&");
        assertThat(MapiSigner.rsa(type, merchant.getPrivate(), alipay.getPublic())
                .verify(signed, answer.sign())).isTrue();
        assertThat(MapiSigner.rsa(type, alipay.getPrivate(), merchant.getPublic())
                .verify(signed, answer.sign())).as("not the merchant's key").isFalse();
        assertThat(MapiSigner.md5(MD5_KEY).verify(signed, answer.sign())).isFalse();
        assertThat(MapiSigner.rsa(type, merchant.getPrivate(), alipay.getPublic())
                .verify(answer.responseText(), answer.sign())).as("not the response text").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = MapiSignType.class, names = {"RSA", "RSA2"})
    void answersVerifyWithAlipaysSdkOverItsOwnSortedPairs(MapiSignType type) throws Exception {
        declare(worked());
        String alipayPublic = PemKeys.base64(alipay.getPublic().getEncoded());
        for (String xml : List.of(call(declareParams(worked()), type), call(queryParams(ID, "DEC-000002"), type))) {
            MapiAnswer answer = new MapiAnswerParser().parse(xml);
            String sdkContent = AlipaySignature.getSignContent(new HashMap<>(answer.children()));

            assertThat(sdkContent).isEqualTo(MapiAnswerSigning.SORTED.content(answer));
            assertThat(AlipaySignature.rsaCheck(sdkContent, answer.sign(), alipayPublic, "UTF-8", type.name()))
                    .isTrue();
        }
    }

    @Test
    void md5AnswerIsSignedWithTheSharedKey() throws Exception {
        MapiAnswer answer = new MapiAnswerParser().parse(call(queryParams(ID), MapiSignType.MD5));

        assertThat(answer.sign()).matches("[0-9a-f]{32}");
        String signed = MapiAnswerSigning.SORTED.content(answer);
        assertThat(MapiSigner.md5(MD5_KEY).verify(signed, answer.sign())).isTrue();
        assertThat(MapiSigner.md5("anotherkey").verify(signed, answer.sign())).isFalse();
    }

    @Test
    void wrongSignatureIsIllegalSignUnsigned() {
        Map<String, String> params = declareParams(worked());
        Map<String, String> strangers = MapiSigner.rsa(MapiSignType.RSA2, stranger.getPrivate(), alipay.getPublic())
                .signed(params);
        Map<String, String> tampered = bundle(MapiSignType.RSA2).signed(params);
        tampered.put("amount", "123.46");
        Map<String, String> wrongMd5Key = MapiSigner.md5("anotherkey0123456789abcdef012345").signed(params);
        Map<String, String> rsaSentAsRsa2 = bundle(MapiSignType.RSA).signed(params);
        rsaSentAsRsa2.put("sign_type", "RSA2");
        Map<String, String> unsigned = new LinkedHashMap<>(params);
        unsigned.put("sign_type", "MD5");
        Map<String, String> garbage = bundle(MapiSignType.RSA2).signed(params);
        garbage.put("sign", "%%%not base64");

        for (Map<String, String> call : List.of(strangers, tampered, wrongMd5Key, rsaSentAsRsa2, unsigned, garbage)) {
            assertThat(sandbox.handle(call)).isEqualTo(ILLEGAL_SIGN);
        }
        assertThat(journal.entries("mapi.declare")).hasSize(6)
                .allSatisfy(entry -> assertThat(entry.resultCode()).isEqualTo("ILLEGAL_SIGN"));
        assertThat(declarations.find(SimulatedDeclarations.MAPI, ID)).isEmpty();
    }

    @Test
    void illegalSignAnswerMapsToAConfigurationFailure() throws Exception {
        Map<String, String> call = MapiSigner.md5("anotherkey0123456789abcdef012345").signed(declareParams(worked()));

        MapiAnswer answer = trusted(sandbox.handle(call));

        assertThat(new MapiDeclareAnswerMapper().toOutcome(ID, answer)).satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(DeclarationStatus.DECLARE_FAILED);
            assertThat(outcome.code()).isEqualTo("ILLEGAL_SIGN");
        });
    }

    @Test
    void otherGatewayRefusals() {
        Map<String, String> otherPartner = declareParams(worked());
        otherPartner.put("partner", "2088000000000000");
        Map<String, String> gbk = declareParams(worked());
        gbk.put("_input_charset", "GBK");
        Map<String, String> noCharset = declareParams(worked());
        noCharset.remove("_input_charset");
        Map<String, String> unknownService = declareParams(worked());
        unknownService.put("service", "alipay.acquire.overseas.query");

        assertThat(error(call(otherPartner))).isEqualTo("ILLEGAL_PARTNER");
        assertThat(error(call(gbk))).isEqualTo("ILLEGAL_CHARSET");
        assertThat(error(call(noCharset))).isEqualTo("ILLEGAL_CHARSET");
        assertThat(error(call(unknownService))).isEqualTo("ILLEGAL_SERVICE");
        for (String signType : new String[] {"rsa2", "DSA", ""}) {
            Map<String, String> params = bundle(MapiSignType.RSA2).signed(declareParams(worked()));
            params.put("sign_type", signType);
            assertThat(error(sandbox.handle(params))).as("sign_type %s", signType).isEqualTo("ILLEGAL_SIGN_TYPE");
        }
        assertThat(journal.entries("mapi.unknown")).singleElement()
                .satisfies(entry -> assertThat(entry.resultCode()).isEqualTo("ILLEGAL_SERVICE"));
        assertThat(error(call(declareParams(worked()), MapiSignType.MD5))).isNull();
    }

    @Test
    void lowerCaseCharsetIsAccepted() throws Exception {
        Map<String, String> params = declareParams(worked());
        params.put("_input_charset", "utf-8");

        assertThat(declare(params).resultCode()).isEqualTo("SUCCESS");
    }

    // ------------------------------------------------------------------ declare

    @Test
    void declareIsJournalledWithTheCanonicalPreSignString() throws Exception {
        Map<String, String> params = declareParams(worked());
        declare(worked());

        assertThat(journal.entries("mapi.declare")).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(ID);
            assertThat(entry.request()).isEqualTo(MapiSignature.preSign(params)).doesNotContain("sign=");
            assertThat(entry.resultCode()).isEqualTo("SUCCESS");
            assertThat(entry.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void declareAnswerHasTheSeedsShapeAndEchoesTheRequest() {
        String xml = call(declareParams(worked()), MapiSignType.MD5);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<alipay>\n    <is_success>T</is_success>\n"
                + "    <request>\n        <param name=\"service\">alipay.acquire.customs</param>\n")
                .contains("    <response>\n        <alipay>\n            <alipay_declare_no>")
                .contains("            <out_request_no>" + ID + "</out_request_no>\n"
                        + "            <result_code>SUCCESS</result_code>\n"
                        + "            <trade_no>2026112422001300000000000001</trade_no>\n"
                        + "        </alipay>\n    </response>\n    <sign>")
                .endsWith("</sign>\n    <sign_type>MD5</sign_type>\n</alipay>")
                .doesNotContain("identity_check");
    }

    @Test
    void buyerIdentityGetsAnIdentityCheck() throws Exception {
        Declaration withBuyer = new Declaration("DEC-000002", "PAY-2", "ZONGSHU", "hanguo", "jwyhanguo_card",
                new BigDecimal("10"), false, null, "张三", "110101199003071234", "mapi");

        assertThat(declare(withBuyer).field("identity_check")).isEqualTo("T");
    }

    @Test
    void invalidParametersAreBusinessFailures() throws Exception {
        Map<String, String> valid = declareParams(worked());
        List<Map<String, String>> broken = List.of(
                with(valid, "out_request_no", "short"),
                with(valid, "out_request_no", "has space 0001"),
                with(valid, "out_request_no", "x".repeat(33)),
                with(valid, "out_request_no", "DEC/000001"),
                with(valid, "amount", "1.234"),
                with(valid, "amount", "0"),
                with(valid, "amount", "0.00"),
                with(valid, "amount", "-1.00"),
                with(valid, "amount", "1E2"),
                with(valid, "amount", ".5"),
                with(valid, "amount", "1,00"),
                with(valid, "amount", "abc"),
                with(valid, "is_split", "Y"),
                with(valid, "is_split", "T"),
                with(valid, "trade_no", "x".repeat(65)),
                with(valid, "merchant_customs_code", "x".repeat(21)),
                with(valid, "customs_place", ""),
                without(valid, "merchant_customs_name"),
                without(valid, "trade_no"),
                without(valid, "out_request_no"));

        for (Map<String, String> params : broken) {
            MapiAnswer answer = declare(params);
            assertThat(answer.resultCode()).as("answer to %s", params).isEqualTo("FAIL");
            assertThat(answer.detailErrorCode()).isEqualTo("INVALID_PARAMETER");
            assertThat(answer.detailErrorDes()).startsWith("Declaration Form Parameters Illegal");
        }
        assertThat(declarations.find(SimulatedDeclarations.MAPI, ID)).isEmpty();
        assertThat(journal.entries("mapi.declare")).extracting(SimulatorJournal.Entry::resultCode)
                .containsOnly("FAIL").hasSize(broken.size());
    }

    @Test
    void splitNeedsASubOrderAndPushesATradeNoOfItsOwn() throws Exception {
        Map<String, String> split = with(declareParams(worked()), "is_split", "T");
        assertThat(declare(split).detailErrorDes()).contains("sub_out_biz_no");

        MapiAnswer answer = declare(with(split, "sub_out_biz_no", "SUB-0001"));

        assertThat(answer.resultCode()).isEqualTo("SUCCESS");
        assertThat(answer.field("trade_no")).isNotBlank().isNotEqualTo("2026112422001300000000000001");
        Map<String, String> record = query(ID).records().get(0);
        assertThat(record).containsEntry("is_split", "T").containsEntry("sub_out_biz_no", "SUB-0001")
                .containsEntry("trade_no", answer.field("trade_no"));
    }

    @Test
    void unknownPaymentIsTradeNotExist() throws Exception {
        MapiAnswer answer = declare(declaration("DEC-000003", "UNPAID-0001", "1.00"));

        assertThat(answer.resultCode()).isEqualTo("FAIL");
        assertThat(answer.detailErrorCode()).isEqualTo("TRADE_NOT_EXIST");
        assertThat(new MapiDeclareAnswerMapper().toOutcome("DEC-000003", answer).status())
                .isEqualTo(DeclarationStatus.DECLARE_FAILED);
    }

    // ------------------------------------------------------------------ idempotency and retransmission

    @Test
    void identicalResendIsIdempotentSuccess() throws Exception {
        MapiAnswer first = declare(worked());
        clock.advance(Duration.ofMinutes(1));
        MapiAnswer second = declare(worked());
        clock.advance(Duration.ofMinutes(10));
        MapiAnswer third = declare(worked());

        for (MapiAnswer again : List.of(second, third)) {
            assertThat(again.resultCode()).isEqualTo("SUCCESS");
            assertThat(again.field("alipay_declare_no")).isEqualTo(first.field("alipay_declare_no"));
            assertThat(again.field("trade_no")).isEqualTo(first.field("trade_no"));
        }
        assertThat(journal.entries("mapi.declare")).extracting(SimulatorJournal.Entry::resultCode)
                .containsExactly("SUCCESS", "SUCCESS", "SUCCESS");
    }

    @Test
    void theSameAmountWrittenOtherwiseIsNoChange() throws Exception {
        Map<String, String> params = declareParams(declaration("DEC-000004", "PAY-4", "7.50"));
        assertThat(params).containsEntry("amount", "7.50");
        MapiAnswer first = declare(params);

        MapiAnswer again = declare(with(params, "amount", "7.5"));

        assertThat(again.resultCode()).isEqualTo("SUCCESS");
        assertThat(again.field("alipay_declare_no")).isEqualTo(first.field("alipay_declare_no"));
        assertThat(declare(with(params, "is_split", "")).resultCode()).as("is_split left out is F").isEqualTo("SUCCESS");
    }

    @Test
    void changedAmountBeforeFiveMinutesIsInconsistentAfterwardsAccepted() throws Exception {
        MapiAnswer first = declare(worked());
        Declaration changed = declaration(ID, "2026112422001300000000000001", "100.00");

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        MapiAnswer early = declare(changed);
        assertThat(early.resultCode()).isEqualTo("FAIL");
        assertThat(early.detailErrorCode()).isEqualTo("CONTEXT_INCONSISTENT");
        assertThat(early.detailErrorDes()).contains("amount");

        clock.advance(Duration.ofSeconds(2));
        MapiAnswer late = declare(changed);
        assertThat(late.resultCode()).isEqualTo("SUCCESS");
        assertThat(late.field("alipay_declare_no")).isEqualTo(first.field("alipay_declare_no"));
        assertThat(query(ID).records().get(0)).containsEntry("amount", "100.00");
    }

    @Test
    void merchantAndCustomsMayChangeOnRetransmissionNothingElse() throws Exception {
        declare(worked());
        Map<String, String> changed = declareParams(worked());
        changed.put("customs_place", "NINGBO");
        changed.put("merchant_customs_code", "hanguo2");
        changed.put("merchant_customs_name", "jwyhanguo_card2");
        Map<String, String> otherTrade = with(declareParams(worked()), "trade_no", "2026112422001300000000009999");
        Map<String, String> withBuyer = with(declareParams(worked()), "buyer_name", "张三");

        assertThat(declare(changed).detailErrorCode()).isEqualTo("CONTEXT_INCONSISTENT");
        assertThat(declare(otherTrade).detailErrorCode()).isEqualTo("CONTEXT_INCONSISTENT");
        clock.advance(Duration.ofMinutes(6));
        assertThat(declare(otherTrade).detailErrorCode()).isEqualTo("CONTEXT_INCONSISTENT");
        assertThat(declare(withBuyer).detailErrorCode()).isEqualTo("CONTEXT_INCONSISTENT");
        assertThat(declare(changed).resultCode()).isEqualTo("SUCCESS");
        assertThat(query(ID).records().get(0)).containsEntry("customs_place", "NINGBO")
                .containsEntry("trade_no", "2026112422001300000000000001");
    }

    @Test
    void retransmissionRestartsTheCustomsClock() throws Exception {
        declare(worked());
        clock.advance(Duration.ofMinutes(6));
        assertThat(query(ID).records().get(0)).containsEntry("status", "succ");

        declare(declaration(ID, "2026112422001300000000000001", "100.00"));

        assertThat(query(ID).records().get(0)).containsEntry("status", "ws").doesNotContainKey("customs_code");
    }

    // ------------------------------------------------------------------ a bounded memory

    @Test
    void beyondItsMemoryTheSandboxForgetsTheOldestAndAnswersAForgottenIdAsNew() throws Exception {
        journal = new SimulatorJournal(clock, 2);
        declarations = new SimulatedDeclarations(clock, CUSTOMS_DELAY, SimulatorRules.none(), 2);
        sandbox = new MapiSandbox(PARTNER, MD5_KEY, merchant.getPublic(), alipay.getPrivate(), declarations, journal,
                "UNPAID-");
        MapiAnswer first = declare(declaration("DEC-000001", "PAY-1", "1.00"));
        declare(declaration("DEC-000002", "PAY-2", "2.00"));
        declare(declaration("DEC-000002", "PAY-2", "2.00")); // a resend: nothing new to remember
        declare(declaration("DEC-000003", "PAY-3", "3.00"));

        MapiAnswer known = query("DEC-000001", "DEC-000002", "DEC-000003");
        assertThat(known.notFound()).containsExactly("DEC-000001");
        assertThat(known.records()).extracting(r -> r.get("out_request_no")).containsExactly("DEC-000002", "DEC-000003");

        // within the five minutes changed data would be CONTEXT_INCONSISTENT: forgotten, it is a new declaration
        MapiAnswer again = declare(declaration("DEC-000001", "PAY-1", "9.00"));
        assertThat(again.resultCode()).isEqualTo("SUCCESS");
        assertThat(again.field("alipay_declare_no")).isNotEqualTo(first.field("alipay_declare_no"));
        assertThat(query("DEC-000002").notFound()).as("the oldest left then").containsExactly("DEC-000002");
        assertThat(journal.entries()).as("the journal keeps the newest calls")
                .extracting(SimulatorJournal.Entry::operation).containsExactly("mapi.declare", "mapi.query");
    }

    // ------------------------------------------------------------------ query

    @Test
    void queryOfThreeIdsWithOneUnknownAnswersTwoRecordsAndNotFound() throws Exception {
        declare(worked());
        declare(declaration("DEC-000002", "PAY-2", "1.00"));

        String xml = call(queryParams(ID, "DEC-NOT-THERE", "DEC-000002"));
        MapiAnswer waiting = trusted(xml);

        assertThat(waiting.resultCode()).isEqualTo("SUCCESS");
        assertThat(waiting.notFound()).containsExactly("DEC-NOT-THERE");
        assertThat(waiting.records()).extracting(r -> r.get("out_request_no")).containsExactly(ID, "DEC-000002");
        assertThat(waiting.records().get(0)).containsExactly(
                Map.entry("alipay_declare_no", waiting.records().get(0).get("alipay_declare_no")),
                Map.entry("amount", "123.45"),
                Map.entry("customs_place", "ZONGSHU"),
                Map.entry("last_modified_time", "2026-11-24 10:15:30"),
                Map.entry("memo", ""),
                Map.entry("merchant_customs_code", "hanguo"),
                Map.entry("merchant_customs_name", "jwyhanguo_card"),
                Map.entry("out_request_no", ID),
                Map.entry("status", "ws"),
                Map.entry("trade_no", "2026112422001300000000000001"));
        assertThat(xml).contains("<memo/>");

        clock.advance(CUSTOMS_DELAY.minusSeconds(1));
        assertThat(query(ID).records().get(0)).containsEntry("status", "ws");

        clock.advance(Duration.ofSeconds(1));
        Map<String, String> answered = query(ID).records().get(0);
        assertThat(answered).containsEntry("status", "succ").containsEntry("customs_code", "120")
                .containsEntry("customs_return_time", "20261124101540")
                .containsEntry("last_modified_time", "2026-11-24 10:15:40")
                .containsKey("customs_info");
        assertThat(answered.keySet()).endsWith("status", "trade_no", "customs_code", "customs_info",
                "customs_return_time");
        assertThat(journal.entries("mapi.query")).hasSize(3).first().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(ID + ",DEC-NOT-THERE,DEC-000002");
            assertThat(entry.resultCode()).isEqualTo("SUCCESS");
        });
    }

    @Test
    void queryAnswerSignatureVerifiesWithMapiSigner() throws Exception {
        declare(worked());
        MapiAnswer answer = new MapiAnswerParser().parse(call(queryParams(ID, "DEC-000002")));

        String signed = MapiAnswerSigning.SORTED.content(answer);
        assertThat(signed).contains("not_found=DEC-000002").endsWith("&result_code=SUCCESS");
        assertThat(bundle(MapiSignType.RSA2).verify(signed, answer.sign())).isTrue();
        assertThat(bundle(MapiSignType.RSA2).verify(signed.replace("DEC-000002", "DEC-000003"), answer.sign()))
                .isFalse();
    }

    @Test
    void elevenIdsExceedTheLimitTenAreAllowed() throws Exception {
        String eleven = IntStream.rangeClosed(1, 11).mapToObj("DEC-%06d"::formatted).collect(Collectors.joining(","));
        String ten = eleven.substring(0, eleven.lastIndexOf(','));

        MapiAnswer tooMany = rawQuery(eleven);
        assertThat(tooMany.resultCode()).isEqualTo("FAIL");
        assertThat(tooMany.detailErrorCode()).isEqualTo("MAX_OUT_REQUEST_NO_EXCEEDED");

        MapiAnswer allowed = rawQuery(ten);
        assertThat(allowed.resultCode()).isEqualTo("SUCCESS");
        assertThat(allowed.notFound()).hasSize(10);
        assertThat(allowed.records()).isEmpty();
    }

    @Test
    void badIdsAreInvalidParameter() throws Exception {
        for (String ids : List.of("DEC-000001,short", "DEC-000001,,", "DEC-000001, DEC-000002", "",
                "DEC-000001," + "x".repeat(33), "4877067126133624,7665166179649532,,")) {
            MapiAnswer answer = rawQuery(ids);
            assertThat(answer.resultCode()).as("ids %s", ids).isEqualTo("FAIL");
            assertThat(answer.detailErrorCode()).isEqualTo("INVALID_PARAMETER");
            assertThat(answer.detailErrorDes()).isEqualTo("Declaration Form Parameters Illegal");
        }
    }

    @Test
    void queryNeverSeesAlipayPlusDeclarations() throws Exception {
        declarations.save(new SimulatedDeclarations.Stored(ID, "PAY-1", "ZONGSHU", "hanguo", "jwyhanguo_card",
                "12345", false, null, Map.of(), "2026000000001", "PSPPAY-1", clock.instant(), clock.instant()));

        assertThat(query(ID).notFound()).containsExactly(ID);
        assertThat(declare(worked()).resultCode()).isEqualTo("SUCCESS");
        assertThat(declarations.find(ID)).get().extracting(SimulatedDeclarations.Stored::amount).isEqualTo("12345");
        assertThat(query(ID).records().get(0)).containsEntry("amount", "123.45");
    }

    @Test
    void valuesAreEscapedInTheAnswer() throws Exception {
        Map<String, String> params = with(declareParams(worked()), "merchant_customs_name", "A&B <C> \"D\" 'E'");
        MapiAnswer declared = declare(params);

        assertThat(declared.request()).containsEntry("merchant_customs_name", "A&B <C> \"D\" 'E'");
        assertThat(query(ID).records().get(0)).containsEntry("merchant_customs_name", "A&B <C> \"D\" 'E'");
    }

    // ------------------------------------------------------------------ helpers

    private static String error(String xml) {
        try {
            return new MapiAnswerParser().parse(xml).error();
        } catch (NoTrustedAnswerException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    private static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, String> without(Map<String, String> params, String name) {
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.remove(name);
        return changed;
    }
}
