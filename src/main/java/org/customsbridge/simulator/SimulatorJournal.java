package org.customsbridge.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.customsbridge.mapi.MapiApi;
import org.customsbridge.wechat.WechatApi;

/**
 * Every call the simulator answered, in order: what tests and the README demo read to see exactly
 * what was sent (e.g. that a resend carried identical parameters).
 */
public class SimulatorJournal {

    /**
     * @param operation e.g. {@code alipay-plus.declare}
     * @param id        the declaration request id(s) the call named
     * @param request   the request body as received
     * @param resultCode the result code answered
     */
    public record Entry(Instant at, String operation, String id, String request, String resultCode) {

        /**
         * This entry with the buyer's name and identity number in its request replaced by
         * {@code (personal)}: what the journal shows over HTTP. (The request as received stays in
         * the journal, for tests that check what was sent.)
         */
        public Entry withoutPersonalData() {
            if (request == null) {
                return this;
            }
            String shown = ALIPAY_PLUS_PERSONAL.matcher(request).replaceAll("\"$1\":\"(personal)\"");
            return new Entry(at, operation, id, MAPI_PERSONAL.matcher(shown).replaceAll("$1$2=(personal)"), resultCode);
        }
    }

    /** Alipay+'s buyer fields in a JSON request: {@code buyerCertificate.certificateNo} and {@code holderName.fullName}. */
    private static final Pattern ALIPAY_PLUS_PERSONAL = Pattern.compile(
            "\"(certificateNo|fullName)\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"");
    /** MAPI's and WeChat Pay's buyer parameters in a form or a pre-sign string. */
    private static final Pattern MAPI_PERSONAL = Pattern.compile(
            "(^|&)(" + MapiApi.BUYER_NAME + "|" + MapiApi.BUYER_ID_NO + "|" + WechatApi.NAME + "|" + WechatApi.CERT_ID
                    + ")=[^&]*");

    private final java.util.ArrayDeque<Entry> entries = new java.util.ArrayDeque<>();
    private final Clock clock;
    /** How many entries are kept ({@code customs.simulator.remember}): a long run keeps only the newest calls. */
    private final int limit;

    public SimulatorJournal() {
        this(Clock.systemUTC());
    }

    public SimulatorJournal(Clock clock) {
        this(clock, SimulatedDeclarations.REMEMBER);
    }

    public SimulatorJournal(Clock clock, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("customs.simulator.remember must be at least 1, not " + limit);
        }
        this.clock = clock;
        this.limit = limit;
    }

    public Instant now() {
        return clock.instant();
    }

    public synchronized void add(Entry entry) {
        if (entries.size() >= limit) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<Entry> entries(String operation) {
        return entries.stream().filter(e -> e.operation().equals(operation)).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
