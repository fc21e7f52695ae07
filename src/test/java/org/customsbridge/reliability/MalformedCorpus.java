package org.customsbridge.reliability;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.customsbridge.record.Fields;

/**
 * A deterministic corpus of broken inputs (seeded Random): files whose records are broken one by one
 * (wrong types, bad amounts and currencies, overlong and huge fields, formula-injection strings,
 * nested JSON and XML), and files that are broken as a whole (truncated at a random byte, not UTF-8,
 * empty, BOMs, bad headers, 100,000-deep JSON, billion laughs, external entities).
 */
final class MalformedCorpus {

    /** Where a file must end: {@code .done/} with a results file, {@code .error/} with a reason, or either. */
    enum Outcome { DONE, ERROR, EITHER }

    /**
     * One input file.
     *
     * @param malformations broken inputs it holds (one per broken record, or one for a file broken as a whole)
     * @param records       records the results file must have, or -1 when the file may be cut anywhere
     * @param reason        text the {@code .error/} reason must contain, or null
     * @param invalid       per record position, a text its INVALID message must contain (the field or rule)
     */
    record CorpusFile(String name, byte[] content, Outcome outcome, int malformations, int records, String reason,
                      Map<Long, String> invalid) {
    }

    static final String[] FORMULAS = {
        "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://127.0.0.1/x\",\"click\")", "+SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1+1",
        "=DDE(\"cmd\";\"/C calc\";\"x\")", "-A1", "+A1", "@A1",
    };

    /** The fields every gateway reads (WeChat Pay's own ones are ignored by the others, so a broken one is no fault here). */
    private static final List<String> HEADER = Fields.ALL.stream().filter(name -> !List.of(Fields.MERCHANT_ORDER_NO,
            Fields.PRODUCT_FEE, Fields.TRANSPORT_FEE, Fields.DUTY).contains(name)).toList();
    private final Random random = new Random(20261125L);
    private final int trapPort;
    private final List<CorpusFile> files = new ArrayList<>();

    private MalformedCorpus(int trapPort) {
        this.trapPort = trapPort;
    }

    /** The corpus; external entities point at {@code 127.0.0.1:trapPort}, which must never be connected. */
    static List<CorpusFile> generate(int trapPort) {
        MalformedCorpus corpus = new MalformedCorpus(trapPort);
        corpus.wrongTypes();
        corpus.formulas();
        corpus.hugeFields();
        corpus.wideAndLong();
        corpus.jsonRecords();
        corpus.jsonLines();
        corpus.xmlRecords();
        corpus.lineEndings();
        corpus.truncated();
        corpus.encodings();
        corpus.emptyAndHeaders();
        corpus.wholeFileJson();
        corpus.wholeFileXml();
        return corpus.files;
    }

    // ---- broken record by record -------------------------------------------------------------

    private record Mutation(String field, String value, String expected) {
    }

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation(Fields.AMOUNT, "abc", "amount"), new Mutation(Fields.AMOUNT, "1,00", "amount"),
            new Mutation(Fields.AMOUNT, "1.00 CNY", "amount"), new Mutation(Fields.AMOUNT, "CNY 1.00", "amount"),
            new Mutation(Fields.AMOUNT, "$1.00", "amount"), new Mutation(Fields.AMOUNT, "¥1.00", "amount"),
            new Mutation(Fields.AMOUNT, "USD1", "amount"), new Mutation(Fields.AMOUNT, "1e3", "amount"),
            new Mutation(Fields.AMOUNT, "0x10", "amount"), new Mutation(Fields.AMOUNT, "-1.00", "amount"),
            new Mutation(Fields.AMOUNT, "0", "amount"), new Mutation(Fields.AMOUNT, "0.00", "amount"),
            new Mutation(Fields.AMOUNT, "1.234", "amount"), new Mutation(Fields.AMOUNT, "NaN", "amount"),
            new Mutation(Fields.AMOUNT, "Infinity", "amount"), new Mutation(Fields.AMOUNT, "１.００", "amount"),
            new Mutation(Fields.AMOUNT, "٣", "amount"), new Mutation(Fields.AMOUNT, ".5", "amount"),
            new Mutation(Fields.AMOUNT, "5.", "amount"), new Mutation(Fields.AMOUNT, "+1.00", "amount"),
            new Mutation(Fields.AMOUNT, "1..0", "amount"), new Mutation(Fields.AMOUNT, "2026-11-25", "amount"),
            new Mutation(Fields.AMOUNT, "25/11/2026", "amount"), new Mutation(Fields.AMOUNT, "123456789012345678.12",
                    "amount"), new Mutation(Fields.AMOUNT, "", "amount: required"),
            new Mutation(Fields.DECLARATION_REQUEST_ID, "short", "declarationRequestId"),
            new Mutation(Fields.DECLARATION_REQUEST_ID, "has space 123", "declarationRequestId"),
            new Mutation(Fields.DECLARATION_REQUEST_ID, "id/with/slash", "declarationRequestId"),
            new Mutation(Fields.DECLARATION_REQUEST_ID, "ümlaut-123", "declarationRequestId"),
            new Mutation(Fields.DECLARATION_REQUEST_ID, "X".repeat(33), "declarationRequestId"),
            new Mutation(Fields.DECLARATION_REQUEST_ID, "DEC\u0000NUL-1", "declarationRequestId"),
            new Mutation(Fields.DECLARATION_REQUEST_ID, "DEC';DROP TABLE declaration;--", "declarationRequestId"),
            new Mutation(Fields.DECLARATION_REQUEST_ID, "", "declarationRequestId: required"),
            new Mutation(Fields.PAYMENT_ID, "P".repeat(65), "paymentId"),
            new Mutation(Fields.PAYMENT_ID, "", "paymentId: required"),
            new Mutation(Fields.CUSTOMS_CODE, "C".repeat(21), "customsCode"),
            new Mutation(Fields.CUSTOMS_CODE, "", "customsCode: required"),
            new Mutation(Fields.MERCHANT_CUSTOMS_CODE, "M".repeat(21), "merchantCustomsCode"),
            new Mutation(Fields.MERCHANT_CUSTOMS_NAME, "N".repeat(257), "merchantCustomsName"),
            new Mutation(Fields.SPLIT, "yes", "split"), new Mutation(Fields.SPLIT, "1", "split"),
            new Mutation(Fields.SPLIT, "T", "split"),
            new Mutation(Fields.BUYER_NAME, "B".repeat(65), "buyerName"),
            new Mutation(Fields.BUYER_ID_NO, "9".repeat(33), "buyerIdNo"),
            new Mutation(Fields.BUYER_ID_NO, "", "buyerIdNo: required"),
            new Mutation(Fields.GATEWAY, "alipay", "gateway"), new Mutation(Fields.GATEWAY, "MAPI", "gateway"),
            new Mutation(Fields.GATEWAY, "paypal", "gateway"));

    private Map<String, String> validRecord(String id) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put(Fields.DECLARATION_REQUEST_ID, id);
        record.put(Fields.PAYMENT_ID, "PAY-" + id);
        record.put(Fields.CUSTOMS_CODE, "ZONGSHU");
        record.put(Fields.MERCHANT_CUSTOMS_CODE, "hanguo");
        record.put(Fields.MERCHANT_CUSTOMS_NAME, "jwyhanguo_card");
        record.put(Fields.AMOUNT, (1 + random.nextInt(999)) + "." + (10 + random.nextInt(90)));
        record.put(Fields.SPLIT, "false");
        record.put(Fields.SUB_ORDER_ID, "");
        record.put(Fields.BUYER_NAME, "Zhang San");
        record.put(Fields.BUYER_ID_NO, "110101199003070000");
        record.put(Fields.GATEWAY, random.nextBoolean() ? "alipay-plus" : "mapi");
        return record;
    }

    /** 400 CSV records, each with one wrong value (wrong type, currency, date, length, charset, rule). */
    private void wrongTypes() {
        List<Map<String, String>> records = new ArrayList<>();
        Map<Long, String> invalid = new LinkedHashMap<>();
        for (int i = 1; i <= 400; i++) {
            Map<String, String> record = validRecord("TYP-%06d".formatted(i));
            Mutation mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
            if (mutation.field().equals(Fields.SPLIT) && random.nextBoolean()) {
                record.put(Fields.SPLIT, "true");   // split without the sub-order it needs
                mutation = new Mutation(Fields.SUB_ORDER_ID, "", "subOrderId: required");
            }
            record.put(mutation.field(), mutation.value());
            records.add(record);
            invalid.put((long) i, mutation.expected());
        }
        files.add(new CorpusFile("wrong-types.csv", csv(HEADER, records), Outcome.DONE, 400, 400, null, invalid));
    }

    /** 200 CSV records with formula-injection strings in every text field; some valid, some not. */
    private void formulas() {
        List<Map<String, String>> records = new ArrayList<>();
        Map<Long, String> invalid = new LinkedHashMap<>();
        for (int i = 1; i <= 200; i++) {
            String id = switch (i % 3) {
                case 0 -> "-A1-B%04d".formatted(i);   // a valid id that a spreadsheet would take for a formula
                case 1 -> "FRM-%06d".formatted(i);
                default -> "=A1+%d".formatted(i);      // an invalid id, echoed in the message
            };
            Map<String, String> record = validRecord(id);
            for (String field : List.of(Fields.PAYMENT_ID, Fields.CUSTOMS_CODE, Fields.MERCHANT_CUSTOMS_CODE,
                    Fields.MERCHANT_CUSTOMS_NAME, Fields.BUYER_NAME, Fields.BUYER_ID_NO, Fields.SUB_ORDER_ID)) {
                String formula = FORMULAS[random.nextInt(FORMULAS.length)];
                record.put(field, formula.length() > 20 ? formula.substring(0, 20) : formula);
            }
            if (i % 4 == 0) {
                record.put(Fields.AMOUNT, FORMULAS[random.nextInt(FORMULAS.length)]);
                invalid.put((long) i, "amount");
            }
            if (i % 3 == 2) {
                invalid.put((long) i, "declarationRequestId");
            }
            records.add(record);
        }
        files.add(new CorpusFile("formulas.csv", csv(HEADER, records), Outcome.DONE, 200, 200, null, invalid));
        // the file name is echoed at the start of every message
        List<Map<String, String>> one = List.of(Map.of(Fields.DECLARATION_REQUEST_ID, "FNAME-000001",
                Fields.AMOUNT, "=1+1"));
        files.add(new CorpusFile("=cmd|' calc'!A0.csv", csv(List.of(Fields.DECLARATION_REQUEST_ID, Fields.AMOUNT), one),
                Outcome.DONE, 1, 1, null, Map.of(1L, "amount")));
    }

    /** 20 records with one field of 1 MB each. */
    private void hugeFields() {
        List<Map<String, String>> records = new ArrayList<>();
        Map<Long, String> invalid = new LinkedHashMap<>();
        for (int i = 1; i <= 20; i++) {
            Map<String, String> record = validRecord("HUGE-%06d".formatted(i));
            String field = HEADER.get(random.nextInt(HEADER.size()));
            if (field.equals(Fields.SUB_ORDER_ID)) {
                record.put(Fields.SPLIT, "true");
            }
            record.put(field, letters(1 << 20));
            records.add(record);
            invalid.put((long) i, field);
        }
        files.add(new CorpusFile("huge-fields.csv", csv(HEADER, records), Outcome.DONE, 20, 20, null, invalid));
    }

    /** 10,000 columns; a 5 MB line; a quote that is never closed, running on for 96 MB. */
    private void wideAndLong() {
        List<String> header = new ArrayList<>(HEADER);
        for (int i = 1; i <= 10_000; i++) {
            header.add("extra" + i);
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Map<String, String> record = validRecord("WIDE-%06d".formatted(i));
            for (int c = 1; c <= 10_000; c++) {
                record.put("extra" + c, Integer.toString(c));
            }
            records.add(record);
        }
        files.add(new CorpusFile("ten-thousand-columns.csv", csv(header, records), Outcome.DONE, 1, 5, null, Map.of()));

        String longLine = "declarationRequestId,paymentId,customsCode,amount\nLONG-000001,PAY-1,ZONGSHU,"
                + "9".repeat(5 << 20) + "\n";
        files.add(error("five-megabyte-line.csv", bytes(longLine), "line 2: a record longer than"));

        StringBuilder unclosed = new StringBuilder("declarationRequestId,paymentId,customsCode,amount\n"
                + "OPEN-000001,PAY-1,ZONGSHU,1.00\nOPEN-000002,\"PAY-2,ZONGSHU,1.00\n");
        String filler = "OPEN-000003,PAY-3,ZONGSHU,1.00\n".repeat(1000);
        while (unclosed.length() < 96 << 20) {
            unclosed.append(filler);
        }
        files.add(error("runaway-quote.csv", bytes(unclosed.toString()), "line 3: a record longer than"));
    }

    /** A JSON array of 100 records broken one by one: wrong types, nesting, non-objects, huge strings. */
    private void jsonRecords() {
        StringBuilder json = new StringBuilder("[\n");
        Map<Long, String> invalid = new LinkedHashMap<>();
        for (int i = 1; i <= 100; i++) {
            String id = "\"JSN-%06d\"".formatted(i);
            String[] broken = {
                "{\"declarationRequestId\":" + id + ",\"paymentId\":\"P1\",\"customsCode\":\"ZONGSHU\",\"amount\":{\"value\":1}}",
                "{\"declarationRequestId\":" + id + ",\"paymentId\":\"P1\",\"customsCode\":\"ZONGSHU\",\"amount\":[1,2]}",
                "{\"declarationRequestId\":" + id + ",\"paymentId\":\"P1\",\"customsCode\":\"ZONGSHU\",\"amount\":true}",
                "{\"declarationRequestId\":" + id + ",\"paymentId\":\"P1\",\"customsCode\":\"ZONGSHU\",\"amount\":null}",
                "{\"declarationRequestId\":" + id + ",\"paymentId\":\"P1\",\"customsCode\":\"ZONGSHU\",\"amount\":1e400}",
                "{\"declarationRequestId\":" + id + ",\"paymentId\":\"P1\",\"customsCode\":\"ZONGSHU\",\"amount\":1.0000000000000001}",
                "{\"declarationRequestId\":" + id + ",\"paymentId\":\"P1\",\"customsCode\":\"ZONGSHU\",\"amount\":-5}",
                "{\"declarationRequestId\":" + id + ",\"paymentId\":\"P1\",\"customsCode\":\"ZONGSHU\",\"amount\":\"1.00\","
                        + "\"merchantCustomsName\":\"" + letters(1 << 20) + "\"}",
                "{\"declarationRequestId\":" + id + ",\"paymentId\":12345678901234567890123456789012345678901234567890"
                        + "12345678901234567890,\"customsCode\":\"ZONGSHU\",\"amount\":\"1.00\"}",
                "{\"declarationRequestId\":" + id + ",\"paymentId\":\"P1\",\"customsCode\":{\"a\":{\"b\":[[[1]]]}},"
                        + "\"amount\":\"1.00\"}",
                "42", "\"a string\"", "null", "[1,2,3]",
            };
            String[] expected = {"amount", "amount", "amount", "amount: required", "amount", "amount", "amount",
                "merchantCustomsName", "paymentId", "customsCode", "JSON object", "JSON object", "JSON object",
                "JSON object"};
            int pick = random.nextInt(broken.length);
            json.append(broken[pick]).append(i < 100 ? ",\n" : "\n");
            invalid.put((long) i, expected[pick]);
        }
        json.append("]\n");
        files.add(new CorpusFile("records.json", bytes(json.toString()), Outcome.DONE, 100, 100, null, invalid));
    }

    /** 100 JSON lines broken one by one: cut lines, non-objects, 100,000-deep nesting, 2 MB strings. */
    private void jsonLines() {
        StringBuilder jsonl = new StringBuilder("{\"declarationRequestId\":\"JSL-000001\",\"amount\":\"x\"}\n");
        Map<Long, String> invalid = new LinkedHashMap<>();
        invalid.put(1L, "amount");
        for (int i = 2; i <= 100; i++) {
            String id = "\"JSL-%06d\"".formatted(i);
            String[] broken = {
                "{\"declarationRequestId\":" + id + ",\"amount\":\"1.0",
                "{\"declarationRequestId\":" + id + ",\"amount\":" + "[".repeat(100_000),
                "[" + id + "]",
                "{\"declarationRequestId\":" + id + ",\"paymentId\":\"" + letters(2 << 20) + "\"}",
                "{\"declarationRequestId\":" + id + ",\"amount\":\"1.00\",\"amount\":\"=1+1\"}",
                "{declarationRequestId:" + id + "}",
                "\u0000\u0001\u0002",
            };
            String[] expected = {"JSON", "JSON", "JSON object", "paymentId", "amount", "JSON", "JSON"};
            int pick = random.nextInt(broken.length);
            jsonl.append(broken[pick]).append('\n');
            invalid.put((long) i, expected[pick]);
        }
        files.add(new CorpusFile("records.jsonl", bytes(jsonl.toString()), Outcome.DONE, 100, 100, null, invalid));
    }

    /** 100 XML declarations broken one by one: nested elements, wrong values, CDATA formulas, 1 MB text. */
    private void xmlRecords() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<declarations>\n");
        Map<Long, String> invalid = new LinkedHashMap<>();
        for (int i = 1; i <= 100; i++) {
            String id = "<declarationRequestId>XML-%06d</declarationRequestId>".formatted(i);
            String[] broken = {
                id + "<paymentId>P1</paymentId><customsCode>ZONGSHU</customsCode><amount><value>1</value></amount>",
                id + "<paymentId>P1</paymentId><customsCode>ZONGSHU</customsCode><amount>"
                        + "<a>".repeat(500) + "</a>".repeat(500) + "</amount>",
                id + "<paymentId>P1</paymentId><customsCode>ZONGSHU</customsCode><amount>one</amount>",
                id + "<paymentId>P1</paymentId><customsCode>ZONGSHU</customsCode><amount><![CDATA[=cmd|' /C calc'!A0]]>"
                        + "</amount>",
                id + "<paymentId>P1</paymentId><customsCode>ZONGSHU</customsCode><amount>1.00</amount>"
                        + "<split>maybe</split>",
                "<paymentId>P1</paymentId><customsCode>ZONGSHU</customsCode><amount>1.00</amount>",
                id + "<paymentId>" + letters(1 << 20) + "</paymentId><customsCode>ZONGSHU</customsCode>"
                        + "<amount>1.00</amount>",
            };
            String[] expected = {"amount", "amount", "amount", "amount", "split", "declarationRequestId: required",
                "paymentId"};
            int pick = random.nextInt(broken.length);
            xml.append("<declaration>").append(broken[pick]).append("</declaration>\n");
            invalid.put((long) i, expected[pick]);
        }
        xml.append("</declarations>\n");
        files.add(new CorpusFile("records.xml", bytes(xml.toString()), Outcome.DONE, 100, 100, null, invalid));
    }

    /** 50 CSV records with CRLF, LF and CR line ends mixed. */
    private void lineEndings() {
        StringBuilder csv = new StringBuilder("declarationRequestId,paymentId,customsCode,amount\r\n");
        String[] ends = {"\r\n", "\n", "\r"};
        Map<Long, String> invalid = new LinkedHashMap<>();
        for (int i = 1; i <= 50; i++) {
            boolean bad = i % 5 == 0;
            csv.append("EOL-%06d,PAY-EOL-%d,ZONGSHU,%s".formatted(i, i, bad ? "1.2.3" : "1.00"))
                    .append(ends[random.nextInt(ends.length)]);
            if (bad) {
                invalid.put((long) i, "amount");
            }
        }
        files.add(new CorpusFile("mixed-line-ends.csv", bytes(csv.toString()), Outcome.DONE, 50, 50, null, invalid));
    }

    // ---- broken as a whole -------------------------------------------------------------------

    /** Good files of each format cut at a random byte (also inside a multi-byte character). */
    private void truncated() {
        for (int n = 1; n <= 15; n++) {
            List<Map<String, String>> records = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                Map<String, String> record = validRecord("CUT%02d-%06d".formatted(n, i));
                record.put(Fields.MERCHANT_CUSTOMS_NAME, "汉果跨境电商");
                records.add(record);
            }
            cut("truncated-%02d.csv".formatted(n), csv(HEADER, records));
            cut("truncated-%02d.json".formatted(n), bytes(json(records)));
            cut("truncated-%02d.jsonl".formatted(n), bytes(jsonLines(records)));
            cut("truncated-%02d.xml".formatted(n), bytes(xml(records)));
        }
    }

    private void cut(String name, byte[] whole) {
        byte[] part = Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 2));
        files.add(new CorpusFile(name, part, Outcome.EITHER, 1, -1, null, Map.of()));
    }

    private void encodings() {
        String text = "declarationRequestId,paymentId,customsCode,merchantCustomsName,amount\n"
                + "ENC-000001,PAY-1,ZONGSHU,Müller Straße GmbH,1.00\n";
        files.add(error("latin1.csv", text.getBytes(StandardCharsets.ISO_8859_1), "not UTF-8"));
        files.add(error("windows-1252-quotes.csv", withBytes("declarationRequestId,amount\nENC-000002,", 0x93, '1', 0x94),
                "not UTF-8"));
        files.add(error("utf-16le-bom.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                text.getBytes(StandardCharsets.UTF_16LE)), "not UTF-8"));
        files.add(error("utf-16be-bom.json", concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                "[{\"declarationRequestId\":\"ENC-000003\"}]".getBytes(StandardCharsets.UTF_16BE)), "not UTF-8"));
        files.add(new CorpusFile("utf-16le-no-bom.csv", text.getBytes(StandardCharsets.UTF_16LE), Outcome.EITHER, 1,
                -1, null, Map.of()));
        files.add(new CorpusFile("utf-16be-no-bom.xml", ("<declarations><declaration><amount>1</amount>"
                + "</declaration></declarations>").getBytes(StandardCharsets.UTF_16BE), Outcome.EITHER, 1, -1, null, Map.of()));
        int[][] sequences = {{0xC0, 0xAF}, {0x80}, {0xE4, 0xB8}, {0xED, 0xA0, 0x80}, {0xFF}, {0xF8, 0x88, 0x80, 0x80, 0x80},
            {0xF4, 0x90, 0x80, 0x80}};
        Map<String, Function<String, String>> formats = Map.of(
                "csv", value -> "declarationRequestId,paymentId,customsCode,amount\nENC-000004,PAY-" + value + ",ZONGSHU,1.00\n",
                "json", value -> "[{\"declarationRequestId\":\"ENC-000005\",\"paymentId\":\"PAY-" + value + "\"}]",
                "jsonl", value -> "{\"declarationRequestId\":\"ENC-000006\",\"paymentId\":\"PAY-" + value + "\"}\n",
                "xml", value -> "<declarations><declaration><paymentId>PAY-" + value
                        + "</paymentId></declaration></declarations>");
        for (int s = 0; s < sequences.length; s++) {
            for (String format : List.of("csv", "json", "jsonl", "xml")) {
                String[] around = formats.get(format).apply("\u0001").split("\u0001");
                byte[] bad = new byte[sequences[s].length];
                for (int b = 0; b < bad.length; b++) {
                    bad[b] = (byte) sequences[s][b];
                }
                files.add(error("bad-utf8-%d.%s".formatted(s + 1, format),
                        concat(concat(bytes(around[0]), bad), bytes(around[1])), "not UTF-8"));
            }
        }
        for (int g = 1; g <= 4; g++) {
            byte[] garbage = new byte[1000 + random.nextInt(50_000)];
            random.nextBytes(garbage);
            files.add(new CorpusFile("random-bytes-%d.%s".formatted(g, List.of("csv", "json", "jsonl", "xml").get(g - 1)),
                    garbage, Outcome.ERROR, 1, -1, null, Map.of()));
        }
    }

    private void emptyAndHeaders() {
        for (String ext : List.of("csv", "json", "jsonl", "xml")) {
            files.add(error("empty." + ext, new byte[0], "empty"));
            files.add(new CorpusFile("bom-only." + ext, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    Outcome.ERROR, 1, -1, null, Map.of()));
            files.add(new CorpusFile("blank." + ext, bytes(" \r\n\t\n"), Outcome.ERROR, 1, -1, null, Map.of()));
        }
        files.add(new CorpusFile("bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                bytes("declarationRequestId,paymentId,customsCode,amount\nBOM-000001,PAY-BOM-1,ZONGSHU,x\n")),
                Outcome.DONE, 1, 1, null, Map.of(1L, "amount")));
        files.add(new CorpusFile("bom.json", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                bytes("[{\"declarationRequestId\":\"BOM-000002\",\"amount\":\"x\"}]")),
                Outcome.DONE, 1, 1, null, Map.of(1L, "amount")));
        files.add(new CorpusFile("double-bom.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF,
                (byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("declarationRequestId,amount\nBOM-000003,1.00\n")),
                Outcome.EITHER, 1, -1, null, Map.of()));
        files.add(error("duplicate-header.csv", bytes("declarationRequestId,amount,amount\nDUP-000001,1.00,2.00\n"),
                "amount twice"));
        files.add(error("unnamed-column.csv", bytes("declarationRequestId,,amount\nDUP-000002,x,1.00\n"), "no name"));
        files.add(error("header-only.csv", bytes("declarationRequestId,paymentId,customsCode,amount\n"), "no records"));
        files.add(new CorpusFile("missing-header.csv", bytes("MISS-000001,PAY-MISS-1,ZONGSHU,1.00\n"
                + "MISS-000002,PAY-MISS-2,ZONGSHU,2.00\nMISS-000003,PAY-MISS-3,ZONGSHU,3.00\n"),
                Outcome.DONE, 1, 2, null, Map.of(1L, "declarationRequestId: required",
                2L, "declarationRequestId: required")));
        files.add(error("orders.txt", bytes("declarationRequestId,amount\nTXT-000001,1.00\n"), "unsupported file type"));
        files.add(error("no-extension", bytes("declarationRequestId,amount\nTXT-000002,1.00\n"), "unsupported file type"));
    }

    private void wholeFileJson() {
        files.add(error("deep-array.json", bytes("[".repeat(100_000)), "JSON"));
        files.add(error("deep-object.json", bytes("[{\"amount\":" + "{\"a\":".repeat(100_000)), "JSON"));
        files.add(error("deep-closed.json", bytes("[{\"amount\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}]"),
                "JSON"));
        files.add(error("object-not-array.json", bytes("{\"declarationRequestId\":\"OBJ-000001\"}"), "JSON array"));
        files.add(error("string.json", bytes("\"declarations\""), "JSON array"));
        files.add(error("text-after.json", bytes("[{\"declarationRequestId\":\"AFT-000001\"}] trailing"), "JSON"));
        files.add(error("not-json.json", bytes("declarationRequestId,amount\nNJ-000001,1.00\n"), "JSON"));
        files.add(error("broken-first-line.jsonl", bytes("{\"declarationRequestId\":\n{\"amount\":1}\n"), "JSON"));
    }

    private void wholeFileXml() {
        String trap = "http://127.0.0.1:" + trapPort;
        String body = "<declarations><declaration><declarationRequestId>&xxe;</declarationRequestId>"
                + "<amount>1.00</amount></declaration></declarations>";
        files.add(error("billion-laughs.xml", bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE declarations [\n"
                + "<!ENTITY lol \"lol\">\n"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                + "<!ENTITY xxe \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n]>\n" + body),
                "DOCTYPE"));
        files.add(error("xxe-file.xml", bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE declarations [\n"
                + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n" + body), "DOCTYPE"));
        files.add(error("xxe-http.xml", bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE declarations [\n"
                + "<!ENTITY xxe SYSTEM \"" + trap + "/entity\">\n]>\n" + body), "DOCTYPE"));
        files.add(error("xxe-parameter.xml", bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE declarations [\n"
                + "<!ENTITY % remote SYSTEM \"" + trap + "/parameter.dtd\">\n%remote;\n]>\n" + body), "DOCTYPE"));
        files.add(error("external-dtd.xml", bytes("<?xml version=\"1.0\"?>\n<!DOCTYPE declarations SYSTEM \""
                + trap + "/declarations.dtd\">\n" + body), "DOCTYPE"));
        files.add(new CorpusFile("xinclude.xml", bytes("<declarations xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<declaration><declarationRequestId>XINC-000001</declarationRequestId>"
                + "<xi:include href=\"" + trap + "/include\" parse=\"text\"/><amount>x</amount></declaration>"
                + "</declarations>"), Outcome.DONE, 1, 1, null, Map.of(1L, "amount")));
        files.add(new CorpusFile("undeclared-entity.xml", bytes(body), Outcome.EITHER, 1, -1, null, Map.of()));
        files.add(error("wrong-root.xml", bytes("<orders><declaration><amount>1</amount></declaration></orders>"),
                "root element"));
        files.add(error("text-outside.xml", bytes("<declarations>loose text<declaration><amount>1</amount>"
                + "</declaration></declarations>"), "text outside"));
        files.add(error("after-root.xml", bytes("<declarations><declaration><amount>1</amount></declaration>"
                + "</declarations><declarations/>"), null));
        files.add(error("mismatched-tags.xml", bytes("<declarations><declaration><amount>1</amt></declaration>"
                + "</declarations>"), "XML"));
        files.add(error("nul-reference.xml", bytes("<declarations><declaration><amount>&#0;</amount></declaration>"
                + "</declarations>"), "XML"));
        files.add(error("deep-inside.xml", bytes("<declarations><declaration><amount>" + "<a>".repeat(100_000)
                + "</a>".repeat(100_000) + "</amount></declaration></declarations>"), "Element Depth"));
        files.add(error("deep-outside.xml", bytes("<declarations>" + "<x>".repeat(100_000)), "declaration"));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static CorpusFile error(String name, byte[] content, String reason) {
        return new CorpusFile(name, content, Outcome.ERROR, 1, -1, reason, Map.of());
    }

    private String letters(int length) {
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(text);
    }

    private static byte[] csv(List<String> header, List<Map<String, String>> records) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
            for (Map<String, String> record : records) {
                printer.printRecord(header.stream().map(name -> record.getOrDefault(name, "")).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes(out.toString());
    }

    private static String json(List<Map<String, String>> records) {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < records.size(); i++) {
            json.append(jsonObject(records.get(i))).append(i < records.size() - 1 ? ",\n" : "\n");
        }
        return json.append("]\n").toString();
    }

    private static String jsonLines(List<Map<String, String>> records) {
        StringBuilder jsonl = new StringBuilder();
        records.forEach(record -> jsonl.append(jsonObject(record)).append('\n'));
        return jsonl.toString();
    }

    private static String jsonObject(Map<String, String> record) {
        StringBuilder object = new StringBuilder("{");
        record.forEach((name, value) -> object.append(object.length() > 1 ? "," : "").append('"').append(name)
                .append("\":\"").append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return object.append('}').toString();
    }

    private static String xml(List<Map<String, String>> records) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<declarations>\n");
        for (Map<String, String> record : records) {
            xml.append("  <declaration>");
            record.forEach((name, value) -> xml.append('<').append(name).append('>')
                    .append(value.replace("&", "&amp;").replace("<", "&lt;")).append("</").append(name).append('>'));
            xml.append("</declaration>\n");
        }
        return xml.append("</declarations>\n").toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withBytes(String prefix, int... raw) {
        byte[] tail = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            tail[i] = (byte) raw[i];
        }
        return concat(bytes(prefix), tail);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
