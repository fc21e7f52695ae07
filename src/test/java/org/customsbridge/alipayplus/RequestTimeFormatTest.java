package org.customsbridge.alipayplus;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.customsbridge.signing.AlipayPlusSignature;
import org.customsbridge.signing.SignatureHeader;
import org.customsbridge.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

/** The {@code Request-Time} header in each form, and signed as sent. */
class RequestTimeFormatTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:15:30.123Z"), ZoneOffset.ofHours(8));

    @Test
    void isoOffsetIsTheDocumentedFormToTheSecond() {
        assertThat(RequestTimeFormat.ISO_OFFSET.now(CLOCK)).isEqualTo("2026-11-24T10:15:30+08:00");
        assertThat(RequestTimeFormat.ISO_OFFSET.now(CLOCK.withZone(ZoneOffset.UTC))).isEqualTo("2026-11-24T02:15:30Z");
    }

    @Test
    void epochMillisIsWhatAlipaysSdkSends() {
        assertThat(RequestTimeFormat.EPOCH_MILLIS.now(CLOCK)).isEqualTo("1795486530123");
    }

    @Test
    void theSignerSendsAndSignsTheConfiguredForm() throws Exception {
        KeyPair merchant = TestKeys.rsa2048();
        AlipayPlusCredentials credentials = new AlipayPlusCredentials("CLIENT", "1", merchant.getPrivate(),
                merchant.getPublic());
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.setProperty(AlipayPlusSigner.PATH, AlipayPlusApi.DECLARE_PATH);
            exchange.getMessage().setBody("{}");

            new AlipayPlusSigner(credentials, () -> "http://gateway", CLOCK, RequestTimeFormat.EPOCH_MILLIS)
                    .sign(exchange);

            String requestTime = exchange.getMessage().getHeader(AlipayPlusApi.REQUEST_TIME, String.class);
            assertThat(requestTime).isEqualTo("1795486530123");
            SignatureHeader signature = SignatureHeader.parse(
                    exchange.getMessage().getHeader(AlipayPlusApi.SIGNATURE, String.class)).orElseThrow();
            assertThat(AlipayPlusSignature.verify("POST", AlipayPlusApi.DECLARE_PATH, "CLIENT", requestTime, "{}",
                    signature.signature(), merchant.getPublic())).isTrue();
        }
    }
}
