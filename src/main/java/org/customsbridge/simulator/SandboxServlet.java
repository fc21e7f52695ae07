package org.customsbridge.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the simulated gateways' servlets share: their waits, the simulated server error, and writing
 * an answer. Plain servlets rather than Spring MVC controllers: the sandbox has to keep up with the
 * bundle at full speed on the same machine, and MVC's per-request machinery cost more CPU than the
 * sandbox's own work apart from its signature.
 */
abstract class SandboxServlet extends HttpServlet {

    /**
     * Waits {@code delay} (latency, or the silence of a simulated timeout); if the server stops
     * meanwhile, answers 503 and returns {@code false}.
     */
    static boolean waited(Duration delay, HttpServletResponse response) throws IOException {
        if (delay.isZero() || delay.isNegative()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return false;
        }
    }

    /** The {@code http-500} fault: a plain-text server error, as a gateway's front end gives one. */
    static void simulatedServerError(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.getOutputStream().write("simulated server error".getBytes(StandardCharsets.UTF_8));
    }

    static void answer(HttpServletResponse response, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
