package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.customsbridge.testsupport.TestKeys;

/** Nothing the management and API description endpoints serve carries a configured secret. */
class ManagementSecretsFlowTest {

    private static final String MD5_KEY = "md5SECRETmarker0123456789abcdefX";
    private static final String WECHAT_KEY = "wxSECRETmarker0123456789abcdefXY";

    @TempDir
    Path root;

    @Test
    void managementEndpointsNeverShowKeys() throws NoSuchAlgorithmException {
        String privateKey = Base64.getEncoder().encodeToString(TestKeys.rsa2048().getPrivate().getEncoded());
        // a stretch from the middle of the key: recognisable, and never part of anything else
        String keyMarker = privateKey.substring(400, 440);
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of("customs.alipay-plus.private-key", privateKey,
                "customs.mapi.md5-key", MD5_KEY, "customs.mapi.sign-type", "MD5",
                "customs.wechat.api-key", WECHAT_KEY, "customs.simulator.wechat-api-key", WECHAT_KEY))) {
            Http http = bundle.http();
            // some traffic, so that gauges, route metrics and gateway health have something to show
            inbox.drop("orders.csv", Inbox.csv("SECRET-0001,2026112422001300000000000001,1.00"));
            inbox.awaitResults("orders.csv");
            inbox.drop("wechat.csv", "declarationRequestId,paymentId,customsCode,amount,gateway,merchantOrderNo\n"
                    + "SECRET-0002,1000320306201511078440737890,ZONGSHU,1.00,wechat,SECRET-0002\n");
            assertThat(inbox.awaitResults("wechat.csv").get(0).get("status")).isEqualTo("ACCEPTED");
            for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
                    "/actuator/info", "/v3/api-docs", "/actuator")) {
                Http.Answer answer = http.get(path);
                assertThat(answer.status()).as(path).isEqualTo(200);
                assertThat(answer.body()).as(path).doesNotContain(keyMarker).doesNotContain(MD5_KEY)
                        .doesNotContain("md5SECRETmarker").doesNotContain(WECHAT_KEY).doesNotContain("wxSECRETmarker");
            }
            for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/beans",
                    "/actuator/heapdump", "/actuator/threaddump", "/actuator/camelroutes")) {
                assertThat(http.get(path).status()).as(path + " is not exposed").isEqualTo(404);
            }
        }
    }
}
