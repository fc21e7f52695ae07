package org.customsbridge.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.github.binarywang.wxpay.util.SignUtils;
import org.customsbridge.signing.WechatSigner;
import org.junit.jupiter.api.Test;

/**
 * WeChat Pay's MD5 signature, checked three ways: against the worked example (values WxJava and a
 * Python hashlib computation agree on), against WxJava's own {@code SignUtils}, and against a
 * straightforward implementation written here from WeChat's description.
 */
class WechatSignatureTest {

    /** A key for documentation only, never a real one. */
    static final String KEY = "demokeyfordocsonly0123456789abcd";

    static Map<String, String> declareVector() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("appid", "wxd678efh567hg6787");
        params.put("mch_id", "1230000109");
        params.put("out_trade_no", "20150806125346");
        params.put("transaction_id", "1000320306201511078440737890");
        params.put("customs", "HANGZHOU_ZS");
        params.put("mch_customs_no", "3301234567");
        params.put("action_type", "ADD");
        params.put("duty", "");
        params.put("cert_type", "IDCARD");
        params.put("cert_id", "330821198809085211");
        params.put("name", "张三");
        return params;
    }

    static Map<String, String> answerVector() {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("return_code", "SUCCESS");
        answer.put("return_msg", "OK");
        answer.put("appid", "wxd678efh567hg6787");
        answer.put("mch_id", "1230000109");
        answer.put("result_code", "SUCCESS");
        answer.put("state", "SUBMITTED");
        answer.put("transaction_id", "1000320306201511078440737890");
        answer.put("out_trade_no", "20150806125346");
        answer.put("modify_time", "20261124101530");
        answer.put("cert_check_result", "SAME");
        answer.put("sign_type", "MD5");
        return answer;
    }

    private final WechatSigner signer = new WechatSigner(KEY);

    @Test
    void theWorkedExampleSignsAsDocumented() {
        assertThat(WechatSigner.preSign(declareVector())).isEqualTo("action_type=ADD&appid=wxd678efh567hg6787"
                + "&cert_id=330821198809085211&cert_type=IDCARD&customs=HANGZHOU_ZS&mch_customs_no=3301234567"
                + "&mch_id=1230000109&name=张三&out_trade_no=20150806125346"
                + "&transaction_id=1000320306201511078440737890");
        assertThat(WechatSigner.preSign(declareVector()).getBytes(StandardCharsets.UTF_8)).hasSize(232);
        assertThat(signer.sign(declareVector())).isEqualTo("80D8DDEF14ADEF4CEED7CE2EB859BC9E");
    }

    @Test
    void aSentSignTypeIsSignedToo() {
        Map<String, String> params = declareVector();
        params.put("sign_type", "MD5");

        assertThat(signer.sign(params)).isEqualTo("A5C348AA02388899B2D17C568D8E195D");
    }

    @Test
    void theWorkedAnswerVerifies() {
        Map<String, String> answer = answerVector();
        answer.put("sign", "B98C90C0D5EE7A6D70D3498F36C1447D");

        assertThat(signer.sign(answer)).isEqualTo("B98C90C0D5EE7A6D70D3498F36C1447D");
        assertThat(signer.verify(answer, "B98C90C0D5EE7A6D70D3498F36C1447D")).isTrue();
        assertThat(signer.verify(answer, "b98c90c0d5ee7a6d70d3498f36c1447d")).isTrue();
        answer.put("state", "SUCCESS");
        assertThat(signer.verify(answer, "B98C90C0D5EE7A6D70D3498F36C1447D")).isFalse();
        assertThat(new WechatSigner("another-key").verify(answerVector(), "B98C90C0D5EE7A6D70D3498F36C1447D"))
                .isFalse();
    }

    @Test
    void wxJavaSignsAndVerifiesAlike() {
        for (Map<String, String> params : new Map[]{declareVector(), answerVector(), withSignType(declareVector())}) {
            String ours = signer.sign(params);

            assertThat(SignUtils.createSign(new HashMap<>(params), "MD5", KEY, null)).isEqualTo(ours);
            Map<String, String> signed = new HashMap<>(params);
            signed.put("sign", ours);
            assertThat(SignUtils.checkSign(signed, "MD5", KEY)).isTrue();
            assertThat(independentSign(params)).isEqualTo(ours);
        }
    }

    @Test
    void theKeyNeverShows() {
        assertThat(signer.toString()).doesNotContain(KEY);
    }

    private static Map<String, String> withSignType(Map<String, String> params) {
        params.put("sign_type", "MD5");
        return params;
    }

    /** WeChat's rule as its page words it, written without the bundle's code. */
    private static String independentSign(Map<String, String> params) {
        try {
            String text = new TreeMap<>(params).entrySet().stream()
                    .filter(e -> !e.getKey().equals("sign") && e.getValue() != null && !e.getValue().isEmpty())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")) + "&key=" + KEY;
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032X", new BigInteger(1, digest));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
