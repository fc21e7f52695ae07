package org.customsbridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.customsbridge.testsupport.Failures.messages;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Black-box: order files put on a real SFTP server (Apache MINA SSHD, key and password logins,
 * host key checked against a known_hosts file), results read back from the server and from the
 * local outbox, failures read from the server's .error folder and from health.
 */
class SftpIntakeFlowTest {

    @TempDir
    Path root;

    @Test
    void aRemoteFileIsDeclaredAndItsResultsGoBackToTheServer() {
        try (SftpServer sftp = new SftpServer(root); Bundle bundle = Bundle.start(root, sftp.settings())) {
            sftp.drop("orders.csv", Inbox.csv("SFTP-000001,PAY-F-1,10.00", "SFTP-000002,PAY-F-2,1.001"));

            Path remoteResults = sftp.file("results/orders.csv.results.csv");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(sftp.file("inbox/.done/orders.csv")));
            assertThat(remoteResults).exists();
            Map<String, CSVRecord> remote = Inbox.byId(rows(remoteResults));
            assertThat(remote.get("SFTP-000001").get("status")).isEqualTo("ACCEPTED");
            assertThat(remote.get("SFTP-000002").get("status")).isEqualTo("INVALID");
            assertThat(remote.get("SFTP-000002").get("message")).isEqualTo("orders.csv line 3: amount \"1.001\": at most 2 decimals");
            assertThat(Inbox.byId(Inbox.under(root).awaitResults("orders.csv"))).containsOnlyKeys(remote.keySet());
            assertThat(sftp.file("inbox/orders.csv")).doesNotExist();
            // the local copy is gone once the file is settled
            await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(root.resolve("sftp-staging/orders.csv")));
            // no hidden upload left behind
            assertThat(sftp.file("results").toFile().list()).containsExactly("orders.csv.results.csv");

            JsonNode health = bundle.http().get("/actuator/health/sftp").json();
            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(health.get("details").get("server").asText()).endsWith("@127.0.0.1:" + sftp.settings()
                    .get("customs.intake.sftp.port") + "/inbox");

            // the same file again: read again, declared once
            sftp.drop("orders.csv", Inbox.csv("SFTP-000001,PAY-F-1,10.00"));
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(sftp.file("inbox/orders.csv")) == false
                    && rows(remoteResults).size() == 1);
            assertThat(rows(remoteResults).get(0).get("message")).startsWith("already declared");
            assertThat(bundle.journal().entries("alipay-plus.declare")).filteredOn(e ->
                    e.request().contains("SFTP-000001")).hasSize(1);
        }
    }

    @Test
    void anUnreadableRemoteFileGoesToTheServersErrorFolderWithItsReason() throws IOException {
        try (SftpServer sftp = new SftpServer(root); Bundle bundle = Bundle.start(root, sftp.settings())) {
            sftp.drop("empty.csv", "");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(sftp.file("inbox/.error/empty.csv")));
            Path reason = sftp.file("inbox/.error/empty.csv.reason.txt");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(reason));
            assertThat(Files.readString(reason)).startsWith("empty.csv");
            assertThat(sftp.file("inbox/empty.csv")).doesNotExist();
        }
    }

    @Test
    void aPasswordWithUriCharactersLogsIn() {
        try (SftpServer sftp = new SftpServer(root)) {
            Map<String, String> settings = new HashMap<>(sftp.settings());
            settings.remove("customs.intake.sftp.private-key");
            settings.put("customs.intake.sftp.password", SftpServer.PASSWORD);
            try (Bundle bundle = Bundle.start(root, settings)) {
                sftp.drop("pw.csv", Inbox.csv("SFTP-PW-0001,PAY-P-1,1.00"));
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(sftp.file("results/pw.csv.results.csv")));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong password|customs.intake.sftp.user, customs.intake.sftp.password / customs.intake.sftp.private-key",
        "unknown host key|customs.intake.sftp.known-hosts-file",
    })
    void aServerTheBundleCannotLogInToIsDownInHealthNamingThePropertyAndNoFileIsTouched(String fault, String property)
            throws Exception {
        try (SftpServer sftp = new SftpServer(root)) {
            Map<String, String> settings = new HashMap<>(sftp.settings());
            if (fault.equals("wrong password")) {
                settings.remove("customs.intake.sftp.private-key");
                settings.put("customs.intake.sftp.password", "wrong");
            } else {
                Path otherKey = root.resolve("other_known_hosts");
                Files.writeString(otherKey, sftp.knownHostsLine(SftpServer.ecKeyPair().getPublic()));
                settings.put("customs.intake.sftp.known-hosts-file", otherKey.toString());
            }
            sftp.drop("waiting.csv", Inbox.csv("SFTP-W-00001,PAY-W-1,1.00"));
            try (Bundle bundle = Bundle.start(root, settings)) {
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        bundle.http().get("/actuator/health/sftp").status() == 503);
                JsonNode details = bundle.http().get("/actuator/health/sftp").json().get("details");
                assertThat(details.get("property").asText()).isEqualTo(property);
                assertThat(details.get("error").asText()).isNotBlank().doesNotContain(SftpServer.PASSWORD);
                assertThat(details.get("failuresInARow").asInt()).isPositive();
                assertThat(sftp.file("inbox/waiting.csv")).exists();
                assertThat(Inbox.under(root).results("waiting.csv")).doesNotExist();
            }
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "customs.intake.sftp.user|''|customs.intake.sftp.user: required",
        "customs.intake.sftp.port|0|customs.intake.sftp.port: 1 to 65535",
        "customs.intake.sftp.private-key|/nonexistent/key|customs.intake.sftp.private-key: no readable key file",
        "customs.intake.sftp.known-hosts-file|''|customs.intake.sftp.known-hosts-file: required",
        "customs.intake.sftp.known-hosts-file|/nonexistent/known_hosts|customs.intake.sftp.known-hosts-file: no readable file",
        "customs.intake.sftp.poll-delay|soon|customs.intake.sftp.poll-delay: not a duration",
    })
    void aBadSftpSettingStopsStartUpNamingIt(String property, String value, String message) {
        try (SftpServer sftp = new SftpServer(root)) {
            Map<String, String> settings = new HashMap<>(sftp.settings());
            settings.put(property, value);
            assertThatThrownBy(() -> Bundle.start(root, settings))
                    .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.contains(message)));
        }
    }

    private static List<CSVRecord> rows(Path results) {
        try (Reader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
