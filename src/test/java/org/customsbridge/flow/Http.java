package org.customsbridge.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client of a running bundle, as curl or a monitoring system would call it: logged in as
 * the test operator ({@link TestLogins}) unless told otherwise.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final String base;
    private final Login login;

    /** A user name and password, sent with every request (HTTP Basic). */
    public record Login(String user, String password) {
        String header() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    public Http(int port) {
        this("http://localhost:" + port, TestLogins.OPERATOR, HttpClient.newBuilder());
    }

    private Http(String base, Login login, HttpClient.Builder client) {
        this(base, login, client.followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5))
                .build());
    }

    private Http(String base, Login login, HttpClient client) {
        this.base = base;
        this.login = login;
        this.client = client;
    }

    /**
     * A client of {@code base} (e.g. {@code https://localhost:8443}) built from {@code client} (with its
     * TLS settings, say), logged in as {@code login}.
     */
    public static Http of(String base, Login login, HttpClient.Builder client) {
        return new Http(base, login, client);
    }

    /** The same bundle through the same client, logged in as {@code other}. */
    public Http as(Login other) {
        return new Http(base, other, client);
    }

    /** The same bundle, without a login. */
    public Http anonymous() {
        return as(null);
    }

    public record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    public Answer get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    public Answer post(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A request of any method, without a body. */
    public Answer send(String method, String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private Answer send(HttpRequest.Builder request) {
        if (login != null) {
            request.header("Authorization", login.header());
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
