package org.customsbridge.operations;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.EventNotifierSupport;
import org.customsbridge.CustomsConstants;

/**
 * {@code customs_gateway_calls_seconds{operation,outcome,resend}}: every HTTP call to a gateway,
 * timed, with its operation ({@code alipay-plus.declare}, {@code mapi.query}, ...), its outcome
 * (the HTTP status, or {@code NO_ANSWER}) and whether it was a resend. The signers name the
 * operation in the exchange property {@link #OPERATION}.
 */
public class GatewayCallMetrics extends EventNotifierSupport {

    public static final String OPERATION = CustomsConstants.GATEWAY_OPERATION;

    private final MeterRegistry registry;
    /** The few (operation, outcome, resend) timers, kept: registering looks one up by building and sorting its tags. */
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    public GatewayCallMetrics(MeterRegistry registry) {
        this.registry = registry;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    /**
     * Sending events are taken too, and ignored: Camel times a call, and reports it as sent, only
     * when some notifier took its sending event.
     */
    @Override
    public boolean isEnabled(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeSendingEvent sending) {
            return isGatewayCall(sending.getExchange(), sending.getEndpoint());
        }
        return event instanceof CamelEvent.ExchangeSentEvent sent && isGatewayCall(sent.getExchange(), sent.getEndpoint());
    }

    private static boolean isGatewayCall(Exchange exchange, Endpoint endpoint) {
        return exchange.getProperty(OPERATION) != null && endpoint.getEndpointUri().startsWith("http");
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof CamelEvent.ExchangeSentEvent sent)) {
            return;
        }
        Exchange exchange = sent.getExchange();
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String outcome = exchange.getException() != null || status == null ? "NO_ANSWER" : Integer.toString(status);
        boolean resend = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) > 0;
        List<String> tags = List.of(exchange.getProperty(OPERATION, String.class), outcome, Boolean.toString(resend));
        timers.computeIfAbsent(tags, t -> Timer.builder("customs.gateway.calls")
                .description("HTTP calls to the gateways, by operation, outcome and whether they were resends")
                .tag("operation", t.get(0))
                .tag("outcome", t.get(1))
                .tag("resend", t.get(2))
                .publishPercentileHistogram()
                .register(registry)).record(sent.getTimeTaken(), TimeUnit.MILLISECONDS);
    }
}
