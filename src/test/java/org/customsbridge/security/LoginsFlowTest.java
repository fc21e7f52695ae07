package org.customsbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.customsbridge.flow.Bundle;
import org.customsbridge.flow.Http;
import org.customsbridge.flow.TestLogins;
import org.customsbridge.testsupport.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the bundle maps needs a login, read from its own mapping list (so that an endpoint
 * added later is covered without touching this test); only the two health probes answer without one,
 * with their status only. Reading needs a viewer, changing state an operator; bearer tokens map their
 * roles claim the same way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class LoginsFlowTest {

    private static final Set<String> PROBES = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

    private Bundle bundle;
    private KeyPair issuer;

    @BeforeAll
    void start(@TempDir Path root) throws IOException {
        issuer = TestKeys.rsa2048();
        Path issuerKey = Files.writeString(root.resolve("issuer-public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(issuer.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        bundle = Bundle.start(root, Map.of(
                "spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + issuerKey));
    }

    @AfterAll
    void stop() {
        bundle.close();
    }

    @Test
    void everyMappedEndpointAnswers401WithoutALogin() {
        List<Endpoint> endpoints = mappedEndpoints();
        assertThat(endpoints).extracting(Endpoint::path).contains("/api/declarations", "/api/reports/reconciliation",
                "/v3/api-docs", "/swagger-ui.html", "/actuator/prometheus", "/actuator/health", "/actuator",
                "/simulator/journal");
        Http anonymous = bundle.http().anonymous();
        for (Endpoint endpoint : endpoints) {
            Http.Answer answer = anonymous.send(endpoint.method(), endpoint.path());
            assertThat(answer.status()).as(endpoint + " without a login").isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(endpoint.toString())
                    .hasValueSatisfying(challenge -> assertThat(challenge).contains("Basic"));
        }
        assertThat(anonymous.get("/no/such/path").status()).isEqualTo(401);
        assertThat(bundle.http().as(new Http.Login(TestLogins.VIEWER.user(), "wrong")).get("/api/declarations")
                .status()).isEqualTo(401);
    }

    @Test
    void theProbesAnswerWithoutALoginWithTheirStatusOnly() {
        Http anonymous = bundle.http().anonymous();
        for (String probe : PROBES) {
            Http.Answer answer = anonymous.get(probe);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.json().get("status").asText()).as(probe).isEqualTo("UP");
            assertThat(answer.json().size()).as(probe + ": " + answer.body()).isEqualTo(1);
        }
        Http.Answer readiness = bundle.http().as(TestLogins.VIEWER).get("/actuator/health/readiness");
        assertThat(readiness.json().get("components").get("db").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void aViewerReadsAndOnlyAnOperatorChangesState() {
        Http viewer = bundle.http().as(TestLogins.VIEWER);
        Http operator = bundle.http().as(TestLogins.OPERATOR);
        assertThat(viewer.get("/api/declarations").status()).isEqualTo(200);
        assertThat(viewer.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(viewer.get("/simulator/journal").status()).isEqualTo(200);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(viewer.post("/api/reports/reconciliation?date=" + today).status()).isEqualTo(403);
        assertThat(operator.post("/api/reports/reconciliation?date=" + today).status()).isEqualTo(200);
        assertThat(operator.get("/api/declarations").status()).as("an operator is a viewer too").isEqualTo(200);
        List<Endpoint> changes = mappedEndpoints().stream().filter(e -> !e.method().equals("GET")).toList();
        assertThat(changes).isNotEmpty();
        for (Endpoint change : changes) {
            assertThat(viewer.send(change.method(), change.path()).status()).as(change + " as a viewer").isEqualTo(403);
        }
    }

    @Test
    void bearerTokensGetTheRolesTheirClaimNames(CapturedOutput output) throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String viewer = token(issuer, List.of("viewer"));
        assertThat(bearer(viewer, "GET", "/api/declarations")).isEqualTo(200);
        assertThat(bearer(viewer, "POST", "/api/reports/reconciliation?date=" + today)).isEqualTo(403);
        assertThat(bearer(token(issuer, List.of("operator")), "POST", "/api/reports/reconciliation?date=" + today))
                .isEqualTo(200);
        assertThat(bearer(token(issuer, List.of("someone-else")), "GET", "/api/declarations")).isEqualTo(403);
        String forged = token(TestKeys.rsa2048(), List.of("operator"));
        assertThat(bearer(forged, "GET", "/api/declarations")).as("signed by another key").isEqualTo(401);
        assertThat(output.getAll()).contains("Failed login as '(bearer token)' from ").doesNotContain(forged);
    }

    private record Endpoint(String method, String path) {
    }

    /** The MVC controllers' and the actuator's mappings, a path variable or wildcard filled with {@code x}. */
    private List<Endpoint> mappedEndpoints() {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        for (RequestMappingInfoHandlerMapping mapping : bundle.beans(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> {
                Set<String> methods = new LinkedHashSet<>();
                info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                if (methods.isEmpty()) {
                    methods.addAll(List.of("GET", "POST"));
                }
                info.getPatternValues().forEach(pattern -> methods.forEach(method ->
                        endpoints.add(new Endpoint(method, concrete(pattern)))));
            });
        }
        for (AbstractUrlHandlerMapping mapping : bundle.beans(AbstractUrlHandlerMapping.class).values()) {
            mapping.getHandlerMap().keySet().forEach(pattern -> endpoints.add(new Endpoint("GET", concrete(pattern))));
        }
        List<Endpoint> list = new ArrayList<>(endpoints);
        list.removeIf(endpoint -> PROBES.contains(endpoint.path()));
        return list;
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "x").replace("**", "x").replace("*", "x");
    }

    private static String token(KeyPair key, List<String> roles) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("erp-reader").claim("roles", roles).expirationTime(java.util.Date.from(
                        Instant.now().plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private int bearer(String token, String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + bundle.port() + path))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
