package org.customsbridge.simulator;

import java.time.Duration;

/** The simulator's waits: configured latency, and the silence of a simulated timeout. */
final class SimulatorDelays {

    private SimulatorDelays() {
    }

    static void sleep(Duration delay) throws InterruptedException {
        if (!delay.isZero() && !delay.isNegative()) {
            Thread.sleep(delay.toMillis());
        }
    }
}
