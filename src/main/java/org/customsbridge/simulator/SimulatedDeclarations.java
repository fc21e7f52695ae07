package org.customsbridge.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulator's memory of declarations, shared by the API families: who declared what, when,
 * and what customs has made of it (accepted after a configurable delay). Each family has its own
 * ids, as the real gateways do: a MAPI query never sees an Alipay+ declaration, nor its amount in
 * another unit.
 *
 * <p>It remembers at most {@code remember} declarations ({@code customs.simulator.remember}) and forgets
 * the oldest first, in the order they were first declared: a long run through the simulator (a benchmark
 * of millions of records) then keeps a flat heap, and a forgotten id is answered as a new declaration,
 * as by a gateway that never saw it. Strictly oldest first, not a cache's eviction (Caffeine's, already
 * on the classpath, keeps what is asked for often and may drop a declaration just made): the newest
 * declarations are the ones a resend or a tracking query asks about.
 */
public class SimulatedDeclarations {

    /** How many declarations are remembered unless told otherwise: far more than any demo or test makes. */
    public static final int REMEMBER = 200_000;

    public static final String ALIPAY_PLUS = "alipay-plus";
    public static final String MAPI = "mapi";
    public static final String WECHAT = "wechat";

    /**
     * One declaration as the simulated Alipay holds it.
     *
     * @param amount the amount as the family sends it: fen for Alipay+ and WeChat Pay, yuan for MAPI
     * @param fields the business fields as received, canonical, for the retransmission rules
     * @param family {@link #ALIPAY_PLUS}, {@link #MAPI} or {@link #WECHAT}
     */
    public record Stored(String requestId, String paymentId, String customsCode, String merchantCustomsCode,
                         String merchantCustomsName, String amount, boolean split, String subOrderId,
                         Map<String, String> fields, String alipayDeclarationId, String alipayPaymentId,
                         Instant declaredAt, Instant lastCallAt, String family) {

        /** An Alipay+ declaration. */
        public Stored(String requestId, String paymentId, String customsCode, String merchantCustomsCode,
                      String merchantCustomsName, String amount, boolean split, String subOrderId,
                      Map<String, String> fields, String alipayDeclarationId, String alipayPaymentId,
                      Instant declaredAt, Instant lastCallAt) {
            this(requestId, paymentId, customsCode, merchantCustomsCode, merchantCustomsName, amount, split,
                    subOrderId, fields, alipayDeclarationId, alipayPaymentId, declaredAt, lastCallAt, ALIPAY_PLUS);
        }
    }

    /** How long after its last accepted call a declaration may be sent again with other data (Alipay's rule). */
    static final Duration RETRANSMISSION_WAIT = Duration.ofMinutes(5);

    private final Map<String, Stored> byKey = new ConcurrentHashMap<>();
    /** The first request id of each order at each customs, so that a duplicate is found without a scan. */
    private final Map<String, String> byOrder = new ConcurrentHashMap<>();
    /** The keys of {@link #byKey} in the order they were first saved: the oldest is forgotten first. */
    private final Queue<String> firstSaved = new ConcurrentLinkedQueue<>();
    /** Told of each declaration forgotten, to drop what they keep about it (a family's own indexes). */
    private final List<Consumer<Stored>> forgetting = new CopyOnWriteArrayList<>();
    private final int remember;
    /**
     * Calls for one request id are decided one at a time, as by Alipay, so that two resends of an id in
     * flight together cannot both store it; calls for other ids go on in parallel. Striped, not one lock
     * per id, to keep memory flat over millions of ids.
     */
    private final Object[] stripes = new Object[256];
    private final AtomicLong sequence = new AtomicLong(2026_0000_0000L);
    private final Clock clock;
    private final Duration customsDelay;

    private final SimulatorRules rules;

    public SimulatedDeclarations(Clock clock, Duration customsDelay) {
        this(clock, customsDelay, SimulatorRules.none());
    }

    public SimulatedDeclarations(Clock clock, Duration customsDelay, SimulatorRules rules) {
        this(clock, customsDelay, rules, REMEMBER);
    }

    /** @param remember how many declarations to keep at most; the oldest is forgotten first */
    public SimulatedDeclarations(Clock clock, Duration customsDelay, SimulatorRules rules, int remember) {
        if (remember < 1) {
            throw new IllegalArgumentException("customs.simulator.remember must be at least 1, not " + remember);
        }
        this.remember = remember;
        this.rules = rules;
        this.clock = clock;
        this.customsDelay = customsDelay;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    /** Runs a decision about one request id while no other call for that id is being decided. */
    public <T> T oneAtATime(String family, String requestId, Supplier<T> decision) {
        synchronized (stripes[Math.floorMod(key(family, requestId).hashCode(), stripes.length)]) {
            return decision.get();
        }
    }

    /** An Alipay+ declaration. */
    public Optional<Stored> find(String requestId) {
        return find(ALIPAY_PLUS, requestId);
    }

    public Optional<Stored> find(String family, String requestId) {
        return Optional.ofNullable(byKey.get(key(family, requestId)));
    }

    /** Another Alipay+ declaration of the same order at the same customs, under a different request id. */
    public Optional<Stored> sameOrderElsewhere(String requestId, String orderId, String customsCode) {
        String first = byOrder.get(orderKey(ALIPAY_PLUS, orderId, customsCode));
        return first == null || first.equals(requestId) ? Optional.empty() : find(ALIPAY_PLUS, first);
    }

    public void save(Stored stored) {
        String key = key(stored.family(), stored.requestId());
        Stored before = byKey.put(key, stored);
        if (before != null && !orderKey(before).equals(orderKey(stored))) {
            byOrder.remove(orderKey(before), before.requestId());
        }
        byOrder.putIfAbsent(orderKey(stored), stored.requestId());
        if (before == null) {
            firstSaved.add(key);
            forgetBeyondLimit();
        }
    }

    /** {@code listener} is told of every declaration forgotten to stay within {@code remember}. */
    public void whenForgotten(Consumer<Stored> listener) {
        forgetting.add(listener);
    }

    /**
     * Forgets the oldest declarations while more than {@code remember} are kept. Two saves at once may
     * both forget one: the memory stays within the bound, give or take the calls in flight.
     */
    private void forgetBeyondLimit() {
        while (byKey.size() > remember) {
            String oldest = firstSaved.poll();
            if (oldest == null) {
                return;
            }
            Stored forgotten = byKey.remove(oldest);
            if (forgotten != null) {
                byOrder.remove(orderKey(forgotten), forgotten.requestId());
                forgetting.forEach(listener -> listener.accept(forgotten));
            }
        }
    }

    private static String orderKey(Stored stored) {
        return orderKey(stored.family(), stored.split() ? stored.subOrderId() : stored.paymentId(),
                stored.customsCode());
    }

    private static String orderKey(String family, String orderId, String customsCode) {
        return family + "|" + orderId + "|" + Objects.toString(customsCode, "").toUpperCase(Locale.ROOT);
    }

    public String nextDeclarationId() {
        return "2026" + sequence.incrementAndGet();
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Customs answers {@code customs-delay} after a declaration was (re)declared: it accepts, unless a
     * rule makes it reject or never answer.
     */
    public boolean customsAnswered(Stored stored) {
        return rules.verdict(stored.requestId()) != SimulatorRules.Verdict.PENDING
                && !now().isBefore(stored.declaredAt().plus(customsDelay));
    }

    /** The customs receipt code once answered: {@code 120} verified, or {@code -1} rejected. */
    public String customsReceiptCode(Stored stored) {
        return rules.verdict(stored.requestId()) == SimulatorRules.Verdict.REJECT ? "-1" : "120";
    }

    public String customsReceiptText(Stored stored) {
        return rules.verdict(stored.requestId()) == SimulatorRules.Verdict.REJECT
                ? "rejected by customs (simulated)" : "verified by customs (simulated)";
    }

    public Instant customsAnsweredAt(Stored stored) {
        return stored.declaredAt().plus(customsDelay);
    }

    public void clear() {
        byKey.clear();
        byOrder.clear();
        firstSaved.clear();
    }

    /** A call's non-empty parameters but the {@code protocol} ones: the declaration's business fields. */
    public static Map<String, String> businessFields(Map<String, String> request, Set<String> protocol) {
        Map<String, String> fields = new LinkedHashMap<>();
        request.forEach((name, value) -> {
            if (!protocol.contains(name) && value != null && !value.isEmpty()) {
                fields.put(name, value);
            }
        });
        return fields;
    }

    /** The names whose values differ between two sets of business fields, in name order. */
    public static List<String> changedFields(Map<String, String> before, Map<String, String> after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    /**
     * The retransmission rule both API families document: a declaration sent
     * again with {@code changed} fields is taken only once {@link #RETRANSMISSION_WAIT} has passed
     * since its last accepted call, and only if every changed field is {@code changeable}.
     */
    public boolean retransmissionAllowed(Stored stored, List<String> changed, Set<String> changeable) {
        return !now().isBefore(stored.lastCallAt().plus(RETRANSMISSION_WAIT)) && changeable.containsAll(changed);
    }

    private static String key(String family, String requestId) {
        // a family name never holds a newline, so no two (family, id) pairs share a key
        return family + "\n" + requestId;
    }
}
