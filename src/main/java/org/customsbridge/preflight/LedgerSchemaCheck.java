package org.customsbridge.preflight;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/** The ledger's schema is migrated to the version this bundle expects (Flyway has nothing pending). */
public class LedgerSchemaCheck implements PreflightCheck {

    private final Flyway flyway;

    public LedgerSchemaCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public List<PreflightResult> check() {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        MigrationInfo[] pending = info.pending();
        if (pending.length > 0) {
            return List.of(PreflightResult.failed("ledger schema", pending.length
                    + " migration(s) not applied: check spring.flyway.enabled and the ledger user's rights"));
        }
        return List.of(PreflightResult.ok("ledger schema", current == null ? "empty"
                : "version " + current.getVersion()));
    }
}
