package org.customsbridge.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.customsbridge.ledger.LedgerOutages;

/**
 * {@code customs_ledger_reachable} (1 while the ledger answers, 0 while it does not) and
 * {@code customs_ledger_waiting_workers} (declare workers waiting for it right now): an outage
 * shows on a dashboard as it happens, not only once records fail.
 */
public class LedgerOutageMetrics implements MeterBinder {

    private final LedgerProbe probe;
    private final LedgerOutages outages;

    public LedgerOutageMetrics(LedgerProbe probe, LedgerOutages outages) {
        this.probe = probe;
        this.outages = outages;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("customs.ledger.reachable", probe, p -> p.reading().reachable() ? 1 : 0)
                .description("1 while the ledger answers its background probe, 0 while it does not")
                .register(registry);
        Gauge.builder("customs.ledger.waiting.workers", outages, LedgerOutages::waiting)
                .description("Declare workers waiting for a ledger that cannot be reached")
                .register(registry);
    }
}
