package org.customsbridge.mapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.alipay.api.internal.util.AlipaySignature;
import org.customsbridge.signing.MapiSigner;
import org.junit.jupiter.api.Test;

/** What each reading of a MAPI answer's signature covers, on one answer with every quirk the sources disagree on. */
class MapiAnswerSigningTest {

    static final String KEY = "demokeyfordocsonly0123456789abcd";
    /** A declare answer as Alipay's pages show it. */
    static final String DECLARE_RESPONSE = "<alipay><result_code>SUCCESS</result_code>"
            + "<out_request_no>20261124000001</out_request_no><trade_no>2026112422001300000000000001</trade_no>"
            + "<alipay_declare_no>2026112411082370647505271</alipay_declare_no><identity_check>T</identity_check>"
            + "</alipay>";
    /** A padded value, an empty element, an entity, records, and a sign that is not signed. */
    static final String QUIRKY_RESPONSE = "\n<alipay>\n<result_code>SUCCESS</result_code>\n"
            + "<memo> A &amp; B </memo>\n<identity_check/>\n"
            + "<records>\n <customs_declare><status>succ</status></customs_declare>\n</records>\n"
            + "<sign>ignored</sign>\n</alipay>\n";

    static MapiAnswer parsed(String response) throws Exception {
        return new MapiAnswerParser().parse("<alipay><is_success>T</is_success><response>" + response
                + "</response><sign>s</sign><sign_type>MD5</sign_type></alipay>");
    }

    @Test
    void documentedExampleSignsTheSortedPairs() throws Exception {
        String content = MapiAnswerSigning.SORTED.content(parsed(DECLARE_RESPONSE));

        assertThat(content).isEqualTo("alipay_declare_no=2026112411082370647505271&identity_check=T"
                + "&out_request_no=20261124000001&result_code=SUCCESS&trade_no=2026112422001300000000000001");
        assertThat(MapiSigner.md5(KEY).signContent(content)).isEqualTo("54427f8dcf55cbc92d19f87f059e68e3");
    }

    @Test
    void eachVariantReadsTheQuirksItsOwnWay() throws Exception {
        MapiAnswer answer = parsed(QUIRKY_RESPONSE);

        assertThat(MapiAnswerSigning.SORTED.content(answer))
                .isEqualTo("memo= A & B &result_code=SUCCESS");
        assertThat(MapiAnswerSigning.SORTED_WITH_EMPTY.content(answer))
                .isEqualTo("identity_check=&memo= A & B &records=\n \n&result_code=SUCCESS");
        assertThat(MapiAnswerSigning.SORTED_TRIMMED.content(answer))
                .isEqualTo("memo=A & B&result_code=SUCCESS");
        assertThat(MapiAnswerSigning.SORTED_TRIMMED_WITH_EMPTY.content(answer))
                .isEqualTo("identity_check=&memo=A & B&records=&result_code=SUCCESS");
        assertThat(MapiAnswerSigning.RESPONSE_TEXT.content(answer)).isEqualTo(QUIRKY_RESPONSE);
        assertThat(Arrays.stream(MapiAnswerSigning.values()).map(v -> v.content(answer)).distinct()).hasSize(5);
    }

    @Test
    void sortedIsWhatAlipaysSdkBuildsToCheckASignature() throws Exception {
        MapiAnswer answer = parsed(QUIRKY_RESPONSE);

        // both of the SDK's builders leave out blank values; getSignContent leaves removing sign to its caller
        Map<String, String> unsigned = new HashMap<>(answer.children());
        unsigned.remove("sign");
        assertThat(AlipaySignature.getSignContent(unsigned)).isEqualTo(MapiAnswerSigning.SORTED.content(answer));
        assertThat(AlipaySignature.getSignCheckContentV1(new HashMap<>(answer.children())))
                .isEqualTo(MapiAnswerSigning.SORTED.content(answer));
    }

    @Test
    void fieldsStayStrippedWhateverTheSignatureCovers() throws Exception {
        MapiAnswer answer = parsed(QUIRKY_RESPONSE);

        assertThat(answer.field("memo")).isEqualTo("A & B");
        assertThat(answer.children()).containsEntry("memo", " A & B ").containsEntry("identity_check", "");
    }

    @Test
    void settingNamesAreKebabCase() {
        assertThat(Arrays.stream(MapiAnswerSigning.values()).map(MapiAnswerSigning::settingName)).containsExactly(
                "sorted", "sorted-with-empty", "sorted-trimmed", "sorted-trimmed-with-empty", "response-text");
    }

    @Test
    void anAnswerWithoutResponseHasNoSignedContent() throws Exception {
        MapiAnswer refused = new MapiAnswerParser().parse("<alipay><is_success>F</is_success><error>X</error></alipay>");

        assertThat(MapiAnswerSigning.SORTED.content(refused)).isNull();
    }
}
