package org.customsbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The sandbox's configured misbehaviours, without a sandbox. */
class SimulatorRulesTest {

    final SimulatorRules rules = new SimulatorRules(Map.of(
                    "flaky", new SimulatorSettings.Rule("FLAKY-", "U", 1, "accept"),
                    "flakier", new SimulatorSettings.Rule("FLAKY-2", "timeout", 0, "reject")),
            new SimulatorSettings.Faults(0, 0, 0, 0, 0), 2);

    @Test
    void theLongestPrefixWinsAndTimesCountsEachIdsCalls() {
        assertThat(rules.declareFault("FLAKY-1")).contains("U");
        assertThat(rules.declareFault("FLAKY-1")).as("its second call").isEmpty();
        assertThat(rules.declareFault("FLAKY-22")).contains("timeout");
        assertThat(rules.declareFault("FLAKY-22")).as("times 0: every call").contains("timeout");
        assertThat(rules.verdict("FLAKY-22")).isEqualTo(SimulatorRules.Verdict.REJECT);
        assertThat(rules.declareFault("OTHER-1")).isEmpty();
    }

    @Test
    void theCountsOfALongRunAreBoundedTheIdFirstCountedForgottenFirst() {
        assertThat(rules.declareFault("FLAKY-1")).contains("U");
        assertThat(rules.declareFault("FLAKY-3")).contains("U");
        assertThat(rules.declareFault("FLAKY-4")).contains("U");

        assertThat(rules.declareFault("FLAKY-4")).as("still counted").isEmpty();
        assertThat(rules.declareFault("FLAKY-1")).as("forgotten: counted as a first call").contains("U");
    }
}
