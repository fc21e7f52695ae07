package org.customsbridge.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port standing in for an ERP: records what it is sent, and
 * answers lookups (GET) of the paths it was told about.
 */
final class ErpEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final Map<String, Deque<Answer>> lookups = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookedUp = new ConcurrentHashMap<>();

    /** One answer to a lookup: an HTTP status and a body. */
    record Answer(int status, String body) {
        static Answer json(String body) {
            return new Answer(200, body);
        }
    }

    ErpEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                String path = exchange.getRequestURI().getRawPath();
                lookedUp.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                Deque<Answer> answers = lookups.get(path);
                Answer answer = answers == null ? new Answer(404, "{}")
                        : answers.size() > 1 ? answers.poll() : answers.peek();
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status.get();
            if (answer == 200) {
                received.add(body);
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The bodies answered with 200. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** Answers GETs of {@code path} with these answers in turn, the last one from then on. */
    void lookup(String path, Answer... answers) {
        lookups.put(path, new ConcurrentLinkedDeque<>(List.of(answers)));
    }

    /** How many GETs of {@code path} came. */
    int lookups(String path) {
        AtomicInteger count = lookedUp.get(path);
        return count == null ? 0 : count.get();
    }

    void answer(int httpStatus) {
        status.set(httpStatus);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
