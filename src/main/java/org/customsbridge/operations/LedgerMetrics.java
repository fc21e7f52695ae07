package org.customsbridge.operations;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.customsbridge.ledger.DeclarationStatus;

/**
 * Gauges over the ledger: {@code customs_declarations{gateway,status}},
 * {@code customs_declarations_open} and {@code customs_declarations_oldest_open_age_seconds}.
 * Every gateway/status pair is registered up front (0 until it occurs), so that dashboards and
 * alerts see a series from the first scrape rather than an absent one; rows naming a gateway that
 * is none of ours count as gateway {@code other}.
 */
public class LedgerMetrics implements MeterBinder {

    private final LedgerSnapshot snapshot;
    private final List<String> gateways;

    public LedgerMetrics(LedgerSnapshot snapshot, List<String> gateways) {
        this.snapshot = snapshot;
        List<String> labels = new ArrayList<>(gateways);
        labels.add(LedgerSnapshot.OTHER_GATEWAY);
        this.gateways = List.copyOf(labels);
    }

    @Override
    public void bindTo(MeterRegistry meterRegistry) {
        for (String gateway : gateways) {
            for (DeclarationStatus status : DeclarationStatus.values()) {
                LedgerSnapshot.Key key = new LedgerSnapshot.Key(gateway, status.name());
                Gauge.builder("customs.declarations", snapshot,
                                s -> s.counts().byGatewayAndStatus().getOrDefault(key, 0L))
                        .description("Declarations in the ledger by gateway and status")
                        .tag("gateway", gateway)
                        .tag("status", status.name())
                        .register(meterRegistry);
            }
        }
        Gauge.builder("customs.declarations.open", snapshot, s -> s.counts().open())
                .description("Declarations waiting for customs (ACCEPTED, CUSTOMS_PENDING, UNKNOWN)")
                .register(meterRegistry);
        Gauge.builder("customs.declarations.oldest.open.age", snapshot, LedgerSnapshot::oldestOpenAgeSeconds)
                .description("Age of the oldest declaration still waiting for customs (0 when none)")
                .baseUnit("seconds")
                .register(meterRegistry);
    }
}
