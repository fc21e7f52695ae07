package org.customsbridge.flow;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The folders a user sees: drop a file the way an ERP does, read results back. */
public record Inbox(Path inbox, Path outbox) {

    public static Inbox under(Path root) {
        return new Inbox(root.resolve("inbox"), root.resolve("outbox"));
    }

    /** Writes a hidden file and renames it into place, as an ERP should. */
    public void drop(String name, String content) {
        drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public void drop(String name, byte[] content) {
        try {
            Files.createDirectories(inbox);
            Path hidden = inbox.resolve("." + name + ".uploading");
            Files.write(hidden, content);
            Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path results(String inputName) {
        return outbox.resolve(inputName + ".results.csv");
    }

    /** Waits for the results file of {@code inputName} and returns its rows. */
    public List<CSVRecord> awaitResults(String inputName) {
        return awaitResultsWithin(inputName, Duration.ofSeconds(60));
    }

    public List<CSVRecord> awaitResultsWithin(String inputName, Duration limit) {
        Path results = results(inputName);
        await().atMost(limit).until(() -> Files.exists(results));
        try (Reader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows by declarationRequestId. */
    public static Map<String, CSVRecord> byId(List<CSVRecord> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("declarationRequestId"), Function.identity()));
    }

    public Path done(String name) {
        return inbox.resolve(".done").resolve(name);
    }

    public Path error(String name) {
        return inbox.resolve(".error").resolve(name);
    }

    public void awaitMoved(Path target) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(target));
    }

    /** CSV text of records with the contract's columns, one line per {@code id,paymentId,amount}. */
    public static String csv(String... idPaymentAmount) {
        StringBuilder csv = new StringBuilder("declarationRequestId,paymentId,customsCode,amount\n");
        for (String line : idPaymentAmount) {
            String[] parts = line.split(",");
            csv.append(parts[0]).append(',').append(parts[1]).append(",ZONGSHU,").append(parts[2]).append('\n');
        }
        return csv.toString();
    }
}
