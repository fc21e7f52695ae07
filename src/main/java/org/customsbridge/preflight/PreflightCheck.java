package org.customsbridge.preflight;

import java.util.List;

/**
 * A check of one kind of part (the ledger, the folders, each gateway, ...). It makes no change a
 * user would see: nothing declared, no file moved, no message consumed, no event delivered.
 */
public interface PreflightCheck {

    /** One result per part checked; none when no such part is configured. */
    List<PreflightResult> check();
}
