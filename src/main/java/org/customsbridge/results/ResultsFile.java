package org.customsbridge.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.record.RawRecord;

/**
 * {@code <outbox>/<input name>.results.csv}: one row per input record, streamed to a hidden part
 * file and renamed into place in one step once the input is done, so that an ERP polling the
 * outbox never reads half a file.
 */
public final class ResultsFile implements AutoCloseable {

    public static final String[] COLUMNS = {
        "line", "declarationRequestId", "gateway", "status", "code", "message", "alipayDeclarationId", "record"
    };

    /** Cells a spreadsheet would run as a formula (OWASP CSV injection); numbers stay as they are. */
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^[+-]?\\d+(\\.\\d+)?$");

    private final Path target;
    private final Path part;
    private final CSVPrinter printer;
    private final Map<DeclarationStatus, Long> counts = new EnumMap<>(DeclarationStatus.class);
    private boolean abandoned;

    private ResultsFile(Path target, Path part, CSVPrinter printer) {
        this.target = target;
        this.part = part;
        this.printer = printer;
    }

    public static ResultsFile create(Path outbox, String inputName) {
        try {
            Files.createDirectories(outbox);
            Path target = outbox.resolve(inputName + ".results.csv");
            Path part = outbox.resolve("." + inputName + ".results.csv.part");
            BufferedWriter writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
            CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get().print(writer);
            return new ResultsFile(target, part, printer);
        } catch (IOException e) {
            throw OutboxSpace.writeFailed("cannot write results for " + inputName + " in " + outbox, e, outbox);
        }
    }

    /**
     * Writes a record's row. Once the file is abandoned, rows are dropped: its input is declared
     * again whole, and that pass writes every row anew from the ledger.
     */
    public synchronized void append(RawRecord record, DeclarationState state) {
        if (abandoned) {
            return;
        }
        try {
            printer.printRecord(record.line(), safe(state.declarationRequestId()), safe(state.gateway()),
                    state.status().name(), safe(state.code()), safe(state.message()),
                    safe(state.alipayDeclarationId()), record.ordinal());
            counts.merge(state.status(), 1L, Long::sum);
        } catch (IOException e) {
            throw OutboxSpace.writeFailed("cannot write " + part, e, part.getParent());
        }
    }

    /** Moves the finished file into place; returns its path. */
    public synchronized Path commit() {
        try {
            printer.close(true);
            MoveIntoPlace.move(part, target);
            return target;
        } catch (IOException e) {
            throw OutboxSpace.writeFailed("cannot move " + part + " to " + target, e, part.getParent());
        }
    }

    /** Drops the unfinished file (the input failed and will be processed again). */
    @Override
    public void close() {
        abandon();
    }

    /**
     * Drops the unfinished file; false when it was dropped already. Records of one input run in
     * parallel, so after the first failure the others fail too, only because their file is gone.
     */
    public synchronized boolean abandon() {
        if (abandoned) {
            return false;
        }
        abandoned = true;
        try {
            printer.close();
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // the part file is hidden and replaced on the next run
        }
        return true;
    }

    /** Rows written so far, by status. */
    public synchronized Map<DeclarationStatus, Long> counts() {
        return new EnumMap<>(counts);
    }

    public Path target() {
        return target;
    }

    /** A cell as a spreadsheet may show it without running it as a formula (also used by the reports). */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty() || !FORMULA_START.matcher(cell).matches() || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }
}
