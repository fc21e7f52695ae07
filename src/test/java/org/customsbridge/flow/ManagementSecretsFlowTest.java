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

    @TempDir
    Path root;

    @Test
    void managementEndpointsNeverShowKeys() throws NoSuchAlgorithmException {
        String privateKey = Base64.getEncoder().encodeToString(TestKeys.rsa2048().getPrivate().getEncoded());
        // a stretch from the middle of the key: recognisable, and never part of anything else
        String keyMarker = privateKey.substring(400, 440);
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.of("customs.alipay-plus.private-key", privateKey,
                "customs.mapi.md5-key", MD5_KEY, "customs.mapi.sign-type", "MD5"))) {
            Http http = bundle.http();
            // some traffic, so that gauges, route metrics and gateway health have something to show
            inbox.drop("orders.csv", Inbox.csv("SECRET-0001,2026112422001300000000000001,1.00"));
            inbox.awaitResults("orders.csv");
            for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
                    "/actuator/info", "/v3/api-docs", "/actuator")) {
                Http.Answer answer = http.get(path);
                assertThat(answer.status()).as(path).isEqualTo(200);
                assertThat(answer.body()).as(path).doesNotContain(keyMarker).doesNotContain(MD5_KEY)
                        .doesNotContain("md5SECRETmarker");
            }
            for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/beans",
                    "/actuator/heapdump", "/actuator/threaddump", "/actuator/camelroutes")) {
                assertThat(http.get(path).status()).as(path + " is not exposed").isEqualTo(404);
            }
        }
    }
}
