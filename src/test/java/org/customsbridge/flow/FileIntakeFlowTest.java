package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.simulator.SimulatorJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Black-box: files dropped into the inbox, declared through real HTTP to the built-in Alipay+
 * simulator with real signatures, results read back from the outbox and the ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class FileIntakeFlowTest {

    @TempDir
    static Path root;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FlowTestProperties.register(registry, root);
    }

    @Autowired
    SimulatorJournal journal;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExecutorService declareWorkers;

    Inbox inbox() {
        return Inbox.under(root);
    }

    @Test
    void csvRecordsAreDeclaredAndEachGetsOneResultsRow() throws Exception {
        String csv = Files.readString(Path.of("samples/orders.csv"));
        inbox().drop("orders.csv", csv);

        List<CSVRecord> rows = inbox().awaitResults("orders.csv");
        assertThat(rows).hasSize(20);
        Map<String, CSVRecord> byId = Inbox.byId(rows);
        assertThat(byId.get("DEC-20261124-0001").get("status")).isEqualTo("ACCEPTED");
        assertThat(byId.get("DEC-20261124-0001").get("alipayDeclarationId")).isNotEmpty();
        assertThat(byId.get("DEC-20261124-0001").get("line")).isEqualTo("2");
        assertThat(byId.get("DEC-20261124-0008").get("status")).isEqualTo("INVALID");
        assertThat(byId.get("DEC-20261124-0008").get("message"))
                .isEqualTo("orders.csv line 9: amount \"1.234\": at most 2 decimals");
        assertThat(byId.get("DEC-20261124-0012").get("status")).isEqualTo("DECLARE_FAILED");
        assertThat(byId.get("DEC-20261124-0012").get("code")).isEqualTo("ORDER_NOT_EXIST");
        assertThat(rows).filteredOn(r -> r.get("status").equals("ACCEPTED")).hasSize(12);
        assertThat(rows).filteredOn(r -> r.get("status").equals("INVALID")).hasSize(7);

        inbox().awaitMoved(inbox().done("orders.csv"));
        assertThat(jdbc.queryForObject("select count(*) from declaration where declaration_request_id like "
                + "'DEC-20261124-%'", Integer.class)).isEqualTo(19);
        assertThat(jdbc.queryForObject("select count(*) from rejected_record where source = 'orders.csv'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select attempts from declaration where declaration_request_id = ?",
                Integer.class, "DEC-20261124-0001")).isEqualTo(1);
        assertThat(jdbc.queryForList("select to_status from declaration_history where declaration_request_id = ? "
                + "order by id", String.class, "DEC-20261124-0001")).containsExactly("ACCEPTED");
        // merchant customs code and name came from configuration
        assertThat(journal.entries("alipay-plus.declare")).anySatisfy(e ->
                assertThat(e.request()).contains("DEC-20261124-0001").contains("\"merchantCustomsCode\":\"hanguo\""));
    }

    /** So that the threads serving all the workers (the ledger's committer among them) go first. */
    @Test
    void theDeclareWorkersRunAtTheLowestPriority() throws Exception {
        assertThat(declareWorkers.submit(() -> Thread.currentThread().getPriority()).get())
                .isEqualTo(Thread.MIN_PRIORITY);
    }

    @Test
    void jsonArrayRecordsAreDeclared() {
        inbox().drop("batch.json", """
                [
                  {"declarationRequestId": "JSON-0001", "paymentId": "PAY-J-1", "customsCode": "ZONGSHU",
                   "amount": 10.5},
                  {"declarationRequestId": "JSON-0002", "paymentId": "PAY-J-2", "customsCode": "NINGBO",
                   "amount": "3.333"}
                ]
                """);
        Map<String, CSVRecord> rows = Inbox.byId(inbox().awaitResults("batch.json"));
        assertThat(rows.get("JSON-0001").get("status")).isEqualTo("ACCEPTED");
        assertThat(rows.get("JSON-0001").get("line")).isEqualTo("2");
        assertThat(rows.get("JSON-0002").get("status")).isEqualTo("INVALID");
        assertThat(rows.get("JSON-0002").get("message")).contains("batch.json line 4", "amount", "at most 2 decimals");
        assertThat(journal.entries("alipay-plus.declare")).anySatisfy(e ->
                assertThat(e.request()).contains("JSON-0001").contains("\"value\":\"1050\""));
    }

    @Test
    void jsonLinesRecordsAreDeclared() {
        inbox().drop("batch.jsonl", """
                {"declarationRequestId": "JSONL-0001", "paymentId": "PAY-L-1", "customsCode": "ZONGSHU", "amount": "1.00"}

                {"declarationRequestId": "JSONL-0002", "paymentId": "PAY-L-2", "customsCode": "ZONGSHU", "amount": "2.00", "split": true, "subOrderId": "SUB-L-2"}
                {"declarationRequestId": "JSONL-0003", "paymentId": broken
                """);
        List<CSVRecord> rows = inbox().awaitResults("batch.jsonl");
        assertThat(rows).hasSize(3);
        Map<String, CSVRecord> byLine = rows.stream().collect(
                java.util.stream.Collectors.toMap(r -> r.get("line"), r -> r));
        assertThat(byLine.get("1").get("declarationRequestId")).isEqualTo("JSONL-0001");
        assertThat(byLine.get("1").get("status")).isEqualTo("ACCEPTED");
        assertThat(byLine.get("3").get("declarationRequestId")).isEqualTo("JSONL-0002");
        assertThat(byLine.get("3").get("status")).isEqualTo("ACCEPTED");
        assertThat(byLine.get("4").get("status")).isEqualTo("INVALID");
        assertThat(byLine.get("4").get("record")).isEqualTo("3");
        assertThat(byLine.get("4").get("message")).startsWith("batch.jsonl line 4: not a JSON object");
    }

    @Test
    void xmlRecordsAreDeclared() {
        inbox().drop("batch.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <declarations>
                  <declaration>
                    <declarationRequestId>XML-0001</declarationRequestId>
                    <paymentId>PAY-X-1</paymentId>
                    <customsCode>SHANGHAI_CBT</customsCode>
                    <amount>99.99</amount>
                    <buyerName>张三</buyerName>
                    <buyerIdNo>110101199003071234</buyerIdNo>
                  </declaration>
                  <declaration>
                    <declarationRequestId>XML-0002</declarationRequestId>
                    <customsCode>ZONGSHU</customsCode>
                    <amount>5</amount>
                  </declaration>
                </declarations>
                """);
        Map<String, CSVRecord> rows = Inbox.byId(inbox().awaitResults("batch.xml"));
        assertThat(rows.get("XML-0001").get("status")).isEqualTo("ACCEPTED");
        assertThat(rows.get("XML-0002").get("status")).isEqualTo("INVALID");
        assertThat(rows.get("XML-0002").get("message")).isEqualTo("batch.xml line 11: paymentId: required");
        assertThat(journal.entries("alipay-plus.declare")).anySatisfy(e -> assertThat(e.request())
                .contains("\"buyerCertificate\":{\"certificateType\":\"ID_CARD\",\"certificateNo\":\"110101199003071234\","
                        + "\"holderName\":{\"fullName\":\"张三\"}}"));
    }

    @Test
    void sameRecordsDroppedAgainUnderAnotherNameAreNotDeclaredAgain() {
        inbox().drop("first.csv", Inbox.csv("AGAIN-0001,PAY-A-1,10.00", "AGAIN-0002,PAY-A-2,20.00"));
        inbox().awaitResults("first.csv");
        int declaresBefore = journal.entries("alipay-plus.declare").size();

        inbox().drop("second.csv", Inbox.csv("AGAIN-0002,PAY-A-2,20.00", "AGAIN-0001,PAY-A-1,10.00"));
        Map<String, CSVRecord> rows = Inbox.byId(inbox().awaitResults("second.csv"));

        assertThat(journal.entries("alipay-plus.declare")).hasSize(declaresBefore);
        assertThat(rows.get("AGAIN-0001").get("status")).isEqualTo("ACCEPTED");
        assertThat(rows.get("AGAIN-0001").get("message")).startsWith("already declared");
        assertThat(rows.get("AGAIN-0001").get("alipayDeclarationId")).isNotEmpty();
    }

    @Test
    void aChangedRecordUnderADeclaredIdIsRefusedNamingTheField() {
        inbox().drop("change-1.csv", Inbox.csv("CHANGE-0001,PAY-C-1,10.00"));
        inbox().awaitResults("change-1.csv");

        inbox().drop("change-2.csv", Inbox.csv("CHANGE-0001,PAY-C-9,10.00"));
        CSVRecord row = inbox().awaitResults("change-2.csv").get(0);
        assertThat(row.get("status")).isEqualTo("INVALID");
        assertThat(row.get("message")).contains("change-2.csv line 2", "already declared with different paymentId");
        assertThat(journal.entries("alipay-plus.declare")).filteredOn(e -> e.id().equals("CHANGE-0001")).hasSize(1);
    }

    @Test
    void aFileThatIsNotUtf8GoesToErrorWithItsReason() throws Exception {
        byte[] latin1 = "declarationRequestId,paymentId,customsCode,amount\nLATIN-0001,PAY-\u00e9,ZONGSHU,1.00\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        inbox().drop("latin1.csv", latin1);
        inbox().awaitMoved(inbox().error("latin1.csv"));
        assertThat(Files.readString(inbox().error("latin1.csv.reason.txt"))).isEqualTo("latin1.csv line 2 column 16: not UTF-8 text (byte 0xE9)\n");
        assertThat(inbox().results("latin1.csv")).doesNotExist();
    }

    @Test
    void garbageAndEmptyFilesGoToErrorAndTheApplicationGoesOn() throws Exception {
        inbox().drop("garbage.json", "declarationRequestId,paymentId\nx,y\n");
        inbox().drop("empty.csv", "");
        inbox().drop("notes.txt", "hello");
        inbox().awaitMoved(inbox().error("garbage.json"));
        inbox().awaitMoved(inbox().error("empty.csv"));
        inbox().awaitMoved(inbox().error("notes.txt"));
        assertThat(Files.readString(inbox().error("garbage.json.reason.txt"))).startsWith("garbage.json line 1 column 21: not valid JSON: Unrecognized token 'declarationRequestId'");
        assertThat(Files.readString(inbox().error("empty.csv.reason.txt"))).startsWith("empty.csv: the file is empty");
        assertThat(Files.readString(inbox().error("notes.txt.reason.txt"))).contains("unsupported file type");

        inbox().drop("after.csv", Inbox.csv("AFTER-0001,PAY-AF-1,1.00"));
        assertThat(inbox().awaitResults("after.csv").get(0).get("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void aHugeOrNulBearingInvalidIdOrGatewayIsEchoedOnlyAsFarAsItsColumn() {
        // the results row once carried a 1 MB id or gateway value back whole
        inbox().drop("huge-values.csv", "declarationRequestId,paymentId,customsCode,amount,gateway\n"
                + "I".repeat(1 << 20) + ",PAY-HUGE-1,ZONGSHU,1.00,\n"
                + "HUGE-000002,PAY-HUGE-2,ZONGSHU,1.00," + "g".repeat(1 << 20) + "\n"
                + "NUL\u0000ID-3,PAY\u0000-3,ZONGSHU,1.00,\n");

        List<CSVRecord> rows = inbox().awaitResults("huge-values.csv");

        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("INVALID"));
        Map<String, CSVRecord> byRecord = rows.stream().collect(Collectors.toMap(r -> r.get("record"), r -> r));
        assertThat(byRecord.get("1").get("declarationRequestId")).isEqualTo("I".repeat(256));
        assertThat(byRecord.get("1").get("message")).contains("declarationRequestId \"IIII").hasSizeLessThan(300);
        assertThat(byRecord.get("2").get("declarationRequestId")).isEqualTo("HUGE-000002");
        assertThat(byRecord.get("2").get("gateway")).isEqualTo("g".repeat(16));
        // a NUL is kept out of the ledger (PostgreSQL refuses it) and out of the results
        assertThat(byRecord.get("3").get("declarationRequestId")).isEqualTo("NUL?ID-3");
    }
}
