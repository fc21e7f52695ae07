package org.customsbridge.preflight;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether an HTTP endpoint answers at all. Any HTTP status counts as an answer: preflight only
 * proves that address, network and TLS work; it sends no business data. The URL's query string is
 * never printed (it may carry a token).
 */
final class ReachableUrl {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ReachableUrl() {
    }

    static PreflightResult check(String part, String method, String url, String property) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return PreflightResult.failed(part, "not a URL: check " + property);
        }
        String shown = uri.getScheme() + "://" + uri.getAuthority() + (uri.getPath() == null ? "" : uri.getPath());
        try {
            HttpResponse<Void> answer = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            return PreflightResult.ok(part, shown + " answers (" + method + ": HTTP " + answer.statusCode() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PreflightResult.failed(part, "interrupted");
        } catch (Exception e) {
            return PreflightResult.failed(part, shown + " does not answer (" + GatewayCheck.rootMessage(e)
                    + "): check " + property);
        }
    }
}
