package org.customsbridge.alipayplus;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code declarationRequestStatus} values of an Alipay+ inquiry that the bundle knows: the one
 * place that list lives. Alipay+'s pages attest only {@code WAITING_FOR_PROCESSING}; the full list is
 * not published. The status decides nothing here (the customs result code does), but a value
 * outside the list is logged once at WARN, so that the first production answer that uses one is
 * seen and the list ({@code customs.alipay-plus.declaration-statuses}) can be completed.
 */
public class DeclarationRequestStatuses {

    private static final Logger LOG = LoggerFactory.getLogger(DeclarationRequestStatuses.class);
    /** The setting that holds the list, named in the log. */
    public static final String SETTING = "customs.alipay-plus.declaration-statuses";
    /** Longest status value logged as it came: it is the gateway's text, bounded before it reaches a log. */
    private static final int LOGGED_LENGTH = 64;
    /** More unknown values than this are not remembered (nor logged) one by one. */
    private static final int REMEMBERED = 100;

    private final Set<String> known;
    private final Set<String> unknownSeen = ConcurrentHashMap.newKeySet();

    public DeclarationRequestStatuses(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    /** Notes a status from an answer; an unknown one is logged the first time it is seen. */
    public void seen(String status) {
        if (status == null || known.contains(status) || unknownSeen.size() >= REMEMBERED
                || !unknownSeen.add(status)) {
            return;
        }
        String shown = status.length() > LOGGED_LENGTH ? status.substring(0, LOGGED_LENGTH) + "..." : status;
        LOG.warn("Alipay+ answered declarationRequestStatus '{}', not among {} {}; the customs result code alone"
                + " decides the declaration's status", shown, SETTING, known);
    }
}
