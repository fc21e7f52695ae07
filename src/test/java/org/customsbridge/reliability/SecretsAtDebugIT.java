package org.customsbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Http;
import org.customsbridge.flow.Inbox;
import org.customsbridge.mapi.MapiApi;
import org.customsbridge.signing.PemKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets at DEBUG: the real jar runs with every logger at DEBUG, once with its keys in files and
 * once with them in environment variables, against a simulated Alipay in this JVM (which holds the
 * same throwaway keys). It declares on all three gateways (Alipay+ signed with the RSA key, MAPI with
 * the MD5 key, WeChat Pay with its API key), including calls that fail (HTTP 500, a forged answer
 * signature) and an invalid record. Then everything it wrote — console, log file, results, status
 * events, inbox folders, every exposed actuator endpoint — is searched for the private key (whole, in
 * pieces, as numbers), the MD5 key and the WeChat Pay API key.
 */
class SecretsAtDebugIT {

    private static final String MD5_KEY = "md5SECRETatDEBUG0123456789abcdef";
    private static final String WECHAT_KEY = "wxSECRETatDEBUG0123456789abcdef0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path gatewayRoot;

    @TempDir
    Path bundleRoot;

    @Test
    void keysFromFilesOrEnvironmentVariablesNeverShowAtDebug() throws Exception {
        try (Bundle gateway = startGateway()) {
            Path secrets = Files.createDirectories(bundleRoot.resolve("secrets"));
            Path md5File = Files.writeString(secrets.resolve("mapi-md5.key"), MD5_KEY + "\n");
            Path wechatFile = Files.writeString(secrets.resolve("wechat-api.key"), WECHAT_KEY + "\n");
            Map<String, String> fromFiles = properties(gateway, "files");
            fromFiles.put("customs.alipay-plus.private-key", "file:" + keyFile("merchant-private.pem"));
            fromFiles.put("customs.alipay-plus.alipay-public-key", "file:" + keyFile("alipay-public.pem"));
            fromFiles.put("customs.mapi.md5-key", "file:" + md5File);
            fromFiles.put("customs.wechat.api-key", "file:" + wechatFile);
            Map<String, String> environment = Map.of(
                    // the bare Base64 body, as Alipay's console prints it, and a whole PEM text
                    "CUSTOMS_ALIPAYPLUS_PRIVATEKEY", privateKeyBase64(),
                    "CUSTOMS_ALIPAYPLUS_ALIPAYPUBLICKEY", Files.readString(keyFile("alipay-public.pem")),
                    "CUSTOMS_MAPI_MD5KEY", MD5_KEY,
                    "CUSTOMS_WECHAT_APIKEY", WECHAT_KEY);
            Map<String, String> fromEnvironment = properties(gateway, "environment");
            // both runs at once: each is a JVM starting at DEBUG, which takes a while
            CompletableFuture<Void> files = CompletableFuture.runAsync(() -> declareAndSearch("files", fromFiles,
                    Map.of()));
            declareAndSearch("environment", fromEnvironment, environment);
            try {
                files.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof AssertionError failure) {
                    throw failure;
                }
                throw e;
            }

            // the search itself finds key material where it is meant to be
            assertThat(leaks(secrets)).isNotEmpty();
            assertThat(leaks(gatewayRoot.resolve("keys"))).isNotEmpty();
        }
    }

    private Bundle startGateway() {
        return Bundle.start(gatewayRoot, Map.of(
                "customs.simulator.md5-key", MD5_KEY,
                "customs.simulator.wechat-api-key", WECHAT_KEY,
                "customs.tracking.poll-interval", "1d",
                "customs.simulator.rules.boom.prefix", "SEC-500",
                "customs.simulator.rules.boom.answer", "http-500",
                "customs.simulator.rules.forged.prefix", "SEC-FORGED",
                "customs.simulator.rules.forged.answer", "bad-signature"));
    }

    private Map<String, String> properties(Bundle gateway, String run) {
        Map<String, String> properties = new LinkedHashMap<>(BundleProcess.settings(bundleRoot.resolve(run)));
        String gatewayUrl = "http://127.0.0.1:" + gateway.port();
        properties.put("customs.simulator.enabled", "false");
        properties.put("customs.alipay-plus.endpoint", gatewayUrl);
        properties.put("customs.alipay-plus.client-id", "SANDBOX_5Y00000000001");
        properties.put("customs.mapi.endpoint", gatewayUrl + MapiApi.GATEWAY_PATH);
        properties.put("customs.mapi.partner", "2088101568338364");
        properties.put("customs.mapi.sign-type", "MD5");
        properties.put("customs.wechat.url", gatewayUrl);
        properties.put("customs.wechat.app-id", "wxd678efh567hg6787");
        properties.put("customs.wechat.mch-id", "1230000109");
        properties.put("customs.ledger.encryption-key", "file:" + keyFile("ledger-encryption.key"));
        properties.put("customs.retry.max-attempts", "2");
        properties.put("logging.level.root", "DEBUG");
        properties.put("logging.level.org.apache.camel", "DEBUG");
        properties.put("logging.level.org.springframework", "DEBUG");
        properties.put("logging.level.org.apache.hc.client5.http.wire", "DEBUG");
        properties.put("logging.file.name", bundleRoot.resolve(run).resolve("logs/customs-bridge.log").toString());
        // an operator may expose every endpoint; none may show a key then either
        properties.put("management.endpoints.web.exposure.include", "*");
        return properties;
    }

    private void declareAndSearch(String run, Map<String, String> properties, Map<String, String> environment) {
        try {
            declareAndSearchIn(run, properties, environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void declareAndSearchIn(String run, Map<String, String> properties, Map<String, String> environment)
            throws IOException {
        Path root = bundleRoot.resolve(run);
        Files.createDirectories(root);
        Inbox inbox = Inbox.under(root);
        try (BundleProcess bundle = BundleProcess.start("512m", properties, environment, root.resolve("console.log"))) {
            inbox.drop("orders.csv", """
                    declarationRequestId,paymentId,customsCode,amount,gateway,merchantOrderNo
                    SEC-PLUS-0001,PAY-SEC-1,ZONGSHU,1.00,alipay-plus,
                    SEC-MAPI-0001,PAY-SEC-2,ZONGSHU,2.00,mapi,
                    SEC-WX-0001,1000320306201511078440737801,ZONGSHU,2.50,wechat,SEC-WX-0001
                    SEC-500-0001,PAY-SEC-3,ZONGSHU,3.00,alipay-plus,
                    SEC-500-0002,PAY-SEC-4,ZONGSHU,4.00,mapi,
                    SEC-500-0003,1000320306201511078440737802,ZONGSHU,4.50,wechat,SEC-500-0003
                    SEC-FORGED-01,PAY-SEC-5,ZONGSHU,5.00,alipay-plus,
                    SEC-FORGED-02,PAY-SEC-6,ZONGSHU,6.00,mapi,
                    SEC-FORGED-03,1000320306201511078440737803,ZONGSHU,6.50,wechat,SEC-FORGED-03
                    SEC-BAD-0001,PAY-SEC-7,ZONGSHU,1.001,mapi,
                    """);
            Map<String, String> statuses = new HashMap<>();
            for (CSVRecord row : inbox.awaitResultsWithin("orders.csv", java.time.Duration.ofSeconds(90))) {
                statuses.put(row.get("declarationRequestId"), row.get("status"));
            }
            assertThat(statuses).as("signed with the configured keys, the gateways accepted").containsEntry(
                    "SEC-PLUS-0001", "ACCEPTED").containsEntry("SEC-MAPI-0001", "ACCEPTED")
                    .containsEntry("SEC-WX-0001", "ACCEPTED")
                    .containsEntry("SEC-500-0001", "UNKNOWN").containsEntry("SEC-500-0002", "UNKNOWN")
                    .containsEntry("SEC-500-0003", "UNKNOWN")
                    .containsEntry("SEC-FORGED-01", "UNKNOWN").containsEntry("SEC-FORGED-02", "UNKNOWN")
                    .containsEntry("SEC-FORGED-03", "UNKNOWN")
                    .containsEntry("SEC-BAD-0001", "INVALID");
            saveEndpoints(bundle, root.resolve("endpoints"));
        }
        assertThat(Files.readString(root.resolve("console.log"))).as("the run logged at DEBUG")
                .contains("DEBUG");

        assertThat(leaks(root)).as("key material written by the bundle").isEmpty();
    }

    /** Files under {@code directory} with key material in them, and which. */
    private List<String> leaks(Path directory) throws IOException {
        List<String> secrets = secrets();
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    if (text.contains(secret)) {
                        leaks.add(directory.relativize(file) + " contains " + secret.substring(0, 12) + "…");
                    }
                }
            }
        }
        return leaks;
    }

    /** Every exposed actuator endpoint except the heap dump (a copy of memory, keys included by nature). */
    private static void saveEndpoints(BundleProcess bundle, Path directory) throws IOException {
        Files.createDirectories(directory);
        JsonNode links = JSON.readTree(bundle.get("/actuator").body()).path("_links");
        List<String> paths = new ArrayList<>(List.of("/v3/api-docs", "/api/declarations/SEC-PLUS-0001",
                "/api/declarations/SEC-MAPI-0001", "/actuator/metrics/customs.gateway.calls"));
        links.fields().forEachRemaining(link -> {
            String href = link.getValue().path("href").asText();
            if (!link.getValue().path("templated").asBoolean() && !link.getKey().equals("heapdump")) {
                paths.add(href.substring(href.indexOf("/actuator")));
            }
        });
        assertThat(paths).contains("/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/loggers",
                "/actuator/prometheus", "/actuator/health");
        for (String path : paths) {
            Http.Answer answer = bundle.get(path);
            Files.writeString(directory.resolve(path.replaceAll("[^A-Za-z0-9.-]", "_") + ".txt"),
                    answer.status() + "\n" + answer.body());
        }
    }

    /**
     * The MD5 key and the private key as text: its Base64 body, 40-character pieces of it (a PEM line
     * or a log line cut anywhere), and its private numbers in decimal and hex (a key object's toString).
     */
    private List<String> secrets() throws IOException {
        List<String> secrets = new ArrayList<>(List.of(MD5_KEY, WECHAT_KEY));
        String base64 = privateKeyBase64();
        for (int start = 64; start + 40 <= base64.length(); start += 97) {
            secrets.add(base64.substring(start, start + 40));
        }
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) PemKeys.privateKey(base64);
        for (BigInteger number : List.of(key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ())) {
            secrets.add(number.toString().substring(0, 40));
            secrets.add(number.toString(16).substring(0, 40));
        }
        return secrets;
    }

    private String privateKeyBase64() throws IOException {
        return PemKeys.base64(PemKeys.privateKey("file:" + keyFile("merchant-private.pem")).getEncoded());
    }

    private Path keyFile(String name) {
        return gatewayRoot.resolve("keys").resolve(name);
    }
}
