package org.customsbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.record.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input format, read from real files, with the line each record starts on. */
class InputFormatsTest {

    private final InputFormats formats = new InputFormats(new ObjectMapper());

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private List<RawRecord> read(Path file) {
        List<RawRecord> records = new ArrayList<>();
        try (RecordReader reader = formats.open(file)) {
            reader.forEachRemaining(records::add);
        }
        assertThat(formats.probe(file)).as("probe count of %s", file.getFileName()).isEqualTo(records.size());
        return records;
    }

    private UnreadableInputException unreadable(Path file) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> formats.probe(file));
        assertThat(thrown).isInstanceOf(UnreadableInputException.class);
        assertThat(thrown.getMessage()).startsWith(file.getFileName().toString());
        return (UnreadableInputException) thrown;
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void csvWithHeaderInAnyColumnOrder() throws IOException {
        Path file = write("orders.csv", """
                amount,merchantCustomsName,declarationRequestId,paymentId
                1.00,shop,DEC-000001,PAY-1
                2.50,shop,DEC-000002,PAY-2
                """);

        List<RawRecord> records = read(file);

        assertThat(records).hasSize(2);
        RawRecord first = records.get(0);
        assertThat(first.source()).isEqualTo("orders.csv");
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.ordinal()).isEqualTo(1);
        assertThat(first.problem()).isNull();
        assertThat(first.fields()).containsExactly(Map.entry("amount", "1.00"),
                Map.entry("merchantCustomsName", "shop"), Map.entry("declarationRequestId", "DEC-000001"),
                Map.entry("paymentId", "PAY-1"));
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThat(records.get(1).ordinal()).isEqualTo(2);
        assertThat(records.get(1).field("amount")).isEqualTo("2.50");
    }

    @Test
    void csvQuotedValuesWithCommasQuotesAndNewlinesKeepLineNumbers() throws IOException {
        Path file = write("orders.csv", "declarationRequestId,merchantCustomsName,amount\r\n"
                + "DEC-000001,\"Shop, Ltd\",1.00\r\n"
                + "DEC-000002,\"two\r\nline \"\"quoted\"\" name\",2.00\r\n"
                + "DEC-000003,plain,3.00\r\n");

        List<RawRecord> records = read(file);

        assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L, 5L);
        assertThat(records.get(0).field("merchantCustomsName")).isEqualTo("Shop, Ltd");
        assertThat(records.get(1).field("merchantCustomsName")).isEqualTo("two\r\nline \"quoted\" name");
        assertThat(records.get(2).field("declarationRequestId")).isEqualTo("DEC-000003");
        assertThat(records).allSatisfy(r -> assertThat(r.problem()).isNull());
    }

    @Test
    void csvWithUtf8ByteOrderMarkAndChineseText() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "declarationRequestId,buyerName,merchantCustomsName\nDEC-000001,张三,杭州跨境旗舰店\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        Path file = write("excel.csv", bytes);

        List<RawRecord> records = read(file);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.fields()).containsOnlyKeys("declarationRequestId", "buyerName", "merchantCustomsName");
            assertThat(r.field("declarationRequestId")).isEqualTo("DEC-000001");
            assertThat(r.field("buyerName")).isEqualTo("张三");
            assertThat(r.field("merchantCustomsName")).isEqualTo("杭州跨境旗舰店");
            assertThat(r.line()).isEqualTo(2);
        });
    }

    @Test
    void csvRowWithTooManyOrTooFewValuesIsARecordWithAProblem() throws IOException {
        Path file = write("orders.csv", """
                declarationRequestId,paymentId,amount
                DEC-000001,PAY-1,1.00,surplus
                DEC-000002,PAY-2
                DEC-000003,PAY-3,3.00
                """);

        List<RawRecord> records = read(file);

        assertThat(records).hasSize(3);
        assertThat(records.get(0).problem()).isEqualTo("4 values but the header names 3 columns");
        assertThat(records.get(0).fields()).containsOnlyKeys("declarationRequestId", "paymentId", "amount");
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(records.get(1).problem()).isEqualTo("2 values but the header names 3 columns");
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThat(records.get(2).problem()).isNull();
        assertThat(records.get(2).line()).isEqualTo(4);
    }

    @Test
    void csvEmptyAndBlankValuesAreAbsentAndValuesAreTrimmed() throws IOException {
        Path file = write("orders.csv", "declarationRequestId, paymentId ,buyerName,buyerIdNo\n"
                + "  DEC-000001 ,PAY-1,,\"  \"\n");

        RawRecord record = read(file).get(0);

        assertThat(record.fields()).containsOnly(Map.entry("declarationRequestId", "DEC-000001"),
                Map.entry("paymentId", "PAY-1"));
    }

    @Test
    void csvBlankLinesAreSkippedAndDoNotShiftLineNumbers() throws IOException {
        Path file = write("orders.csv", "declarationRequestId,amount\n\nDEC-000001,1.00\n\n\nDEC-000002,2.00\n");

        List<RawRecord> records = read(file);

        assertThat(records).extracting(r -> r.field("declarationRequestId")).containsExactly("DEC-000001",
                "DEC-000002");
        assertThat(records).extracting(RawRecord::line).containsExactly(3L, 6L);
    }

    @Test
    void csvBlankLinesBeforeTheHeaderAndAtTheEndAreSkipped() throws IOException {
        Path file = write("orders.csv", "\r\n\r\ndeclarationRequestId,amount\r\nDEC-000001,1.00\r\n\r\n\r\n");

        List<RawRecord> records = read(file);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.problem()).isNull();
            assertThat(r.fields()).containsOnlyKeys("declarationRequestId", "amount");
        });
    }

    @Test
    void csvExtensionIsCaseInsensitive() throws IOException {
        assertThat(read(write("ORDERS.CSV", "declarationRequestId\nDEC-000001\n"))).hasSize(1);
    }

    @Test
    void csvHeaderProblemsMakeTheFileUnreadable() throws IOException {
        assertThat(unreadable(write("dup.csv", "amount,paymentId,amount\n1,2,3\n")).getMessage())
                .isEqualTo("dup.csv: header names amount twice (columns 1 and 3)");
        assertThat(unreadable(write("noname.csv", "amount,,paymentId\n1,2,3\n")).getMessage())
                .isEqualTo("noname.csv: header column 2 has no name");
        assertThat(unreadable(write("header-only.csv", "declarationRequestId,amount\n")).getMessage())
                .isEqualTo("header-only.csv: no records in it");
    }

    @Test
    void csvWithAnUnclosedQuoteIsUnreadableAtItsLine() throws IOException {
        Path file = write("broken.csv", "declarationRequestId,merchantCustomsName\n"
                + "DEC-000001,ok\n"
                + "DEC-000002,\"never closed\n"
                + "DEC-000003,more\n");

        assertThat(unreadable(file).getMessage()).startsWith("broken.csv line 3: not valid CSV");
    }

    // ---------------------------------------------------------------- JSON

    @Test
    void jsonArrayOfRecordsWithLines() throws IOException {
        Path file = write("orders.json", """
                [
                  {"declarationRequestId": "DEC-000001", "amount": "1.00", "split": false, "paymentId": 20261124},
                  {
                    "declarationRequestId": "DEC-000002",
                    "amount": 123.45,
                    "buyerName": "张三",
                    "subOrderId": null,
                    "buyerIdNo": "  "
                  }
                ]
                """);

        List<RawRecord> records = read(file);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(records.get(0).fields()).containsOnly(Map.entry("declarationRequestId", "DEC-000001"),
                Map.entry("amount", "1.00"), Map.entry("split", "false"), Map.entry("paymentId", "20261124"));
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThat(records.get(1).ordinal()).isEqualTo(2);
        assertThat(records.get(1).fields()).containsOnly(Map.entry("declarationRequestId", "DEC-000002"),
                Map.entry("amount", "123.45"), Map.entry("buyerName", "张三"));
    }

    @Test
    void jsonNumbersAreTakenExactlyNeverRoundedThroughDouble() throws IOException {
        Path file = write("amounts.json", """
                [
                  {"amount": 1.00},
                  {"amount": 10000000.00},
                  {"amount": 1.0000000000000001},
                  {"amount": 88}
                ]
                """);

        assertThat(read(file)).extracting(r -> r.field("amount"))
                .containsExactly("1.00", "10000000.00", "1.0000000000000001", "88");
    }

    @Test
    void jsonElementThatIsNotAFlatObjectIsARecordWithAProblem() throws IOException {
        Path file = write("orders.json", """
                [
                  "DEC-000001",
                  {"declarationRequestId": "DEC-000002", "customs": {"customsCode": "ZONGSHU"}, "tags": []}
                ]
                """);

        List<RawRecord> records = read(file);

        assertThat(records.get(0).problem()).isEqualTo("a record must be a JSON object, found string");
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(records.get(1).problem())
                .isEqualTo("customs, tags: a single text or number value, not an object or array");
        assertThat(records.get(1).fields()).containsOnly(Map.entry("declarationRequestId", "DEC-000002"));
    }

    @Test
    void truncatedJsonIsUnreadableAtItsLine() throws IOException {
        Path file = write("orders.json", """
                [
                  {"declarationRequestId": "DEC-000001", "amount": "1.00"},
                  {"declarationRequestId": "DEC-00
                """);

        assertThat(unreadable(file).getMessage()).matches("orders.json line 3 column \\d+: not valid JSON: .*");
    }

    @Test
    void jsonArrayNotClosedIsUnreadable() throws IOException {
        Path file = write("orders.json", """
                [
                  {"declarationRequestId": "DEC-000001", "amount": "1.00"},
                """);

        assertThat(unreadable(file).getMessage()).startsWith("orders.json").contains("JSON");
    }

    @Test
    void jsonThatIsNotAnArrayOrHasTextAfterItIsUnreadable() throws IOException {
        assertThat(unreadable(write("object.json", "\n{\"declarationRequestId\": \"DEC-000001\"}\n")).getMessage())
                .isEqualTo("object.json: must be a JSON array of records, found an object at line 2");
        // a string or number at the top once showed as "found null"
        assertThat(unreadable(write("string.json", "\"declarations\"")).getMessage())
                .isEqualTo("string.json: must be a JSON array of records, found a string at line 1");
        assertThat(unreadable(write("number.json", "42")).getMessage())
                .isEqualTo("number.json: must be a JSON array of records, found a number at line 1");
        assertThat(unreadable(write("trailing.json", "[{\"amount\": \"1\"}]\n{\"amount\": \"2\"}\n")).getMessage())
                .isEqualTo("trailing.json: text after the closing ] at line 2");
        assertThat(unreadable(write("stray.json", "[{\"amount\": \"1\"}]\n]\n")).getMessage())
                .startsWith("stray.json line ").contains("not valid JSON");
        assertThat(unreadable(write("emptyarray.json", "[ ]")).getMessage())
                .isEqualTo("emptyarray.json: no records in it");
        assertThat(unreadable(write("blank.json", "  \n  \n")).getMessage())
                .isEqualTo("blank.json: no JSON in it");
    }

    @Test
    void csvNamedJsonIsUnreadable() throws IOException {
        Path file = write("orders.json", "declarationRequestId,amount\nDEC-000001,1.00\n");

        assertThat(unreadable(file).getMessage()).matches("orders.json line 1 column \\d+: not valid JSON: .*");
    }

    @Test
    void csvNamedXmlIsUnreadable() throws IOException {
        Path file = write("orders.xml", "\ndeclarationRequestId,amount\nDEC-000001,1.00\n");

        assertThat(unreadable(file).getMessage()).matches("orders.xml line \\d+ column \\d+: not valid XML: .*");
    }

    // ---------------------------------------------------------------- JSON lines

    @Test
    void jsonLinesWithBlankLinesSkipped() throws IOException {
        Path file = write("orders.jsonl", """
                {"declarationRequestId": "DEC-000001", "amount": "1.00"}

                {"declarationRequestId": "DEC-000002", "amount": 2.5, "buyerName": "李四"}
                """);

        List<RawRecord> records = read(file);

        assertThat(records).extracting(RawRecord::line).containsExactly(1L, 3L);
        assertThat(records).extracting(RawRecord::ordinal).containsExactly(1L, 2L);
        assertThat(records.get(1).fields()).containsOnly(Map.entry("declarationRequestId", "DEC-000002"),
                Map.entry("amount", "2.5"), Map.entry("buyerName", "李四"));
    }

    @Test
    void jsonLinesBadLaterLineIsARecordWithAProblem() throws IOException {
        Path file = write("orders.jsonl", """
                {"declarationRequestId": "DEC-000001", "amount": "1.00"}
                {"declarationRequestId": "DEC-000002", "amount":
                ["not", "an", "object"]
                {"declarationRequestId": "DEC-000004", "amount": "4.00"}
                """);

        List<RawRecord> records = read(file);

        assertThat(records).hasSize(4);
        assertThat(records.get(0).problem()).isNull();
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).fields()).isEmpty();
        assertThat(records.get(1).problem()).startsWith("not a JSON object: ");
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(2).problem()).isEqualTo("a record must be a JSON object, found array");
        assertThat(records.get(3).line()).isEqualTo(4);
        assertThat(records.get(3).field("declarationRequestId")).isEqualTo("DEC-000004");
    }

    @Test
    void jsonLinesBadFirstLineMakesTheFileUnreadable() throws IOException {
        Path file = write("orders.jsonl", "\n\ndeclarationRequestId,amount\n{\"declarationRequestId\": \"DEC-1\"}\n");

        assertThat(unreadable(file).getMessage()).startsWith("orders.jsonl line 3: not JSON lines: ");
    }

    @Test
    void jsonLinesWithOnlyBlankLinesIsUnreadable() throws IOException {
        assertThat(unreadable(write("blank.jsonl", "\n   \n")).getMessage())
                .isEqualTo("blank.jsonl: no JSON lines in it");
    }

    // ---------------------------------------------------------------- XML

    @Test
    void xmlDeclarationsWithLines() throws IOException {
        Path file = write("orders.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- exported by the ERP -->
                <declarations>
                  <declaration>
                    <declarationRequestId>DEC-000001</declarationRequestId>
                    <amount>1.00</amount>
                    <buyerName> 张三 </buyerName>
                    <buyerIdNo/>
                  </declaration>
                  <declaration><declarationRequestId>DEC-000002</declarationRequestId><amount>2.00</amount><merchantCustomsName>A &amp; B</merchantCustomsName></declaration>
                </declarations>
                """);

        List<RawRecord> records = read(file);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).line()).isEqualTo(4);
        assertThat(records.get(0).fields()).containsExactly(Map.entry("declarationRequestId", "DEC-000001"),
                Map.entry("amount", "1.00"), Map.entry("buyerName", "张三"));
        assertThat(records.get(0).problem()).isNull();
        assertThat(records.get(1).line()).isEqualTo(10);
        assertThat(records.get(1).field("merchantCustomsName")).isEqualTo("A & B");
    }

    @Test
    void xmlNestedFieldIsARecordWithAProblem() throws IOException {
        Path file = write("orders.xml", """
                <declarations>
                  <declaration>
                    <declarationRequestId>DEC-000001</declarationRequestId>
                    <customs><customsCode>ZONGSHU</customsCode></customs>
                    <amount>1.00</amount>
                  </declaration>
                  <declaration>
                    <declarationRequestId>DEC-000002</declarationRequestId>
                  </declaration>
                </declarations>
                """);

        List<RawRecord> records = read(file);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).problem()).isEqualTo("customs: a single text value, not nested elements");
        assertThat(records.get(0).fields()).containsOnlyKeys("declarationRequestId", "amount");
        assertThat(records.get(1).line()).isEqualTo(7);
        assertThat(records.get(1).problem()).isNull();
    }

    @Test
    void xmlParseErrorInsideAFieldIsReportedAsSuchNotAsNesting() throws IOException {
        // the reader once took any failure inside a field for nested elements and lost its place
        assertThat(unreadable(write("nul.xml", "<declarations>\n<declaration>\n<amount>&#0;</amount>"
                + "</declaration></declarations>")).getMessage()).matches("nul.xml line 3 column \\d+: not valid XML: .*");
        assertThat(unreadable(write("cut.xml", "<declarations>\n<declaration>\n<amount>1.0")).getMessage())
                .startsWith("cut.xml").contains("XML");
        List<RawRecord> records = read(write("mixed.xml", "<declarations><declaration><amount>1<!-- c -->.00"
                + "<![CDATA[]]></amount><buyerName>A &amp; B</buyerName></declaration></declarations>"));
        assertThat(records.get(0).fields()).containsOnly(Map.entry("amount", "1.00"), Map.entry("buyerName", "A & B"));
    }

    @Test
    void xmlWithAnotherRootOrStrayTextIsUnreadable() throws IOException {
        assertThat(unreadable(write("root.xml", "<orders><declaration/></orders>")).getMessage())
                .isEqualTo("root.xml: the root element must be <declarations>");
        assertThat(unreadable(write("stray.xml", "<declarations>\n<order/>\n</declarations>")).getMessage())
                .isEqualTo("stray.xml line 2: expected <declaration> inside <declarations>");
        assertThat(unreadable(write("text.xml", "<declarations>\n<declaration>\nhello<amount>1</amount>"
                + "</declaration></declarations>")).getMessage())
                .isEqualTo("text.xml line 2: text outside of a field element");
        assertThat(unreadable(write("broken.xml", "<declarations>\n<declaration>\n<amount>1</amount>\n"))
                .getMessage()).startsWith("broken.xml").contains("XML");
        assertThat(unreadable(write("none.xml", "<declarations/>")).getMessage())
                .isEqualTo("none.xml: no records in it");
    }

    @Test
    void xmlWithDoctypeAndExternalEntityIsRefusedAndNothingIsFetched() throws IOException {
        Path secret = write("secret.txt", "TOP-SECRET-CONTENT");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String dtd = "http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd";
            Path file = write("xxe.xml", "<?xml version=\"1.0\"?>\n"
                    + "<!DOCTYPE declarations SYSTEM \"" + dtd + "\" [\n"
                    + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n"
                    + "]>\n"
                    + "<declarations><declaration>"
                    + "<declarationRequestId>DEC-000001</declarationRequestId>"
                    + "<merchantCustomsName>&xxe;</merchantCustomsName>"
                    + "</declaration></declarations>\n");

            UnreadableInputException refused = unreadable(file);
            assertThatThrownBy(() -> formats.open(file).forEachRemaining(r -> { }))
                    .isInstanceOf(UnreadableInputException.class);

            assertThat(refused.getMessage()).isEqualTo(
                    "xxe.xml: a DOCTYPE is not allowed (external entities are refused)");
            assertThat(refused.getMessage()).doesNotContain("TOP-SECRET");
            server.setSoTimeout(200);
            assertThatThrownBy(server::accept).as("the external DTD must never be fetched")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void xmlWithInternalEntityExpansionIsRefused() throws IOException {
        Path file = write("bomb.xml", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE declarations [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                + "<declarations><declaration><buyerName>&b;</buyerName></declaration></declarations>\n");

        assertThat(unreadable(file).getMessage()).contains("DOCTYPE is not allowed");
    }

    // ---------------------------------------------------------------- unreadable in any format

    @Test
    void emptyFileIsUnreadable() throws IOException {
        for (String name : List.of("empty.csv", "empty.json", "empty.jsonl", "empty.xml")) {
            assertThat(unreadable(write(name, new byte[0])).getMessage()).isEqualTo(name + ": the file is empty");
        }
    }

    @Test
    void invalidUtf8IsUnreadableInEveryFormat() throws IOException {
        byte[] latin1 = "declarationRequestId,buyerName\nDEC-000001,Müller\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(unreadable(write("latin1.csv", latin1)).getMessage()).startsWith("latin1.csv").contains("not UTF-8");

        byte[] json = "[{\"buyerName\": \"M\u00fcller\"}]".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(unreadable(write("latin1.json", json)).getMessage()).startsWith("latin1.json").contains("not UTF-8");

        byte[] jsonl = "{\"buyerName\": \"M\u00fcller\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(unreadable(write("latin1.jsonl", jsonl)).getMessage()).startsWith("latin1.jsonl")
                .contains("not UTF-8");

        byte[] xml = "<declarations><declaration><buyerName>M\u00fcller</buyerName></declaration></declarations>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(unreadable(write("latin1.xml", xml)).getMessage()).startsWith("latin1.xml").contains("not UTF-8");
    }

    @Test
    void invalidUtf8AfterTheFirstBufferIsStillUnreadable() throws IOException {
        StringBuilder text = new StringBuilder("declarationRequestId,amount\n");
        for (int i = 0; i < 5000; i++) {
            text.append(String.format("DEC-%06d,1.00%n", i));
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 4];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = 'X';
        bytes[good.length + 1] = (byte) 0xC3; // a lead byte followed by no continuation byte
        bytes[good.length + 2] = '(';
        bytes[good.length + 3] = '\n';
        Path file = write("big.csv", bytes);

        assertThat(unreadable(file).getMessage()).startsWith("big.csv").contains("not UTF-8");
    }

    @Test
    void unsupportedExtensionIsUnreadable() throws IOException {
        assertThat(unreadable(write("orders.txt", "declarationRequestId\nDEC-000001\n")).getMessage())
                .isEqualTo("orders.txt: unsupported file type; the inbox takes .csv, .json, .jsonl and .xml");
        assertThatThrownBy(() -> formats.open(write("orders", "x")))
                .isInstanceOf(UnreadableInputException.class).hasMessageStartingWith("orders: unsupported file type");
    }

    @Test
    void missingFileIsUnreadable() {
        assertThatThrownBy(() -> formats.probe(dir.resolve("gone.csv")))
                .isInstanceOf(UnreadableInputException.class).hasMessageStartingWith("gone.csv");
    }
}
