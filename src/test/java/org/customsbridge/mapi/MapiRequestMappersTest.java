package org.customsbridge.mapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.customsbridge.record.Declaration;
import org.customsbridge.signing.MapiSignature;
import org.customsbridge.signing.MapiSigner;
import org.junit.jupiter.api.Test;

/** Declarations and ids as MAPI parameters, and parameters as the form body. */
class MapiRequestMappersTest {

    static final String PARTNER = "2088101568338364";
    static final String DEMO_KEY = "demokeyfordocsonly0123456789abcd";

    private final MapiDeclareRequestMapper declare = new MapiDeclareRequestMapper();
    private final MapiQueryRequestMapper query = new MapiQueryRequestMapper();

    static Declaration worked() {
        return new Declaration("20261124000001", "2026112422001300000000000001", "ZONGSHU", "hanguo",
                "jwyhanguo_card", new BigDecimal("123.45"), false, null, "张三", null, "mapi");
    }

    @Test
    void workedDeclareExampleGivesTheDocumentedPreSignAndMd5() {
        Map<String, String> params = declare.toParams(worked(), PARTNER);

        assertThat(MapiSignature.preSign(params)).isEqualTo("_input_charset=UTF-8&amount=123.45&buyer_name=张三"
                + "&customs_place=ZONGSHU&is_split=F&merchant_customs_code=hanguo"
                + "&merchant_customs_name=jwyhanguo_card&out_request_no=20261124000001&partner=2088101568338364"
                + "&service=alipay.acquire.customs&trade_no=2026112422001300000000000001");
        assertThat(MapiSigner.md5(DEMO_KEY).sign(params)).isEqualTo("f17ac80b017433f7c2b2f9c869f7ed49");
        assertThat(params).doesNotContainKeys("buyer_id_no", "sub_out_biz_no", "sign", "sign_type");
        assertThat(params).containsEntry("service", "alipay.acquire.customs").containsEntry("partner", PARTNER)
                .containsEntry("_input_charset", "UTF-8").containsEntry("trade_no", "2026112422001300000000000001");
    }

    @Test
    void splitDeclarationCarriesTheSubOrderAndBuyerIdentity() {
        Declaration split = new Declaration("DEC-000002", "PAY-2", "hangzhou", "code", "name",
                new BigDecimal("7"), true, "SUB-0001", "李四", "110101199003071234", "mapi");

        Map<String, String> params = declare.toParams(split, PARTNER);

        assertThat(params).containsEntry("is_split", "T").containsEntry("sub_out_biz_no", "SUB-0001")
                .containsEntry("buyer_name", "李四").containsEntry("buyer_id_no", "110101199003071234")
                .containsEntry("customs_place", "hangzhou").containsEntry("amount", "7.00");
    }

    @Test
    void amountIsYuanWithTwoDecimalsNeverAnExponent() {
        for (String[] amount : new String[][] {{"1E+2", "100.00"}, {"0.1", "0.10"}, {"12345678901234567.89",
                "12345678901234567.89"}, {"100", "100.00"}}) {
            Declaration d = new Declaration("DEC-000003", "PAY-3", "ZONGSHU", "c", "n", new BigDecimal(amount[0]),
                    false, null, null, null, "mapi");
            assertThat(declare.toParams(d, PARTNER)).containsEntry("amount", amount[1]);
        }
    }

    @Test
    void queryJoinsUpToTenIdsWithCommasAndNoSpaces() {
        List<String> ten = IntStream.rangeClosed(1, 10).mapToObj(i -> "DEC-%06d".formatted(i)).toList();

        Map<String, String> params = query.toParams(ten, PARTNER);

        assertThat(params).containsExactly(Map.entry("service", "alipay.overseas.acquire.customs.query"),
                Map.entry("partner", PARTNER), Map.entry("_input_charset", "UTF-8"),
                Map.entry("out_request_nos", String.join(",", ten)));
        assertThat(params.get("out_request_nos")).doesNotContain(" ");
        assertThat(query.toParams(List.of("201506010001", "201506010002"), PARTNER))
                .containsEntry("out_request_nos", "201506010001,201506010002");
    }

    @Test
    void queryRefusesMoreThanTenNoneOrIdsTheGatewayWouldRefuse() {
        List<String> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "DEC-%06d".formatted(i)).toList();

        assertThatThrownBy(() -> query.toParams(eleven, PARTNER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 10");
        assertThatThrownBy(() -> query.toParams(List.of(), PARTNER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query.toParams(null, PARTNER)).isInstanceOf(IllegalArgumentException.class);
        for (String bad : Arrays.asList("short", "DEC-1,DEC-2", " DEC-000001", "DEC 000001", "x".repeat(33), "",
                null)) {
            assertThatThrownBy(() -> query.toParams(Arrays.asList("DEC-000001", bad), PARTNER))
                    .as("id %s", bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void formEncodesUtf8AndReservedCharactersAndDecodesBackExactly() {
        Map<String, String> params = new LinkedHashMap<>(declare.toParams(worked(), PARTNER));
        params.put("merchant_customs_name", "A&B=C+D 100% /?");
        params.put("sign", "ab+/cd==");

        String body = MapiForm.encode(params);

        assertThat(body).contains("buyer_name=%E5%BC%A0%E4%B8%89")
                .contains("merchant_customs_name=A%26B%3DC%2BD+100%25+%2F%3F")
                .contains("sign=ab%2B%2Fcd%3D%3D")
                .startsWith("service=alipay.acquire.customs&partner=2088101568338364&_input_charset=UTF-8&");
        Map<String, String> decoded = Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> a, LinkedHashMap::new));
        assertThat(decoded).isEqualTo(params);
    }

    @Test
    void formLeavesOutNullValues() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("a", "1");
        params.put("b", null);
        params.put("c", "");

        assertThat(MapiForm.encode(params)).isEqualTo("a=1&c=");
    }
}
