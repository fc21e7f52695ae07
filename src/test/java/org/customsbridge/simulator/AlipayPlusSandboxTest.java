package org.customsbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.customsbridge.alipayplus.AlipayPlusApi;
import org.customsbridge.alipayplus.DeclareRequestMapper;
import org.customsbridge.record.Declaration;
import org.customsbridge.signing.AlipayPlusSignature;
import org.customsbridge.signing.SignatureHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.customsbridge.testsupport.MutableClock;
import org.customsbridge.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

/** The Alipay+ sandbox as plain Java, with a clock the test moves. */
class AlipayPlusSandboxTest {

    static final String CLIENT_ID = "SANDBOX_5Y00000000001";
    static final String REQUEST_TIME = "2026-11-24T10:15:30+08:00";
    static final Duration CUSTOMS_DELAY = Duration.ofSeconds(10);
    static final String DECLARE = AlipayPlusApi.DECLARE_PATH;
    static final String INQUIRE = AlipayPlusApi.INQUIRE_PATH;

    static KeyPair merchant;
    static KeyPair alipay;
    static KeyPair stranger;

    private final ObjectMapper json = new ObjectMapper();
    private MutableClock clock;
    private SimulatorJournal journal;
    private AlipayPlusSandbox sandbox;

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
        sandbox = new AlipayPlusSandbox(json, CLIENT_ID, merchant.getPublic(), alipay.getPrivate(),
                new SimulatedDeclarations(clock, CUSTOMS_DELAY), journal, "UNPAID-");
    }

    // ------------------------------------------------------------------ helpers

    static Declaration declaration(String id, String paymentId, String amount) {
        return new Declaration(id, paymentId, "ZONGSHU", "hanguo", "jwyhanguo_card", new BigDecimal(amount), false,
                null, null, null, "alipay-plus");
    }

    static String body(Declaration declaration) {
        return new DeclareRequestMapper(new ObjectMapper()).toJson(declaration);
    }

    static String workedBody() {
        return body(declaration("DEC-20261124-0001", "PAY-20261124-0001", "123.45"));
    }

    private AlipayPlusSandbox.Answer call(String path, String body) {
        String signature = AlipayPlusSignature.sign("POST", path, CLIENT_ID, REQUEST_TIME, body, merchant.getPrivate());
        return sandbox.handle(path, CLIENT_ID, REQUEST_TIME,
                new SignatureHeader(SignatureHeader.RSA256, "1", signature).format(), body);
    }

    private JsonNode read(AlipayPlusSandbox.Answer answer) throws Exception {
        return json.readTree(answer.body());
    }

    private JsonNode declare(String body) throws Exception {
        return read(call(DECLARE, body));
    }

    private JsonNode inquire(String... ids) throws Exception {
        ObjectNode request = json.createObjectNode();
        request.putArray("declarationRequestIds").addAll(Arrays.stream(ids).map(json.getNodeFactory()::textNode).toList());
        return read(call(INQUIRE, request.toString()));
    }

    private static String code(JsonNode answer) {
        return answer.path("result").path("resultCode").asText();
    }

    private static String status(JsonNode answer) {
        return answer.path("result").path("resultStatus").asText();
    }

    private static boolean verifies(String path, AlipayPlusSandbox.Answer answer, KeyPair signer) {
        String signature = SignatureHeader.parse(answer.headers().get(AlipayPlusApi.SIGNATURE)).orElseThrow().signature();
        return AlipayPlusSignature.verify("POST", path, answer.headers().get(AlipayPlusApi.CLIENT_ID),
                answer.headers().get(AlipayPlusApi.RESPONSE_TIME), answer.body(), signature, signer.getPublic());
    }

    // ------------------------------------------------------------------ declare

    @Test
    void properlySignedDeclareIsAnsweredSWithASignedAnswer() throws Exception {
        AlipayPlusSandbox.Answer answer = call(DECLARE, workedBody());
        JsonNode body = read(answer);

        assertThat(status(body)).isEqualTo("S");
        assertThat(code(body)).isEqualTo("SUCCESS");
        assertThat(body.path("pspDeclarationRequestId").asText()).isNotBlank();
        assertThat(body.path("pspPaymentId").asText()).isNotBlank();
        assertThat(body.path("pspCustomsCode").asText()).isEqualTo("31222699S7");
        assertThat(body.path("pspOrderAmount").path("value").asText()).isEqualTo("12345");
        assertThat(body.path("pspOrderAmount").path("currency").asText()).isEqualTo("CNY");
        assertThat(body.has("identityCheckResult")).isFalse();

        assertThat(answer.headers()).containsEntry(AlipayPlusApi.CLIENT_ID, CLIENT_ID)
                .containsEntry(AlipayPlusApi.RESPONSE_TIME, "2026-11-24T02:15:30Z");
        SignatureHeader signature = SignatureHeader.parse(answer.headers().get(AlipayPlusApi.SIGNATURE)).orElseThrow();
        assertThat(signature.algorithm()).isEqualTo("RSA256");
        assertThat(verifies(DECLARE, answer, alipay)).isTrue();
        assertThat(verifies(DECLARE, answer, merchant)).as("signed with Alipay's key, not the merchant's").isFalse();
        assertThat(verifies(DECLARE, new AlipayPlusSandbox.Answer(answer.headers(),
                answer.body().replace("SUCCESS", "SUCCESS ")), alipay)).isFalse();

        assertThat(journal.entries(("alipay-plus.declare"))).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("DEC-20261124-0001");
            assertThat(entry.request()).isEqualTo(workedBody());
            assertThat(entry.resultCode()).isEqualTo("SUCCESS");
            assertThat(entry.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void buyerCertificateGetsAnIdentityCheckResult() throws Exception {
        Declaration withBuyer = new Declaration("DEC-20261124-0002", "PAY-20261124-0002", "ZONGSHU", "hanguo",
                "jwyhanguo_card", new BigDecimal("10"), false, null, "张三", "110101199003071234", "alipay-plus");

        assertThat(declare(body(withBuyer)).path("identityCheckResult").asText()).isEqualTo("CHECK_PASSED");
    }

    @Test
    void badSignatureIsInvalidSignature() throws Exception {
        String body = workedBody();
        String foreign = AlipayPlusSignature.sign("POST", DECLARE, CLIENT_ID, REQUEST_TIME, body, stranger.getPrivate());
        String merchants = AlipayPlusSignature.sign("POST", DECLARE, CLIENT_ID, REQUEST_TIME, body, merchant.getPrivate());

        List<AlipayPlusSandbox.Answer> answers = List.of(
                sandbox.handle(DECLARE, CLIENT_ID, REQUEST_TIME, "algorithm=RSA256,keyVersion=1,signature=" + foreign, body),
                sandbox.handle(DECLARE, CLIENT_ID, REQUEST_TIME, "algorithm=RSA256,keyVersion=1,signature=" + merchants,
                        body.replace("12345", "12346")),
                sandbox.handle(DECLARE, CLIENT_ID, "2026-11-24T10:15:31+08:00",
                        "algorithm=RSA256,keyVersion=1,signature=" + merchants, body),
                sandbox.handle(DECLARE, CLIENT_ID, REQUEST_TIME, "algorithm=RSA512,keyVersion=1,signature=" + merchants, body),
                sandbox.handle(DECLARE, CLIENT_ID, REQUEST_TIME, "algorithm=RSA256,keyVersion=1,signature=%%%garbage", body));

        for (AlipayPlusSandbox.Answer answer : answers) {
            JsonNode read = read(answer);
            assertThat(status(read)).isEqualTo("F");
            assertThat(code(read)).isEqualTo("INVALID_SIGNATURE");
            assertThat(verifies(DECLARE, answer, alipay)).as("even a refusal is signed").isTrue();
        }
        assertThat(inquire("DEC-20261124-0001").path("declarationRequestsNotFound"))
                .extracting(JsonNode::asText).containsExactly("DEC-20261124-0001");
    }

    @Test
    void wrongClientIdIsInvalidClient() throws Exception {
        String body = workedBody();
        String other = "SANDBOX_5Y00000000002";
        String signature = AlipayPlusSignature.sign("POST", DECLARE, other, REQUEST_TIME, body, merchant.getPrivate());

        JsonNode answer = read(sandbox.handle(DECLARE, other, REQUEST_TIME,
                new SignatureHeader("RSA256", "1", signature).format(), body));

        assertThat(status(answer)).isEqualTo("F");
        assertThat(code(answer)).isEqualTo("INVALID_CLIENT");
    }

    @Test
    void missingHeadersAreParamIllegal() throws Exception {
        String body = workedBody();
        String signature = new SignatureHeader("RSA256", "1",
                AlipayPlusSignature.sign("POST", DECLARE, CLIENT_ID, REQUEST_TIME, body, merchant.getPrivate())).format();

        assertThat(code(read(sandbox.handle(DECLARE, null, REQUEST_TIME, signature, body)))).isEqualTo("PARAM_ILLEGAL");
        assertThat(code(read(sandbox.handle(DECLARE, CLIENT_ID, null, signature, body)))).isEqualTo("PARAM_ILLEGAL");
        assertThat(code(read(sandbox.handle(DECLARE, CLIENT_ID, REQUEST_TIME, null, body)))).isEqualTo("PARAM_ILLEGAL");
        assertThat(code(read(sandbox.handle(DECLARE, CLIENT_ID, REQUEST_TIME, "algorithm=RSA256,keyVersion=1", body))))
                .isEqualTo("PARAM_ILLEGAL");
    }

    @Test
    void missingFieldIsParamIllegal() throws Exception {
        ObjectNode request = (ObjectNode) json.readTree(workedBody());
        ((ObjectNode) request.get("merchantCustomsInfo")).remove("merchantCustomsName");

        JsonNode answer = declare(request.toString());

        assertThat(status(answer)).isEqualTo("F");
        assertThat(code(answer)).isEqualTo("PARAM_ILLEGAL");
        assertThat(answer.path("result").path("resultMessage").asText())
                .contains("merchantCustomsInfo.merchantCustomsName is required");
    }

    @Test
    void otherIllegalParametersAreParamIllegal() throws Exception {
        String body = workedBody();
        for (String broken : List.of(
                body.replace("\"customsDeclarationRequestId\":\"DEC-20261124-0001\"", "\"customsDeclarationRequestId\":\"\""),
                body.replace("\"paymentRequestId\":\"PAY-20261124-0001\",", ""),
                body.replace("\"region\":\"CN\"", "\"region\":\"HK\""),
                body.replace("\"currency\":\"CNY\"", "\"currency\":\"USD\""),
                body.replace("\"value\":\"12345\"", "\"value\":\"123.45\""),
                body.replace("\"value\":\"12345\"", "\"value\":\"0\""),
                body.replace("\"isSplit\":\"false\"", "\"isSplit\":\"no\""),
                body.replace("\"isSplit\":\"false\"", "\"isSplit\":\"true\""),
                "not json",
                "[]")) {
            assertThat(code(declare(broken))).as("answer to %s", broken).isEqualTo("PARAM_ILLEGAL");
        }
    }

    @Test
    void unknownPaymentIsOrderNotExist() throws Exception {
        JsonNode answer = declare(body(declaration("DEC-20261124-0003", "UNPAID-0001", "1.00")));

        assertThat(status(answer)).isEqualTo("F");
        assertThat(code(answer)).isEqualTo("ORDER_NOT_EXIST");
    }

    @Test
    void sameOrderAtTheSameCustomsUnderAnotherIdIsDuplicated() throws Exception {
        declare(body(declaration("DEC-20261124-0004", "PAY-20261124-0004", "1.00")));

        assertThat(code(declare(body(declaration("DEC-20261124-0005", "PAY-20261124-0004", "1.00")))))
                .isEqualTo("DUPLICATED_DECLARATION");
    }

    @Test
    void identicalResendIsIdempotentSuccess() throws Exception {
        JsonNode first = declare(workedBody());
        clock.advance(Duration.ofMinutes(1));
        JsonNode second = declare(workedBody());
        clock.advance(Duration.ofMinutes(10));
        JsonNode third = declare(workedBody());

        for (JsonNode again : List.of(second, third)) {
            assertThat(status(again)).isEqualTo("S");
            assertThat(again.path("pspDeclarationRequestId")).isEqualTo(first.path("pspDeclarationRequestId"));
            assertThat(again.path("pspPaymentId")).isEqualTo(first.path("pspPaymentId"));
        }
        assertThat(journal.entries("alipay-plus.declare")).extracting(SimulatorJournal.Entry::resultCode)
                .containsExactly("SUCCESS", "SUCCESS", "SUCCESS");
    }

    @Test
    void changedAmountBeforeFiveMinutesIsInconsistentAfterwardsAccepted() throws Exception {
        JsonNode first = declare(workedBody());
        String changed = body(declaration("DEC-20261124-0001", "PAY-20261124-0001", "100.00"));

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        JsonNode early = declare(changed);
        assertThat(status(early)).isEqualTo("F");
        assertThat(code(early)).isEqualTo("REPEAT_REQ_INCONSISTENT");

        clock.advance(Duration.ofSeconds(2)); // 5 minutes and 1 second after the declaration
        JsonNode late = declare(changed);
        assertThat(status(late)).isEqualTo("S");
        assertThat(late.path("pspDeclarationRequestId")).isEqualTo(first.path("pspDeclarationRequestId"));
        assertThat(late.path("pspOrderAmount").path("value").asText()).isEqualTo("10000");

        JsonNode record = inquire("DEC-20261124-0001").path("declarationRecords").get(0);
        assertThat(record.path("declarationAmount").path("value").asText()).isEqualTo("10000");
    }

    @Test
    void merchantAndCustomsCodesMayChangeOnRetransmission() throws Exception {
        declare(workedBody());
        String changed = workedBody().replace("ZONGSHU", "NINGBO").replace("\"hanguo\"", "\"hanguo2\"")
                .replace("jwyhanguo_card", "jwyhanguo_card2");

        assertThat(code(declare(changed))).isEqualTo("REPEAT_REQ_INCONSISTENT");
        clock.advance(Duration.ofMinutes(6));
        assertThat(code(declare(changed))).isEqualTo("SUCCESS");
    }

    @Test
    void changedPaymentRequestIdIsInconsistentBeforeAndAfterFiveMinutes() throws Exception {
        declare(workedBody());
        String changed = body(declaration("DEC-20261124-0001", "PAY-20261124-9999", "123.45"));

        assertThat(code(declare(changed))).isEqualTo("REPEAT_REQ_INCONSISTENT");
        clock.advance(Duration.ofMinutes(6));
        assertThat(code(declare(changed))).isEqualTo("REPEAT_REQ_INCONSISTENT");
        assertThat(inquire("DEC-20261124-0001").path("declarationRecords").get(0).path("pspPaymentId").asText())
                .isEqualTo(declare(workedBody()).path("pspPaymentId").asText());
    }

    // ------------------------------------------------------------------ inquire

    @Test
    void inquiryWithElevenIdsExceedsTheLimit() throws Exception {
        String[] eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "DEC-%06d".formatted(i)).toArray(String[]::new);
        String[] ten = Arrays.copyOf(eleven, 10);

        JsonNode tooMany = inquire(eleven);
        assertThat(status(tooMany)).isEqualTo("F");
        assertThat(code(tooMany)).isEqualTo("COUNT_OF_REQUEST_EXCEED_LIMIT");

        JsonNode allowed = inquire(ten);
        assertThat(code(allowed)).isEqualTo("SUCCESS");
        assertThat(allowed.path("declarationRequestsNotFound")).hasSize(10);
    }

    @Test
    void inquiryWithoutIdsIsParamIllegal() throws Exception {
        assertThat(code(inquire())).isEqualTo("PARAM_ILLEGAL");
        assertThat(code(read(call(INQUIRE, "{}")))).isEqualTo("PARAM_ILLEGAL");
    }

    @Test
    void inquiryReportsNotFoundIdsAndFlipsToTheCustomsResultAfterTheDelay() throws Exception {
        JsonNode declared = declare(workedBody());

        AlipayPlusSandbox.Answer answer = call(INQUIRE,
                "{\"declarationRequestIds\":[\"DEC-20261124-0001\",\"DEC-NOT-THERE\"]}");
        assertThat(verifies(INQUIRE, answer, alipay)).isTrue();
        JsonNode waiting = read(answer);
        assertThat(code(waiting)).isEqualTo("SUCCESS");
        assertThat(waiting.path("declarationRequestsNotFound")).extracting(JsonNode::asText)
                .containsExactly("DEC-NOT-THERE");
        JsonNode record = waiting.path("declarationRecords").get(0);
        assertThat(waiting.path("declarationRecords")).hasSize(1);
        assertThat(record.path("customsDeclarationRequestId").asText()).isEqualTo("DEC-20261124-0001");
        assertThat(record.path("pspDeclarationRequestId")).isEqualTo(declared.path("pspDeclarationRequestId"));
        assertThat(record.path("declarationRequestStatus").asText()).isEqualTo("WAITING_FOR_PROCESSING");
        assertThat(record.has("customsResultCode")).as("no receipt before customs answers").isFalse();
        assertThat(record.has("customsResultReturnedTime")).isFalse();
        assertThat(record.path("isSplit").asText()).isEqualTo("false");

        clock.advance(CUSTOMS_DELAY.minusSeconds(1));
        assertThat(inquire("DEC-20261124-0001").path("declarationRecords").get(0).has("customsResultCode"))
                .isFalse();

        clock.advance(Duration.ofSeconds(1));
        JsonNode answered = inquire("DEC-20261124-0001").path("declarationRecords").get(0);
        assertThat(answered.path("declarationRequestStatus").asText()).isEqualTo("SUCCESS");
        assertThat(answered.path("customsResultCode").asText()).isEqualTo("120");
        assertThat(answered.path("customsResultReturnedTime").asText()).isEqualTo("2026-11-24T02:15:40Z");
        assertThat(inquire("DEC-NOT-THERE").path("declarationRecords")).isEmpty();

        assertThat(journal.entries("alipay-plus.inquire")).hasSize(4);
    }

    @Test
    void unknownPathIsNoInterfaceDef() throws Exception {
        AlipayPlusSandbox.Answer answer = call("/aps/api/v1/customs/other", workedBody());

        assertThat(code(read(answer))).isEqualTo("NO_INTERFACE_DEF");
        assertThat(journal.entries("alipay-plus.unknown")).hasSize(1);
    }
}
