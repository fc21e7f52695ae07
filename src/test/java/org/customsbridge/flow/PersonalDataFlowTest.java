package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.testsupport.Buyers;
import org.customsbridge.testsupport.LedgerDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Buyer identities go to the gateway and nowhere else: with every logger at DEBUG, after declaring
 * records with a buyer (one accepted, one invalid for an overlong identity number, one without a
 * valid id), no ledger column, file the bundle wrote, log line or answer of the API holds a buyer's
 * name or identity number in clear.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataFlowTest {

    static final String NAME = Buyers.NAME;
    static final String ID_NO = Buyers.ID_NO;
    static final String OTHER_NAME = "Li Siguang";
    static final String LONG_ID_NO = "3201021988" + "0".repeat(30);

    @TempDir
    Path root;

    @Test
    void buyerIdentitiesAreNeverStoredOrShownInClear(CapturedOutput log) throws IOException {
        Inbox inbox = Inbox.under(root);
        // every logger at DEBUG, as captured from the console (a log file or console threshold would be
        // system properties that outlive this test's bundle)
        try (Bundle bundle = Bundle.start(root, Map.of("logging.level.root", "DEBUG"))) {
            inbox.drop("orders.csv", """
                    declarationRequestId,paymentId,customsCode,amount,buyerName,buyerIdNo,gateway,merchantOrderNo
                    PII-0001,PAY-PII-1,ZONGSHU,10.00,%s,%s,alipay-plus,
                    PII-0002,PAY-PII-2,ZONGSHU,20.00,%s,%s,alipay-plus,
                    bad id,PAY-PII-3,ZONGSHU,30.00,%s,%s,alipay-plus,
                    PII-0004,PAY-PII-4,ZONGSHU,40.00,%s,%s,mapi,
                    PII-0005,1000320306201511078440737895,ZONGSHU,50.00,%s,%s,wechat,ORDER-PII-5
                    """.formatted(NAME, ID_NO, OTHER_NAME, LONG_ID_NO, OTHER_NAME, LONG_ID_NO, NAME, ID_NO, NAME, ID_NO));
            Map<String, CSVRecord> results = Inbox.byId(inbox.awaitResults("orders.csv"));
            assertThat(results.get("PII-0001").get("status")).isEqualTo("ACCEPTED");
            assertThat(results.get("PII-0004").get("status")).isEqualTo("ACCEPTED");
            assertThat(results.get("PII-0005").get("status")).isEqualTo("ACCEPTED");
            assertThat(results.get("PII-0002").get("status")).isEqualTo("INVALID");
            assertThat(results.get("PII-0002").get("message")).contains("buyerIdNo: at most 32 characters");
            // the gateways did receive the identity
            assertThat(bundle.journal().entries("alipay-plus.declare")).singleElement()
                    .satisfies(call -> assertThat(call.request()).contains(ID_NO).contains(NAME));
            assertThat(bundle.journal().entries("mapi.declare")).singleElement()
                    .satisfies(call -> assertThat(call.request()).contains(ID_NO));
            assertThat(bundle.journal().entries("wechat.declare")).singleElement()
                    .satisfies(call -> assertThat(call.request()).contains("cert_id=" + ID_NO, "name=" + NAME));

            Http http = bundle.http();
            StringBuilder answers = new StringBuilder();
            for (String path : List.of("/api/declarations", "/api/declarations/PII-0001", "/api/declarations/PII-0002",
                    "/actuator/prometheus", "/actuator/health", "/simulator/journal")) {
                answers.append(http.get(path).body()).append('\n');
            }
            assertThat(answers).contains("PII-0001").contains("(personal)");
            assertThat(answers.toString()).as("API answers").satisfies(PersonalDataFlowTest::holdsNoIdentity);
            assertThat(LedgerDump.of(bundle.jdbc())).as("ledger").contains("PII-0002").satisfies(PersonalDataFlowTest::holdsNoIdentity);
        }
        assertThat(log.getAll()).as("DEBUG log").contains("DEBUG").contains("PII-0001")
                .satisfies(PersonalDataFlowTest::holdsNoIdentity);
        // every file the bundle wrote (results, status events, the ledger's own file), not the input it took
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(file -> !file.startsWith(root.resolve("inbox")))
                    .forEach(file -> assertThat(read(file)).as(root.relativize(file).toString())
                            .satisfies(PersonalDataFlowTest::holdsNoIdentity));
        }
    }

    static void holdsNoIdentity(String text) {
        assertThat(text).doesNotContain(NAME).doesNotContain(ID_NO).doesNotContain(OTHER_NAME)
                .doesNotContain(LONG_ID_NO).doesNotContain(LONG_ID_NO.substring(0, 18));
    }

    private static String read(Path file) {
        try {
            // binary files too (the H2 ledger's own): a name in it is valid UTF-8 among the rest
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
