package org.customsbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.record.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One record may not run on for ever: a quote, bracket or element that is never closed once made
 * the rest of a file one value, held whole in memory (an OutOfMemoryError for a large file).
 */
class RecordSizeLimitTest {

    /** Above the parsers' read-ahead (8 K characters), below the test's inputs. */
    private static final int LIMIT = 20_000;
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void manyShortRecordsReadPastTheLimitInTotal() {
        StringBuilder csv = new StringBuilder("declarationRequestId,amount\n");
        StringBuilder jsonl = new StringBuilder();
        StringBuilder json = new StringBuilder("[");
        StringBuilder xml = new StringBuilder("<declarations>");
        for (int i = 1; i <= 5_000; i++) {
            csv.append("DEC-%06d,1.00\n".formatted(i));
            jsonl.append("{\"declarationRequestId\":\"DEC-%06d\"}\n".formatted(i));
            json.append(i > 1 ? "," : "").append("{\"declarationRequestId\":\"DEC-%06d\"}".formatted(i));
            xml.append("<declaration><amount>1.00</amount></declaration>");
        }
        json.append("]");
        xml.append("</declarations>");

        assertThat(readAll(text -> new CsvRecordReader("a.csv", limited(text)), csv)).hasSize(5_000);
        assertThat(readAll(text -> new JsonLinesRecordReader("a.jsonl", limited(text), mapper), jsonl)).hasSize(5_000);
        assertThat(readAll(text -> new JsonArrayRecordReader("a.json", limited(text), mapper), json)).hasSize(5_000);
        assertThat(readAll(text -> new XmlRecordReader("a.xml", limited(text)), xml)).hasSize(5_000);
    }

    @Test
    void oneRecordLongerThanTheLimitMakesTheInputUnreadable() {
        String endless = "x".repeat(3 * LIMIT);
        assertThat(failure(text -> new CsvRecordReader("a.csv", limited(text)),
                "declarationRequestId,amount\nDEC-000001,1.00\nDEC-000002,\"" + endless + "\n"))
                .isEqualTo("a.csv line 3: a record longer than 20000 characters "
                        + "(a quote, bracket or element that is never closed?)");
        assertThat(failure(text -> new JsonLinesRecordReader("a.jsonl", limited(text), mapper),
                "{\"declarationRequestId\":\"DEC-000001\"}\n{\"paymentId\":\"" + endless))
                .startsWith("a.jsonl line ").contains("a record longer than 20000 characters");
        assertThat(failure(text -> new JsonArrayRecordReader("a.json", limited(text), mapper),
                "[{\"declarationRequestId\":\"DEC-000001\"},{\"paymentId\":\"" + endless))
                .startsWith("a.json line 1").contains("a record longer than 20000 characters");
        assertThat(failure(text -> new XmlRecordReader("a.xml", limited(text)),
                "<declarations><declaration><amount>1</amount></declaration><declaration><paymentId>" + endless))
                .startsWith("a.xml line 1").contains("a record longer than 20000 characters");
    }

    @Test
    void aFileWithAnUnclosedQuoteIsRefusedWithTheRealLimit() throws IOException {
        StringBuilder csv = new StringBuilder("declarationRequestId,paymentId,amount\nDEC-000001,\"PAY-1,1.00\n");
        while (csv.length() <= RecordSizeLimit.MAX_CHARS + 100_000) {
            csv.append("DEC-000002,PAY-2,1.00\n");
        }
        Path file = Files.writeString(dir.resolve("unclosed.csv"), csv, StandardCharsets.UTF_8);

        Throwable thrown = catchThrowable(() -> new InputFormats(mapper).probe(file));

        assertThat(thrown).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("unclosed.csv line 2: a record longer than " + RecordSizeLimit.MAX_CHARS);
    }

    @Test
    void aOneMegabyteValueIsStillARecord() throws IOException {
        Path file = Files.writeString(dir.resolve("big.csv"), "declarationRequestId,merchantCustomsName\nDEC-000001,"
                + "n".repeat(1 << 20) + "\nDEC-000002,shop\n", StandardCharsets.UTF_8);

        assertThat(new InputFormats(mapper).probe(file)).isEqualTo(2);
    }

    private static RecordSizeLimit limited(String text) {
        return new RecordSizeLimit(new StringReader(text), LIMIT);
    }

    private static List<RawRecord> readAll(Function<String, RecordReader> open, CharSequence text) {
        List<RawRecord> records = new ArrayList<>();
        try (RecordReader reader = open.apply(text.toString())) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    private static String failure(Function<String, RecordReader> open, String text) {
        Throwable thrown = catchThrowable(() -> readAll(open, text));
        assertThat(thrown).isInstanceOf(UnreadableInputException.class);
        return thrown.getMessage();
    }
}
