package org.customsbridge.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.customsbridge.ledger.DeclarationState;
import org.customsbridge.ledger.DeclarationStatus;
import org.customsbridge.record.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultsFileTest {

    @TempDir
    Path dir;

    private static RawRecord record(long line, long ordinal) {
        return new RawRecord("orders.csv", line, ordinal, Map.of(), null);
    }

    private static DeclarationState accepted(String id) {
        return new DeclarationState(id, "alipay-plus", DeclarationStatus.ACCEPTED, "SUCCESS", "Success", "2026000001");
    }

    private List<Path> files(Path outbox) throws IOException {
        try (Stream<Path> list = Files.list(outbox)) {
            return list.toList();
        }
    }

    private static List<CSVRecord> parse(Path file) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).getRecords();
    }

    @Test
    void rowsAppearOnlyAfterCommitThroughAHiddenPartFile() throws IOException {
        Path outbox = dir.resolve("outbox");
        ResultsFile results = ResultsFile.create(outbox, "orders.csv");
        results.append(record(2, 1), accepted("DEC-000001"));
        results.append(record(3, 2), new DeclarationState("bad id", "alipay-plus", DeclarationStatus.INVALID,
                null, "orders.csv line 3: declarationRequestId \"bad id\": 6 to 32 characters", null));

        Path target = outbox.resolve("orders.csv.results.csv");
        assertThat(results.target()).isEqualTo(target);
        assertThat(target).doesNotExist();
        assertThat(files(outbox)).singleElement().satisfies(part -> {
            assertThat(part.getFileName().toString()).isEqualTo(".orders.csv.results.csv.part").startsWith(".");
        });

        assertThat(results.commit()).isEqualTo(target);

        assertThat(files(outbox)).containsExactly(target);
        List<CSVRecord> rows = parse(target);
        assertThat(rows.get(0).toList()).containsExactly(ResultsFile.COLUMNS);
        assertThat(rows.get(0).toList()).startsWith("line", "declarationRequestId", "gateway", "status", "code",
                "message", "alipayDeclarationId");
        assertThat(rows.get(1).toList()).containsExactly("2", "DEC-000001", "alipay-plus", "ACCEPTED", "SUCCESS",
                "Success", "2026000001", "1");
        assertThat(rows.get(2).toList()).containsExactly("3", "bad id", "alipay-plus", "INVALID", "",
                "orders.csv line 3: declarationRequestId \"bad id\": 6 to 32 characters", "", "2");
        assertThat(rows).hasSize(3);
    }

    @Test
    void commitReplacesAnEarlierResultsFile() throws IOException {
        Files.writeString(dir.resolve("orders.csv.results.csv"), "stale\n");
        ResultsFile results = ResultsFile.create(dir, "orders.csv");
        results.append(record(2, 1), accepted("DEC-000001"));

        results.commit();

        assertThat(parse(dir.resolve("orders.csv.results.csv"))).hasSize(2);
        assertThat(files(dir)).hasSize(1);
    }

    @Test
    void closeWithoutCommitLeavesNothingBehind() throws IOException {
        ResultsFile results = ResultsFile.create(dir, "orders.json");
        results.append(record(2, 1), accepted("DEC-000001"));

        results.close();

        assertThat(files(dir)).isEmpty();
    }

    @Test
    void onlyTheFirstAbandonDropsTheFile() {
        // the first failing record of an input abandons its results; the failures that follow must not
        // replace its reason (they fail only because the file is gone)
        ResultsFile results = ResultsFile.create(dir, "failed.csv");

        assertThat(results.abandon()).isTrue();
        assertThat(results.abandon()).isFalse();
        assertThat(dir.resolve(".failed.csv.results.csv.part")).doesNotExist();
    }

    @Test
    void inputsWithTheSameStemNeverCollide() {
        assertThat(ResultsFile.create(dir, "orders.csv").target())
                .isNotEqualTo(ResultsFile.create(dir, "orders.json").target());
    }

    @Test
    void countsRowsByStatus() {
        ResultsFile results = ResultsFile.create(dir, "orders.csv");
        results.append(record(2, 1), accepted("DEC-000001"));
        results.append(record(3, 2), accepted("DEC-000002"));
        results.append(record(4, 3), new DeclarationState(null, null, DeclarationStatus.INVALID, null, "x", null));

        assertThat(results.counts()).containsOnly(Map.entry(DeclarationStatus.ACCEPTED, 2L),
                Map.entry(DeclarationStatus.INVALID, 1L));
        results.close();
    }

    @Test
    void quotesCommasAndNewlinesAreEscapedAndReadBackIntact() throws IOException {
        String message = "He said \"no\", then left\nsecond line, 张三";
        ResultsFile results = ResultsFile.create(dir, "orders.csv");
        results.append(record(2, 1), new DeclarationState("DEC-000001", "mapi", DeclarationStatus.DECLARE_FAILED,
                "INVALID_PARAMETER", message, null));

        Path target = results.commit();

        assertThat(Files.readString(target)).contains("\"He said \"\"no\"\", then left\nsecond line, 张三\"");
        assertThat(parse(target).get(1).get(List.of(ResultsFile.COLUMNS).indexOf("message"))).isEqualTo(message);
    }

    @Test
    void formulaLikeCellsAreDefusedInTheFile() throws IOException {
        ResultsFile results = ResultsFile.create(dir, "orders.csv");
        results.append(record(2, 1), new DeclarationState("=HYPERLINK(\"http://x\")", "+gateway",
                DeclarationStatus.INVALID, "-12.50", "@SUM(A1:A9)", "-cmd|' /C calc'!A0"));

        List<String> row = parse(results.commit()).get(1).toList();

        assertThat(row).containsExactly("2", "'=HYPERLINK(\"http://x\")", "'+gateway", "INVALID", "-12.50",
                "'@SUM(A1:A9)", "'-cmd|' /C calc'!A0", "1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1+2", "-1+2", "@cmd", "=", "-", "+", "\tleading tab", "\rleading return",
            "=SUM(1,2)\nmore", "-1.5e3", "+86 138 0000 0000"})
    void cellsAFormulaCouldStartWithGetALeadingQuote(String cell) {
        assertThat(ResultsFile.safe(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12.50", "+12", "-1", "12345", "0.01", "DEC-000001", "2026000001", "1+1", "a=b",
            "张三", "'=already quoted"})
    void plainNumbersAndOrdinaryTextStayAsTheyAre(String cell) {
        assertThat(ResultsFile.safe(cell)).isEqualTo(cell);
    }

    @Test
    void nullAndEmptyStayAsTheyAre() {
        assertThat(ResultsFile.safe(null)).isNull();
        assertThat(ResultsFile.safe("")).isEmpty();
    }
}
