package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import static org.customsbridge.testsupport.Failures.messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings the bundle cannot work with stop start-up, with a message naming the property. */
class ConfigurationChecksTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "customs.tracking.batch-size|11|customs.tracking.batch-size: 1 to 10",
        "customs.tracking.batch-size|0|customs.tracking.batch-size: 1 to 10",
        "customs.tracking.poll-interval|10ms|customs.tracking.poll-interval: 100ms to 1d",
        "customs.tracking.poll-interval|often|customs.tracking.poll-interval: not a duration",
        "customs.retry.max-attempts|0|customs.retry.max-attempts: 1 to 20",
        "customs.mapi.partner|1234567890123456|customs.mapi.partner: 16 digits starting with 2088",
        "customs.mapi.sign-type|SHA1|customs.mapi.sign-type: MD5, RSA or RSA2",
        "customs.gateway|weixin|customs.gateway: alipay-plus, mapi or wechat",
        "customs.wechat.mch-id|merchant|customs.wechat.mch-id: the merchant id (digits), was merchant",
        "customs.wechat.api-key|file:/nonexistent/wechat.key|customs.wechat.api-key: cannot read key file",
        "customs.sinks|file,fax|customs.sinks: unknown sink fax",
        "customs.sinks|file,erp-http|customs.sinks.erp-http.url: required",
        "customs.enrich.http.url|http://erp.example.com/orders/{orderId}|customs.enrich.http.url: {orderId} is not a record field",
        "customs.enrich.http.url|erp.example.com/orders|customs.enrich.http.url: an http:// or https:// URL",
        "customs.intake.sftp.host|sftp.example.com|customs.intake.sftp.user: required",
        "customs.intake.concurrency|0|customs.intake.concurrency: 1 to 1000",
        "customs.intake.file.poll-delay|soon|customs.intake.file.poll-delay: not a duration",
        "customs.health.min-free-space|plenty|customs.health.min-free-space: not a size",
        "customs.intake.file.poll-delay-ms|100|customs.intake.file.poll-delay-ms: no longer read, set customs.intake.file.poll-delay",
        "customs.intake.file.stable-for-ms|200|customs.intake.file.stable-for-ms: no longer read, set customs.intake.file.stable-for",
        "customs.intake.file.lock-timeout-ms|10000|customs.intake.file.lock-timeout-ms: no longer read, set customs.intake.file.lock-timeout",
        "customs.retransmission-check-ms|10000|customs.retransmission-check-ms: no longer read, set customs.retransmission-check",
        "customs.sinks.poll-delay-ms|500|customs.sinks.poll-delay-ms: no longer read, set customs.sinks.poll-delay",
        "customs.sinks.retry.delay-ms|1000|customs.sinks.retry.delay-ms: no longer read, set customs.sinks.retry.delay",
    })
    void aBadSettingStopsStartUpNamingIt(String property, String value, String message) {
        assertThatThrownBy(() -> Bundle.start(root, Map.of(property, value)))
                .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.contains(message)));
    }
}
