package org.customsbridge.simulator;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The configured misbehaviours of the simulated Alipay and customs (customs.simulator.rules), by
 * declarationRequestId prefix: what a declare call answers, and what customs decides. The longest
 * matching prefix wins.
 */
public class SimulatorRules {

    /** What the simulated customs makes of a declaration. */
    public enum Verdict { ACCEPT, REJECT, PENDING }

    private final List<SimulatorSettings.Rule> rules;
    private final SimulatorSettings.Faults faults;
    /** The declare calls of each id a rule with an answer matched (for its {@code times}), oldest id forgotten first. */
    private final Map<String, Integer> declareCalls;

    public SimulatorRules(Map<String, SimulatorSettings.Rule> rules) {
        this(rules, new SimulatorSettings.Faults(0, 0, 0, 0, 0), SimulatedDeclarations.REMEMBER);
    }

    /**
     * @param remember how many ids' declare calls are counted at most ({@code customs.simulator.remember}):
     *                 beyond that the id first counted is forgotten, and its next call counts as its first
     */
    public SimulatorRules(Map<String, SimulatorSettings.Rule> rules, SimulatorSettings.Faults faults, int remember) {
        this.faults = faults;
        // a rule may match every id of a long run (a fault for each id's first call): the counts are bounded
        this.declareCalls = Collections.synchronizedMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > remember;
            }
        });
        this.rules = rules.values().stream().filter(r -> r.prefix() != null && !r.prefix().isEmpty())
                .sorted(Comparator.comparingInt((SimulatorSettings.Rule r) -> r.prefix().length()).reversed())
                .toList();
    }

    public static SimulatorRules none() {
        return new SimulatorRules(Map.of());
    }

    /** The fault a declare call of {@code id} meets (none for a call that is not a declaration's). */
    DeclareFault declareFaultOf(String id) {
        return id == null ? DeclareFault.NONE : declareFault(id).map(DeclareFault::new).orElse(DeclareFault.NONE);
    }

    /** The fault this declare call of {@code id} gets, if any; counts the call. */
    public Optional<String> declareFault(String id) {
        Optional<SimulatorSettings.Rule> found = rule(id);
        if (found.isEmpty()) {
            return randomFault();
        }
        SimulatorSettings.Rule rule = found.get();
        if (rule.answer() == null || rule.answer().isBlank()) {
            return Optional.empty();
        }
        int call = declareCalls.merge(id, 1, Integer::sum);
        int times = rule.times();
        return times > 0 && call > times ? Optional.empty() : Optional.of(rule.answer().strip());
    }

    private Optional<String> randomFault() {
        double draw = ThreadLocalRandom.current().nextDouble();
        double[] shares = {faults.u(), faults.timeout(), faults.http500(), faults.malformed(), faults.badSignature()};
        String[] answers = {"U", "timeout", "http-500", "malformed", "bad-signature"};
        for (int i = 0; i < shares.length; i++) {
            if (draw < shares[i]) {
                return Optional.of(answers[i]);
            }
            draw -= shares[i];
        }
        return Optional.empty();
    }

    public Verdict verdict(String id) {
        return rule(id).map(r -> switch (r.customs() == null ? "accept" : r.customs().strip().toLowerCase()) {
            case "reject" -> Verdict.REJECT;
            case "pending" -> Verdict.PENDING;
            default -> Verdict.ACCEPT;
        }).orElse(Verdict.ACCEPT);
    }

    private Optional<SimulatorSettings.Rule> rule(String id) {
        return id == null ? Optional.empty() : rules.stream().filter(r -> id.startsWith(r.prefix())).findFirst();
    }
}
