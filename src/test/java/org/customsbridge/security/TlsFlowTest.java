package org.customsbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Http;
import org.customsbridge.flow.Inbox;
import org.customsbridge.flow.TestLogins;
import org.customsbridge.simulator.SimulatorAddress;
import org.customsbridge.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS both ways: the bundle serves HTTPS with a self-signed certificate and asks every client for a
 * certificate of its own; its outbound calls (here to its own simulator, on that same HTTPS port) trust
 * the server's certificate through customs.http.tls.trust-store and present the client certificate of
 * customs.http.tls.key-store, so that a declaration goes through only when both hold.
 */
class TlsFlowTest {

    @TempDir
    Path root;

    @Test
    void httpsInWithClientCertificatesAndOutWithACustomTrustStoreAndClientCertificate() {
        TestCertificates server = TestCertificates.selfSigned(root, "bundle");
        TestCertificates client = TestCertificates.selfSigned(root, "client");
        Inbox inbox = Inbox.under(root);
        try (Bundle bundle = Bundle.start(root, Map.ofEntries(
                Map.entry("server.ssl.key-store", server.keyStore().toString()),
                Map.entry("server.ssl.key-store-password", server.password()),
                Map.entry("server.ssl.key-store-type", "PKCS12"),
                Map.entry("server.ssl.client-auth", "need"),
                Map.entry("server.ssl.trust-store", client.trustStore().toString()),
                Map.entry("server.ssl.trust-store-password", client.password()),
                Map.entry("server.ssl.trust-store-type", "PKCS12"),
                Map.entry("customs.http.tls.trust-store", server.trustStore().toString()),
                Map.entry("customs.http.tls.trust-store-password", server.password()),
                Map.entry("customs.http.tls.key-store", client.keyStore().toString()),
                Map.entry("customs.http.tls.key-store-password", client.password())))) {
            String https = "https://localhost:" + bundle.port();
            Http withCertificate = Http.of(https, TestLogins.VIEWER,
                    HttpClient.newBuilder().sslContext(TestCertificates.clientContext(client, server)));
            assertThat(withCertificate.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(withCertificate.get("/api/declarations").status()).isEqualTo(200);
            assertThat(withCertificate.anonymous().get("/api/declarations").status()).isEqualTo(401);
            Http withoutCertificate = Http.of(https, TestLogins.VIEWER,
                    HttpClient.newBuilder().sslContext(TestCertificates.trustingOnly(server)));
            assertThatThrownBy(() -> withoutCertificate.get("/actuator/health/readiness"))
                    .as("the server asks every client for a certificate").isInstanceOf(UncheckedIOException.class);

            assertThat(bundle.bean(SimulatorAddress.class).baseUrl()).startsWith("https://127.0.0.1:");
            inbox.drop("orders.csv", Inbox.csv("TLS-0001,2026112422001300000000000001,1.00"));
            List<CSVRecord> rows = inbox.awaitResults("orders.csv");
            assertThat(rows).extracting(row -> row.get("status")).containsExactly("ACCEPTED");
            assertThat(bundle.journal().entries()).isNotEmpty();
        }
    }
}
