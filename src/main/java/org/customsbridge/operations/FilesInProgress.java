package org.customsbridge.operations;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.customsbridge.intake.InboxFiles;
import org.customsbridge.results.ResultsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input files being declared right now, so that a long file shows signs of life in the log
 * (one line per file every {@code customs.progress.interval}, route {@code file-progress}) rather
 * than one line per record. A file leaves when its exchange completes, whether it went to .done
 * or .error, so that nothing is reported for a file that is no longer processed.
 */
public class FilesInProgress {

    private static final Logger LOG = LoggerFactory.getLogger(FilesInProgress.class);

    private final Clock clock;
    private final Map<String, Entry> files = new ConcurrentHashMap<>();

    public FilesInProgress(Clock clock) {
        this.clock = clock;
    }

    private record Entry(String file, long total, ResultsFile results, Instant started) {
    }

    /** Called once {@link InboxFiles#start} has counted the records and opened the results file. */
    public void started(Exchange exchange) {
        String key = exchange.getExchangeId();
        Path input = exchange.getProperty(InboxFiles.INPUT, Path.class);
        Long total = exchange.getProperty(InboxFiles.RECORD_COUNT, Long.class);
        ResultsFile results = exchange.getProperty(InboxFiles.RESULTS, ResultsFile.class);
        if (input == null || total == null || results == null) {
            return;
        }
        files.put(key, new Entry(input.getFileName().toString(), total, results, clock.instant()));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                files.remove(key);
            }
        });
    }

    /** Where every file in progress stands now. */
    public List<FileProgress> progress() {
        Instant now = clock.instant();
        return files.values().stream()
                .map(e -> FileProgress.of(e.file(), e.total(), e.results().counts(), e.started(), now))
                .toList();
    }

    /** Logs one line per file in progress. */
    public void report() {
        for (FileProgress progress : progress()) {
            LOG.info("{}", progress.line());
        }
    }
}
