package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.privacy.LedgerKeys;
import org.customsbridge.simulator.DemoKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.customsbridge.testsupport.Failures.messages;

/** Answers that cannot be trusted, and settings the bundle cannot start without. */
class GatewayTrustTest {

    @TempDir
    Path root;

    @Test
    void anAnswerWhoseSignatureDoesNotVerifyIsNeverTrusted() {
        Inbox inbox = Inbox.under(root);
        // The merchant's own public key stands in for a wrongly configured Alipay+ public key.
        String wrongAlipayKey = "file:" + root.resolve("keys/merchant-public.pem");
        try (Bundle bundle = Bundle.start(root, Map.of("customs.alipay-plus.alipay-public-key", wrongAlipayKey,
                "customs.retry.max-attempts", "3", "customs.retry.delay", "50ms"))) {
            inbox.drop("orders.csv", Inbox.csv("TRUST-0001,PAY-T-1,10.00"));
            CSVRecord row = inbox.awaitResults("orders.csv").get(0);
            assertThat(row.get("status")).isEqualTo("UNKNOWN");
            assertThat(row.get("code")).isEqualTo("UNTRUSTED_ANSWER");
            assertThat(row.get("message")).contains("signature does not verify");
            assertThat(row.get("alipayDeclarationId")).isEmpty();
            // resent with identical business parameters until the attempts are used up
            assertThat(bundle.journal().entries("alipay-plus.declare")).hasSize(3)
                    .allSatisfy(e -> assertThat(e.resultCode()).isEqualTo("SUCCESS"))
                    .extracting(e -> e.request()).containsOnly(bundle.journal().entries().get(0).request());
            assertThat(bundle.jdbc().queryForMap("select status, attempts from declaration"))
                    .containsEntry("STATUS", "UNKNOWN").containsEntry("ATTEMPTS", 3);
        }
    }

    @Test
    void withoutTheSimulatorTheEndpointIsRequired() {
        DemoKeys keys = DemoKeys.in(root.resolve("own-keys"));
        assertThatThrownBy(() -> Bundle.start(root, Map.of("customs.simulator.enabled", "false",
                "customs.ledger.encryption-key", LedgerKeys.generate(),
                "customs.alipay-plus.client-id", "CLIENT_1",
                "customs.alipay-plus.private-key", keys.privateKey(DemoKeys.MERCHANT),
                "customs.alipay-plus.alipay-public-key", keys.publicKey(DemoKeys.ALIPAY))))
                .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.startsWith(
                        "customs.alipay-plus.endpoint: required for the default gateway")));
    }

    @Test
    void anUnreadableKeyFileStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> Bundle.start(root, Map.of(
                "customs.alipay-plus.alipay-public-key", "file:" + root.resolve("missing.pem"))))
                .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.startsWith(
                        "customs.alipay-plus.alipay-public-key: cannot read key file")));
    }

    @Test
    void aKeyThatIsNotAKeyStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> Bundle.start(root, Map.of("customs.alipay-plus.private-key", "not a key")))
                .satisfies(e -> assertThat(messages(e))
                        .contains("customs.alipay-plus.private-key: not an RSA private key in PKCS#8 form"));
    }

    @Test
    void theClientIdIsRequiredWithoutTheSimulator() {
        assertThatThrownBy(() -> Bundle.start(root, Map.of("customs.simulator.enabled", "false",
                "customs.ledger.encryption-key", LedgerKeys.generate(),
                "customs.alipay-plus.endpoint", "http://127.0.0.1:9")))
                .satisfies(e -> assertThat(messages(e))
                        .contains("customs.alipay-plus.client-id: required when customs.simulator.enabled=false"));
    }
}
