package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.customsbridge.CustomsBridgeApplication;
import org.customsbridge.preflight.PreflightRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code --customs.preflight=true}: every configured part checked with the configuration of a
 * normal start, one line each, exit code 0 only when all hold; nothing declared, no intake started,
 * no secret printed. Each failure names the property to check.
 */
@ExtendWith(OutputCaptureExtension.class)
class PreflightFlowTest {

    private static final String MD5_KEY = "preflightMd5KeyMarker0123456789x";

    @TempDir
    Path root;

    @Test
    void passesOnTheEmbeddedDefaultsAndTakesNothing(CapturedOutput output) throws IOException {
        Inbox inbox = Inbox.under(root);
        inbox.drop("orders.csv", Inbox.csv("PREFLIGHT-TEST-0001,PAY-PF-1,10.00"));

        assertThat(preflight(Map.of())).as(output.getOut()).isZero();

        assertThat(output.getOut()).contains("preflight passed")
                .containsPattern("ledger\\s+ok\\s+" + TestDatabase.productName()).containsPattern("ledger schema\\s+ok")
                .containsPattern("broker\\s+ok").containsPattern("inbox\\s+ok").containsPattern("outbox\\s+ok")
                .containsPattern("sink file\\s+ok\\s+" + root.resolve("outbox").resolve("status").toAbsolutePath())
                .containsPattern("gateway alipay-plus\\s+ok").containsPattern("gateway mapi\\s+ok")
                .containsPattern("gateway wechat\\s+ok");
        // no intake ran: the file is still waiting, and nothing was declared
        assertThat(root.resolve("inbox").resolve("orders.csv")).exists();
        assertThat(root.resolve("outbox").resolve("orders.csv.results.csv")).doesNotExist();
    }

    @Test
    void namesTheEndpointAndChannelsThatDoNotAnswerAndTheBrokenFolder(CapturedOutput output) throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve("inbox"), "a file where the inbox should be");

        int exit = preflight(Map.of(
                "customs.alipay-plus.endpoint", "http://127.0.0.1:1",
                "customs.sinks", "file,erp-http",
                "customs.sinks.erp-http.url", "http://127.0.0.1:1/customs/status",
                "customs.enrich.http.url", "http://127.0.0.1:1/orders/{declarationRequestId}"));

        assertThat(exit).isEqualTo(1);
        assertThat(output.getOut())
                .containsPattern("gateway alipay-plus\\s+FAILED .*127\\.0\\.0\\.1:1.*check customs\\.alipay-plus\\.endpoint")
                .containsPattern("gateway mapi\\s+ok")
                .containsPattern("gateway wechat\\s+ok")
                .containsPattern("inbox\\s+FAILED .*check customs\\.inbox")
                .containsPattern("sink erp-http\\s+FAILED .*check customs\\.sinks\\.erp-http\\.url")
                .containsPattern("erp lookup\\s+FAILED .*check customs\\.enrich\\.http\\.url")
                .containsPattern("preflight FAILED: 4 of \\d+ parts");
    }

    @Test
    void checksTheComponentsOfAnEndpointIntakeAndTakesNoMessage(CapturedOutput output) {
        assertThat(preflight(Map.of("customs.intake.endpoints.erp-orders.uri", "jms:queue:erp.orders",
                "customs.intake.endpoints.erp-orders.format", "records",
                "customs.intake.endpoints.erp-orders.dead-letter-uri", "jms:queue:erp.orders.unreadable")))
                .as(output.getOut()).isZero();
        assertThat(output.getOut()).containsPattern("intake erp-orders\\s+ok\\s+component jms is available");
    }

    @Test
    void namesTheKeyThatSignsWhenTheGatewayRefusesTheSignature(CapturedOutput output) throws Exception {
        String otherKey = Base64.getEncoder().encodeToString(rsa().getPrivate().getEncoded());

        int exit = preflight(Map.of(
                "customs.alipay-plus.private-key", otherKey,
                "customs.mapi.sign-type", "MD5",
                "customs.mapi.md5-key", MD5_KEY,
                "customs.wechat.api-key", "another-key-0123456789abcdef0123"));

        assertThat(exit).isEqualTo(1);
        assertThat(output.getOut())
                .containsPattern("gateway alipay-plus\\s+FAILED .*INVALID_SIGNATURE.*check customs\\.alipay-plus\\.private-key")
                .containsPattern("gateway mapi\\s+FAILED .*ILLEGAL_SIGN.*check customs\\.mapi\\.md5-key")
                .containsPattern("gateway wechat\\s+FAILED .*RETURN_FAIL.*check customs\\.wechat\\.api-key")
                .doesNotContain(otherKey.substring(40, 80), MD5_KEY, "another-key-0123456789abcdef0123");
    }

    @Test
    void namesTheKeyThatVerifiesWhenTheAnswerDoesNotVerify(CapturedOutput output) throws Exception {
        String otherPublicKey = Base64.getEncoder().encodeToString(rsa().getPublic().getEncoded());

        int exit = preflight(Map.of(
                "customs.alipay-plus.alipay-public-key", otherPublicKey,
                "customs.mapi.alipay-public-key", otherPublicKey));

        assertThat(exit).isEqualTo(1);
        assertThat(output.getOut())
                .containsPattern("gateway alipay-plus\\s+FAILED .*UNTRUSTED_ANSWER.*check customs\\.alipay-plus\\.alipay-public-key")
                .containsPattern("gateway mapi\\s+FAILED .*check customs\\.mapi\\.alipay-public-key");
    }

    @Test
    void checksTheSftpServerAndNamesTheLoginSettingsItRefuses(CapturedOutput output) {
        try (SftpServer sftp = new SftpServer(root)) {
            sftp.drop("orders.csv", Inbox.csv("PREFLIGHT-SFTP-0001,PAY-PF-2,10.00"));
            assertThat(preflight(sftp.settings())).as(output.getOut()).isZero();
            assertThat(output.getOut()).containsPattern("sftp\\s+ok\\s+\\S*127\\.0\\.0\\.1");
            // nothing was taken from the server
            assertThat(sftp.file("inbox/orders.csv")).exists();

            Map<String, String> wrongPassword = new HashMap<>(sftp.settings());
            wrongPassword.remove("customs.intake.sftp.private-key");
            wrongPassword.put("customs.intake.sftp.password", "wrong");
            assertThat(preflight(wrongPassword)).isEqualTo(1);
            assertThat(output.getOut()).containsPattern("sftp\\s+FAILED .*check customs\\.intake\\.sftp\\.user, "
                    + "customs\\.intake\\.sftp\\.password").doesNotContain(SftpServer.PASSWORD);
        }
    }

    @Test
    void aConfigurationThatCannotStartFailsNamingTheProperty(CapturedOutput output) {
        assertThat(preflight(Map.of("customs.gateway", "nope"))).isEqualTo(1);
        assertThat(output.getOut()).containsPattern("start-up\\s+FAILED .*customs\\.gateway")
                .contains("preflight FAILED: the application cannot start");
    }

    @Test
    void aLedgerThatCannotBeReachedIsNamed(CapturedOutput output) {
        assertThat(preflight(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "spring.datasource.hikari.initialization-fail-timeout", "1"))).isEqualTo(1);
        assertThat(output.getOut()).containsPattern("ledger\\s+FAILED .*check spring\\.datasource\\.url");
    }

    private int preflight(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(FlowTestProperties.of(root));
        properties.putAll(overrides);
        properties.put("customs.preflight", "true");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return PreflightRun.run(CustomsBridgeApplication.class, args);
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
