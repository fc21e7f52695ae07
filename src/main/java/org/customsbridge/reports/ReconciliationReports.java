package org.customsbridge.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.customsbridge.results.MoveIntoPlace;
import org.customsbridge.results.ResultsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the reconciliation report of one day: {@code reconciliation-<date>.csv} (per customs
 * code), {@code reconciliation-<date>.pending.csv} (declarations waiting for customs longer than
 * the alert age), {@code reconciliation-<date>.rejected.csv} (the day's records without a valid id,
 * which have no declaration) and {@code reconciliation-<date>.html}. Each file appears in one step (hidden part
 * file, then rename), as results files do; writing a day again replaces its files.
 */
public class ReconciliationReports {

    static final String[] COLUMNS = {"customsCode", "declared", "acceptedByAlipay", "customsAccepted",
        "customsRejected", "pending", "failed", "invalid"};
    static final String[] PENDING_COLUMNS = {"declarationRequestId", "paymentId", "gateway", "status", "createdAt",
        "pendingHours"};
    static final String[] REJECTED_COLUMNS = {"source", "line", "declarationRequestId", "message", "at"};
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationReports.class);

    private final ReconciliationQueries queries;
    private final ReportSettings settings;
    private final Clock clock;

    public ReconciliationReports(ReconciliationQueries queries, ReportSettings settings, Clock clock) {
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The files written for one day.
     *
     * @param declarations every record of the day: declarations and records without a valid id
     * @param rejected     of those, the records without a valid id
     */
    public record Written(LocalDate date, String csv, String pendingCsv, String rejectedCsv, String html,
                          long declarations, long pending, long rejected) {
    }

    /** The scheduled run: the day that just ended, in the report's time zone. */
    public Written writeYesterday() {
        return write(LocalDate.now(clock.withZone(settings.timeZone())).minusDays(1));
    }

    public Written write(LocalDate date) {
        Reconciliation report = queries.day(date, settings.timeZone(), settings.pendingAlertAge());
        Path directory = settings.directory();
        String base = "reconciliation-" + date;
        Path csv = write(directory, base + ".csv", csv(report));
        Path pending = write(directory, base + ".pending.csv", pendingCsv(report.pending()));
        Path rejected = write(directory, base + ".rejected.csv", rejectedCsv(report.rejected()));
        Path html = write(directory, base + ".html", ReconciliationHtml.render(report,
                settings.pendingAlertAge().toString().substring(2).toLowerCase()));
        long declarations = report.byStatus().values().stream().mapToLong(Long::longValue).sum();
        LOG.info("reconciliation {}: {} records ({} without a valid id), {} pending longer than {} -> {}", date,
                declarations, report.rejected().size(), report.pending().size(), settings.pendingAlertAge(), csv);
        return new Written(date, csv.toString(), pending.toString(), rejected.toString(), html.toString(),
                declarations, report.pending().size(), report.rejected().size());
    }

    private static String csv(Reconciliation report) {
        return print(COLUMNS, printer -> {
            for (Reconciliation.CustomsCodeRow row : report.byCustomsCode()) {
                printer.printRecord(ResultsFile.safe(row.customsCode()), row.declared(), row.acceptedByAlipay(),
                        row.customsAccepted(), row.customsRejected(), row.pending(), row.failed(), row.invalid());
            }
        });
    }

    private static String pendingCsv(List<Reconciliation.PendingDeclaration> pending) {
        return print(PENDING_COLUMNS, printer -> {
            for (Reconciliation.PendingDeclaration p : pending) {
                printer.printRecord(ResultsFile.safe(p.declarationRequestId()), ResultsFile.safe(p.paymentId()),
                        p.gateway(), p.status(), p.createdAt(), p.pendingHours());
            }
        });
    }

    private static String rejectedCsv(List<Reconciliation.RejectedRecord> rejected) {
        return print(REJECTED_COLUMNS, printer -> {
            for (Reconciliation.RejectedRecord r : rejected) {
                printer.printRecord(ResultsFile.safe(r.source()), r.line(), ResultsFile.safe(r.declarationRequestId()),
                        ResultsFile.safe(r.message()), r.at());
            }
        });
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String print(String[] header, Rows rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header).get().print(text)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static Path write(Path directory, String name, String content) {
        Path target = directory.resolve(name);
        Path part = directory.resolve("." + name + ".part");
        try {
            Files.createDirectories(directory);
            Files.writeString(part, content, StandardCharsets.UTF_8);
            MoveIntoPlace.move(part, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
