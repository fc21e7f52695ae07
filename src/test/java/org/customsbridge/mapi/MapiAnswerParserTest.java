package org.customsbridge.mapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.customsbridge.declare.NoTrustedAnswerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The MAPI answer parser against every sample of Alipay's query pages, and against hostile or broken XML. */
class MapiAnswerParserTest {

    private final MapiAnswerParser parser = new MapiAnswerParser();

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ Alipay's samples

    @Test
    void seed000SuccessHasBothRecordsAndEveryField() throws Exception {
        MapiAnswer answer = parser.parse(MapiSamples.SEED_000_SUCCESS);

        assertThat(answer.success()).isTrue();
        assertThat(answer.error()).isNull();
        assertThat(answer.sign()).isEqualTo("15669c65f3d19d0691425bba349a8b55");
        assertThat(answer.signType()).isEqualTo("MD5");
        assertThat(answer.request()).containsExactly(
                Map.entry("sign", "eb9ece9d658e7a9671411d1b43b5750c"),
                Map.entry("_input_charset", "UTF-8"),
                Map.entry("sign_type", "MD5"),
                Map.entry("service", "alipay.overseas.acquire.customs.query"),
                Map.entry("out_request_nos", "487xxxxxxxxx3624,766xxxxxxxxx9532"),
                Map.entry("partner", "208xxxxxxxxx6350"));
        assertThat(answer.fields()).containsExactly(Map.entry("result_code", "SUCCESS"));
        assertThat(answer.resultCode()).isEqualTo("SUCCESS");
        assertThat(answer.notFound()).isEmpty();
        assertThat(answer.records()).hasSize(2);
        assertThat(answer.records().get(0)).containsExactly(
                Map.entry("alipay_declare_no", "201xxxxxxxxxxxxxxxxxxx5271"),
                Map.entry("amount", "1.00"),
                Map.entry("is_split", "T"),
                Map.entry("sub_out_biz_no", "999xxxxxxxx9999"),
                Map.entry("customs_place", "hangzhou"),
                Map.entry("last_modified_time", "2015-10-15 14:24:56"),
                Map.entry("memo", ""),
                Map.entry("merchant_customs_code", "code"),
                Map.entry("merchant_customs_name", "1"),
                Map.entry("out_request_no", "487xxxxxxxxx3624"),
                Map.entry("status", "succ"),
                Map.entry("trade_no", "201xxxxxxxxxxxxxxxxxx5271"),
                Map.entry("customs_code", "2"),
                Map.entry("customs_info", "Adding Declaration Successful [B0B2F23E-2CF6-434D-9F24-8931B835A056]"),
                Map.entry("customs_return_time", "201xxxxxxx2358"));
        assertThat(answer.records().get(1)).doesNotContainKeys("is_split", "sub_out_biz_no")
                .containsEntry("alipay_declare_no", "201xxxxxxxxxxxxxxxxxx6255")
                .containsEntry("customs_place", "henan")
                .containsEntry("merchant_customs_name", "name")
                .containsEntry("out_request_no", "766xxxxxxxxx9532")
                .containsEntry("trade_no", "201xxxxxxxxx0237")
                .containsEntry("status", "succ")
                .containsEntry("customs_code", "2")
                .hasSize(13);
        assertThat(answer.responseText()).isEqualTo(between(MapiSamples.SEED_000_SUCCESS));
        // the first query page's sample is indented with no-break spaces (U+00A0), copied from a web page: text, not XML white space,
        // which the signed text keeps as it is and the parser passes over
        assertThat(answer.responseText()).startsWith("\n\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0<alipay>\n");
        assertThat(answer.responseText().replace('\u00a0', ' '))
                .startsWith("\n        <alipay>\n            <records>\n")
                .endsWith("<result_code>SUCCESS</result_code>\n        </alipay>\n    ");
    }

    @Test
    void seed001SuccessHasBothRecordsAndEveryField() throws Exception {
        MapiAnswer answer = parser.parse(MapiSamples.SEED_001_SUCCESS);

        assertThat(answer.success()).isTrue();
        assertThat(answer.sign()).isEqualTo("15669c65f3d19d0691425bba349a8b55");
        assertThat(answer.signType()).isEqualTo("MD5");
        assertThat(answer.request()).containsEntry("out_request_nos", "4877067126133624,7665166179649532")
                .containsEntry("partner", "2088101143686350").hasSize(6);
        assertThat(answer.resultCode()).isEqualTo("SUCCESS");
        assertThat(answer.records()).extracting(r -> r.get("out_request_no"))
                .containsExactly("4877067126133624", "7665166179649532");
        assertThat(answer.records()).extracting(r -> r.get("alipay_declare_no"))
                .containsExactly("2015082011082370647505271", "2015081811082379147506255");
        assertThat(answer.records()).extracting(r -> r.get("trade_no"))
                .containsExactly("2015082011082370647505271", "2015081710650237");
        assertThat(answer.records().get(0)).containsEntry("sub_out_biz_no", "999999999999999")
                .containsEntry("customs_return_time", "20160414142358").containsEntry("memo", "").hasSize(15);
        assertThat(answer.records().get(1)).doesNotContainKey("is_split").hasSize(13);
        assertThat(answer.responseText()).isEqualTo(between(MapiSamples.SEED_001_SUCCESS))
                .startsWith("\n<alipay>\n<records>\n").endsWith("</result_code>\n</alipay>\n");
    }

    @Test
    void seedBusinessFailuresCarryDetailCodeAndTrimmedDescription() throws Exception {
        for (String sample : List.of(MapiSamples.SEED_000_BUSINESS_FAILURE, MapiSamples.SEED_001_BUSINESS_FAILURE)) {
            MapiAnswer answer = parser.parse(sample);

            assertThat(answer.success()).isTrue();
            assertThat(answer.resultCode()).isEqualTo("FAIL");
            assertThat(answer.detailErrorCode()).isEqualTo("INVALID_PARAMETER");
            assertThat(answer.detailErrorDes()).isEqualTo("Declaration Form Parameters Illegal");
            assertThat(answer.records()).isEmpty();
            assertThat(answer.sign()).isEqualTo("48fd2067e7fa2a7e779465d9e80dced5");
            assertThat(answer.signType()).isEqualTo("MD5");
            assertThat(answer.request().get("out_request_nos")).endsWith(",,");
            assertThat(answer.responseText()).isEqualTo(between(sample));
        }
    }

    @Test
    void seedGatewayErrorsAreIsSuccessFWithTheirErrorAndNothingElse() throws Exception {
        for (String sample : List.of(MapiSamples.SEED_000_ILLEGAL_SIGN, MapiSamples.SEED_001_ILLEGAL_SIGN)) {
            MapiAnswer answer = parser.parse(sample);

            assertThat(answer.success()).isFalse();
            assertThat(answer.error()).isEqualTo("ILLEGAL_SIGN");
            assertThat(answer.sign()).isNull();
            assertThat(answer.signType()).isNull();
            assertThat(answer.responseText()).isNull();
            assertThat(answer.request()).isEmpty();
            assertThat(answer.fields()).isEmpty();
            assertThat(answer.records()).isEmpty();
        }
    }

    // ------------------------------------------------------------------ shapes beyond the samples

    @Test
    void declareAnswerFieldsAndNotFoundAreRead() throws Exception {
        MapiAnswer declare = parser.parse(answer("""
                <alipay><alipay_declare_no>2026000000001</alipay_declare_no><identity_check>T</identity_check>\
                <out_request_no>20261124000001</out_request_no><result_code>SUCCESS</result_code>\
                <trade_no>2026112422001300000000000001</trade_no></alipay>"""));

        assertThat(declare.fields()).containsOnlyKeys("alipay_declare_no", "identity_check", "out_request_no",
                "result_code", "trade_no");
        assertThat(declare.field("identity_check")).isEqualTo("T");

        MapiAnswer query = parser.parse(answer("<alipay><not_found>DEC-000009, DEC-000010</not_found>"
                + "<records/><result_code>SUCCESS</result_code></alipay>"));
        assertThat(query.notFound()).containsExactly("DEC-000009", "DEC-000010");
        assertThat(query.records()).isEmpty();
    }

    @Test
    void unknownElementsAreIgnoredAndEveryRecordIsKept() throws Exception {
        MapiAnswer answer = parser.parse("""
                <?xml version="1.0" encoding="utf-8"?>
                <!-- a comment --><alipay>
                    <is_success>T</is_success>
                    <trace><id>1</id></trace>
                    <response><alipay>
                        <new_flag>Y</new_flag>
                        <nested><deeper>x</deeper></nested>
                        <records>
                            <customs_declare><out_request_no>A00001</out_request_no><extra><a/></extra>\
                <future_field>f</future_field></customs_declare>
                            <other_record><out_request_no>IGNORED</out_request_no></other_record>
                            <customs_declare><out_request_no>A00002</out_request_no></customs_declare>
                            <customs_declare><out_request_no>A00003</out_request_no><![CDATA[]]></customs_declare>
                        </records>
                        <records><customs_declare><out_request_no>A00004</out_request_no></customs_declare></records>
                        <result_code>SUCCESS</result_code>
                    </alipay><unknown_sibling/></response>
                    <sign>abc</sign>
                    <sign_type>RSA2</sign_type>
                </alipay>
                """);

        assertThat(answer.records()).extracting(r -> r.get("out_request_no"))
                .containsExactly("A00001", "A00002", "A00003", "A00004");
        assertThat(answer.records().get(0)).containsOnlyKeys("out_request_no", "future_field");
        assertThat(answer.fields()).containsOnlyKeys("new_flag", "result_code");
    }

    @Test
    void escapedTextAndCdataAreReadAsText() throws Exception {
        MapiAnswer answer = parser.parse(answer("<alipay><result_code>FAIL</result_code>"
                + "<detail_error_des>a &amp; b &lt;c&gt; &#x5f20;<![CDATA[ <d> ]]></detail_error_des></alipay>"));

        assertThat(answer.detailErrorDes()).isEqualTo("a & b <c> 张 <d>");
    }

    @Test
    void responseTextIsCutFromTheAnswerNotReserialized() throws Exception {
        String inner = "\n  <alipay>\n\t<result_code >SUCCESS</result_code>\n  <memo a='1'  b=\"2\"/><!-- c -->"
                + "<x>&amp;&#65;</x></alipay>\r\n";
        MapiAnswer answer = parser.parse("<alipay><is_success>T</is_success><response>" + inner
                + "</response><sign>s</sign><sign_type>MD5</sign_type></alipay>");

        assertThat(answer.responseText()).isEqualTo(inner);
        assertThat(answer.resultCode()).isEqualTo("SUCCESS");
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void doctypeWithExternalEntityAndExternalDtdIsRefusedAndNothingIsRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String dtd = "http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd";
            String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                    + "<!DOCTYPE alipay SYSTEM \"" + dtd + "\" [\n"
                    + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n"
                    + "]>\n"
                    + "<alipay><is_success>F</is_success><error>&xxe;</error></alipay>";

            assertThatThrownBy(() -> parser.parse(xml)).isInstanceOfSatisfying(NoTrustedAnswerException.class, e -> {
                assertThat(e.code()).isEqualTo("UNREADABLE_ANSWER");
                assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
            });
            server.setSoTimeout(200);
            assertThatThrownBy(server::accept).as("the external DTD must never be fetched")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void internalEntityExpansionIsRefused() {
        String bomb = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE alipay [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                + "<alipay><is_success>F</is_success><error>&b;</error></alipay>";

        assertRefused(bomb, "DOCTYPE");
    }

    @Test
    void undeclaredEntityIsRefused() {
        assertRefused("<alipay><is_success>F</is_success><error>&xxe;</error></alipay>", "");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "<html><body>502 Bad Gateway</body></html>", "not xml", "<alipay>",
            "<alipay><is_success>T</is_success>", "<alipay><is_success>T</is_success></alipay><alipay/>",
            "<alipay><is_success>T</is_success></alipay>trailing", "<alipay/>", "<alipay><error>X</error></alipay>",
            "<alipay><is_success>Y</is_success></alipay>", "<alipay><is_success>t</is_success></alipay>"})
    void unreadableAnswersAreRefused(String xml) {
        assertRefused(xml, "");
    }

    @Test
    void malformedResponseContentIsRefusedWithItsPlace() {
        assertRefused(answer("<alipay><result_code>SUCCESS</result_code></alipay"), "not well-formed XML");
        assertRefused(answer("<alipay><result_code>SUCCESS</result_code></alipay><x>"), "not well-formed XML");
    }

    @Test
    void aFieldNamedTwiceIsAmbiguousAndRefused() {
        assertRefused(answer("<alipay><result_code>FAIL</result_code><result_code>SUCCESS</result_code></alipay>"),
                "<result_code> twice");
        assertRefused(answer("<alipay><records><customs_declare><status>ws</status><status>succ</status>"
                + "</customs_declare></records><result_code>SUCCESS</result_code></alipay>"), "<status> twice");
        assertRefused("<alipay><is_success>F</is_success><is_success>T</is_success></alipay>", "<is_success> twice");
        assertRefused(answer("<alipay><result_code>SUCCESS</result_code></alipay><alipay/>"), "more than one <alipay>");
    }

    @Test
    void aResponseHiddenInACommentOrWrittenTwiceIsRefused() {
        String signed = "<alipay><result_code>FAIL</result_code></alipay>";
        String evil = "<alipay><result_code>SUCCESS</result_code></alipay>";

        assertRefused("<alipay><is_success>T</is_success><!-- <response>" + signed + "</response> -->"
                + "<response>" + evil + "</response><sign>s</sign><sign_type>MD5</sign_type></alipay>", "once");
        assertRefused("<alipay><is_success>T</is_success><response>" + signed + "</response><response>" + evil
                + "</response><sign>s</sign><sign_type>MD5</sign_type></alipay>", "more than one <response>");
        assertRefused("<alipay><is_success>T</is_success><response/><sign>s</sign></alipay>", "once");
        assertRefused("<alipay><is_success>T</is_success><response >" + evil + "</response ></alipay>", "once");
    }

    @Test
    void whatIsVerifiedIsWhatIsRead() throws Exception {
        // a <response> in a comment and an element spelled <response > would make the two differ:
        // the fields must come from the text that the signature covers
        String signed = "<alipay><result_code>FAIL</result_code></alipay>";
        String evil = "<alipay><result_code>SUCCESS</result_code></alipay>";

        MapiAnswer answer = parser.parse("<alipay><is_success>T</is_success><!-- <response>" + signed
                + "</response> --><response >" + evil + "</response ><sign>s</sign></alipay>");

        assertThat(answer.responseText()).isEqualTo(signed);
        assertThat(answer.resultCode()).isEqualTo("FAIL");
    }

    @Test
    void rootOtherThanAlipayIsRefused() {
        assertRefused("<response><alipay><is_success>T</is_success></alipay></response>", "root");
    }

    // ------------------------------------------------------------------ helpers

    private void assertRefused(String xml, String messagePart) {
        assertThatThrownBy(() -> parser.parse(xml)).as("answer %s", xml)
                .isInstanceOfSatisfying(NoTrustedAnswerException.class, e -> {
                    assertThat(e.code()).isEqualTo("UNREADABLE_ANSWER");
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }

    static String answer(String responseInner) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<alipay><is_success>T</is_success><response>"
                + responseInner + "</response><sign>abc</sign><sign_type>MD5</sign_type></alipay>";
    }

    private static String between(String xml) {
        return xml.substring(xml.indexOf("<response>") + "<response>".length(), xml.indexOf("</response>"));
    }
}
