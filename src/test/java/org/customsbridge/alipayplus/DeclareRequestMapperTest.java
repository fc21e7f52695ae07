package org.customsbridge.alipayplus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.record.Declaration;
import org.customsbridge.record.RawRecord;
import org.customsbridge.validation.RecordValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeclareRequestMapperTest {

    /** The body of the worked signing example, verbatim. */
    static final String WORKED_BODY = """
            {"paymentRequestId":"PAY-20261124-0001","customsDeclarationRequestId":"DEC-20261124-0001",\
            "customs":{"customsCode":"ZONGSHU","region":"CN"},\
            "merchantCustomsInfo":{"merchantCustomsCode":"hanguo","merchantCustomsName":"jwyhanguo_card"},\
            "declarationAmount":{"currency":"CNY","value":"12345"},"isSplit":"false"}""";

    private final ObjectMapper json = new ObjectMapper();
    private final DeclareRequestMapper mapper = new DeclareRequestMapper(json);

    static Declaration worked() {
        return new Declaration("DEC-20261124-0001", "PAY-20261124-0001", "ZONGSHU", "hanguo", "jwyhanguo_card",
                new BigDecimal("123.45"), false, null, null, null, "alipay-plus");
    }

    @Test
    void producesTheWorkedExampleBodyExactly() {
        assertThat(mapper.toJson(worked())).isEqualTo(WORKED_BODY);
    }

    @Test
    void splitDeclarationCarriesTheReferenceOrderId() throws Exception {
        Declaration split = new Declaration("DEC-20261124-0002", "PAY-20261124-0002", "NINGBO", "hanguo",
                "jwyhanguo_card", new BigDecimal("88"), true, "SUB-7", null, null, "alipay-plus");

        JsonNode body = json.readTree(mapper.toJson(split));

        assertThat(body.path("isSplit").asText()).isEqualTo("true");
        assertThat(body.path("referenceOrderId").asText()).isEqualTo("SUB-7");
        assertThat(body.path("declarationAmount").path("value").asText()).isEqualTo("8800");
        assertThat(body.has("buyerCertificate")).isFalse();
        assertEveryScalarIsANonEmptyString(body);
    }

    @Test
    void buyerCertificateOnlyWhenGiven() throws Exception {
        Declaration withBuyer = new Declaration("DEC-20261124-0003", "PAY-20261124-0003", "ZONGSHU", "hanguo",
                "jwyhanguo_card", new BigDecimal("1.5"), false, null, "张三", "110101199003071234", "alipay-plus");

        String text = mapper.toJson(withBuyer);
        JsonNode body = json.readTree(text);

        assertThat(text).endsWith(",\"isSplit\":\"false\",\"buyerCertificate\":{\"certificateType\":\"ID_CARD\","
                + "\"certificateNo\":\"110101199003071234\",\"holderName\":{\"fullName\":\"张三\"}}}");
        assertThat(body.path("declarationAmount").path("value").asText()).isEqualTo("150");
        assertThat(body.has("referenceOrderId")).isFalse();
        assertEveryScalarIsANonEmptyString(body);
        assertThat(mapper.toJson(worked())).doesNotContain("buyerCertificate", "referenceOrderId");
    }

    @ParameterizedTest
    @CsvSource({"0.01, 1", "1, 100", "1.5, 150", "123.45, 12345", "26000.00, 2600000",
            "99999999999999999.99, 9999999999999999999"})
    void amountIsAnIntegerStringOfFen(String yuan, String fen) throws Exception {
        Declaration declaration = new Declaration("DEC-20261124-0004", "PAY", "ZONGSHU", "m", "n",
                new BigDecimal(yuan), false, null, null, null, "alipay-plus");

        JsonNode amount = json.readTree(mapper.toJson(declaration)).path("declarationAmount");

        assertThat(amount.path("currency").asText()).isEqualTo("CNY");
        assertThat(amount.path("value").isTextual()).isTrue();
        assertThat(amount.path("value").asText()).isEqualTo(fen);
    }

    @Test
    void everyAmountTheValidatorAcceptsCanBeMapped() {
        // the longest amount a record may carry (20 characters) is still sent, as an exact fen string
        Object validated = new RecordValidator("alipay-plus").validate(new RawRecord("orders.csv", 2, 1,
                Map.of("declarationRequestId", "DEC-20261124-0005", "paymentId", "PAY",
                        "customsCode", "ZONGSHU", "merchantCustomsCode", "m", "merchantCustomsName", "n",
                        "amount", "99999999999999999.99"), null));

        assertThat(validated).isInstanceOf(Declaration.class);
        assertThat(mapper.toJson((Declaration) validated)).contains("\"value\":\"9999999999999999999\"");
    }

    @Test
    void noEmptyStringsEvenForAFullDeclaration() throws Exception {
        Declaration full = new Declaration("DEC-20261124-0006", "PAY-20261124-0006", "SHANGHAI_CBT", "hanguo",
                "jwyhanguo_card", new BigDecimal("45.50"), true, "SUB-1", "李四", "110101199003075678", "alipay-plus");

        String text = mapper.toJson(full);

        assertThat(text).doesNotContain("\"\"");
        assertEveryScalarIsANonEmptyString(json.readTree(text));
    }

    private static void assertEveryScalarIsANonEmptyString(JsonNode node) {
        List<String> offenders = new ArrayList<>();
        collect("", node, offenders);
        assertThat(offenders).as("scalars that are not non-empty JSON strings").isEmpty();
    }

    private static void collect(String path, JsonNode node, List<String> offenders) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(path + "." + e.getKey(), e.getValue(), offenders));
        } else if (!node.isTextual() || node.asText().isEmpty()) {
            offenders.add(path + "=" + node);
        }
    }
}
