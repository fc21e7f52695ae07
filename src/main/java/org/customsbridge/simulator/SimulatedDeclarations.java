package org.customsbridge.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's memory of declarations, shared by both API families: who declared what, when,
 * and what customs has made of it (accepted after a configurable delay).
 */
public class SimulatedDeclarations {

    /**
     * One declaration as the simulated Alipay holds it.
     *
     * @param fields the business fields as received, canonical, for the retransmission rules
     */
    public record Stored(String requestId, String paymentId, String customsCode, String merchantCustomsCode,
                         String merchantCustomsName, String amount, boolean split, String subOrderId,
                         Map<String, String> fields, String alipayDeclarationId, String alipayPaymentId,
                         Instant declaredAt, Instant lastCallAt) {
    }

    private final Map<String, Stored> byRequestId = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(2026_0000_0000L);
    private final Clock clock;
    private final Duration customsDelay;

    public SimulatedDeclarations(Clock clock, Duration customsDelay) {
        this.clock = clock;
        this.customsDelay = customsDelay;
    }

    public Optional<Stored> find(String requestId) {
        return Optional.ofNullable(byRequestId.get(requestId));
    }

    /** Another declaration of the same order at the same customs, under a different request id. */
    public Optional<Stored> sameOrderElsewhere(String requestId, String orderId, String customsCode) {
        return byRequestId.values().stream()
                .filter(s -> !s.requestId().equals(requestId))
                .filter(s -> (s.split() ? s.subOrderId() : s.paymentId()).equals(orderId))
                .filter(s -> s.customsCode().equalsIgnoreCase(customsCode))
                .findFirst();
    }

    public void save(Stored stored) {
        byRequestId.put(stored.requestId(), stored);
    }

    public String nextDeclarationId() {
        return "2026" + sequence.incrementAndGet();
    }

    public Instant now() {
        return clock.instant();
    }

    /** Customs accepts every declaration once {@code customs-delay} has passed since it was (re)declared. */
    public boolean customsAnswered(Stored stored) {
        return !now().isBefore(stored.declaredAt().plus(customsDelay));
    }

    public Instant customsAnsweredAt(Stored stored) {
        return stored.declaredAt().plus(customsDelay);
    }

    public void clear() {
        byRequestId.clear();
    }
}
