package org.customsbridge.intake;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.customsbridge.CustomsConstants;
import org.customsbridge.record.RawRecord;
import org.customsbridge.results.ResultsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file side of intake: checks a dropped file can be read as a whole, streams its records,
 * finishes its results file, and puts an unreadable file's reason beside it in {@code .error/}.
 */
public class InboxFiles {

    public static final String RESULTS = CustomsConstants.RESULTS;
    public static final String RECORD_COUNT = CustomsConstants.RECORD_COUNT;
    public static final String INPUT = CustomsConstants.INPUT;
    public static final String REASON = CustomsConstants.REASON;
    /** camel-ftp's header naming the local copy of a remote file ({@code localWorkDirectory}). */
    static final String LOCAL_WORK_PATH = "CamelFileLocalWorkPath";
    private static final String STARTED = CustomsConstants.STARTED;
    private static final Logger LOG = LoggerFactory.getLogger(InboxFiles.class);

    private final InputFormats formats;
    private final Path outbox;

    public InboxFiles(InputFormats formats, Path outbox) {
        this.formats = formats;
        this.outbox = outbox;
    }

    /** Reads the whole file once (throws {@link UnreadableInputException}), then opens its results file. */
    public void start(Exchange exchange) {
        Path file = file(exchange);
        exchange.setProperty(INPUT, file);
        long records = formats.probe(file);
        LOG.info("{}: {} records, declaring", file.getFileName(), records);
        exchange.setProperty(RECORD_COUNT, records);
        exchange.setProperty(STARTED, Instant.now());
        exchange.setProperty(RESULTS, ResultsFile.create(outbox, file.getFileName().toString()));
    }

    /**
     * The file's records, one at a time, until the bundle begins to stop: then the stream ends with
     * {@link IntakeStoppedException}, so that the file is not completed, while the records already
     * taken finish their calls (Camel's graceful shutdown waits for them).
     */
    public RecordReader records(Exchange exchange) {
        Path file = file(exchange);
        RecordReader records = formats.open(file);
        CamelContext camel = exchange.getContext();
        return new RecordReader() {
            @Override
            public boolean hasNext() {
                if (camel.isStopping()) {
                    throw new IntakeStoppedException(file.getFileName() + ": the bundle is stopping; the file stays "
                            + "in the inbox and its remaining records are declared at the next start");
                }
                return records.hasNext();
            }

            @Override
            public RawRecord next() {
                return records.next();
            }

            @Override
            public void close() {
                records.close();
            }
        };
    }

    public void finish(Exchange exchange) {
        ResultsFile results = exchange.getProperty(RESULTS, ResultsFile.class);
        Path target = results.commit();
        Duration took = Duration.between(exchange.getProperty(STARTED, Instant.class), Instant.now());
        LOG.info("{}: done in {} ms, {} -> {}", file(exchange).getFileName(), took.toMillis(),
                results.counts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")), target);
    }

    /** The committed results file of the input (the SFTP intake uploads it). */
    public File resultsFile(Exchange exchange) {
        return exchange.getProperty(RESULTS, ResultsFile.class).target().toFile();
    }

    /**
     * Writes {@code .error/<name>.reason.txt} in the input's folder (the inbox, or the SFTP staging
     * folder) and moves a failed inbox file beside it. Moved here rather than by the file consumer's
     * moveFailed, which would move every failed file, also one that only stopped with the bundle
     * ({@link IntakeStoppedException}) and must stay to be resumed. (An SFTP file is moved on its
     * server by its own consumer.)
     */
    public void quarantine(Exchange exchange) {
        if (exchange.getProperty(INPUT) == null && exchange.getMessage().getHeader(Exchange.FILE_PATH) == null) {
            return;
        }
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        ResultsFile results = exchange.getProperty(RESULTS, ResultsFile.class);
        // another record of this input may have failed first: its reason stands, not the failures it caused
        boolean firstFailure = results == null || results.abandon();
        Path input = file(exchange);
        String name = input.getFileName().toString();
        Path folder = input.toAbsolutePath().getParent();
        try {
            Path errors = Files.createDirectories(folder.resolve(".error"));
            if (firstFailure) {
                String reason = failure instanceof UnreadableInputException ? failure.getMessage()
                        : name + ": processing failed: " + failure;
                LOG.warn("{} -> .error/: {}", name, reason);
                exchange.setProperty(REASON, reason + System.lineSeparator());
                Files.writeString(errors.resolve(name + ".reason.txt"), reason + System.lineSeparator(),
                        StandardCharsets.UTF_8);
            } else if (Files.exists(errors.resolve(name + ".reason.txt"))) {
                exchange.setProperty(REASON, Files.readString(errors.resolve(name + ".reason.txt")));
            }
            boolean remoteFile = exchange.getMessage().getHeader(LOCAL_WORK_PATH) != null;
            if (!remoteFile && exchange.getProperty(ExchangePropertyKey.SPLIT_INDEX) == null) {
                // the file's own failure, not one of its records' (which stops the file right after)
                Files.move(input, errors.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.error("cannot write the reason for {} or move it to {}/.error", name, folder, e);
        }
    }

    /**
     * Leaves the input where it is, to be declared again whole at the next poll (the ledger did not
     * answer in time). Its unfinished results file is dropped, so that the next pass starts a new one
     * and the records still finishing in this pass cannot write into it.
     */
    public void postpone(Exchange exchange) {
        ResultsFile results = exchange.getProperty(RESULTS, ResultsFile.class);
        boolean firstFailure = results == null || results.abandon();
        if (firstFailure && (exchange.getProperty(INPUT) != null
                || exchange.getMessage().getHeader(Exchange.FILE_PATH) != null)) {
            Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            LOG.warn("{}: stays in place and is declared again at the next poll: {}", file(exchange).getFileName(),
                    failure == null ? "the ledger did not answer" : failure.getMessage());
        }
    }

    /** The input on local disk: a file in the inbox, or the local copy of a remote file. */
    private static Path file(Exchange exchange) {
        Path input = exchange.getProperty(INPUT, Path.class);
        if (input != null) {
            return input;
        }
        String localCopy = exchange.getMessage().getHeader(LOCAL_WORK_PATH, String.class);
        return Path.of(localCopy != null ? localCopy : exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
    }
}
