package org.customsbridge.simulator;

import java.time.Duration;

/** The simulator's waits: configured latency, and the silence of a simulated timeout. */
final class SimulatorDelays {

    private SimulatorDelays() {
    }

    /** Waits {@code delay}; {@code false} if the server is stopping (the thread was interrupted). */
    static boolean pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
