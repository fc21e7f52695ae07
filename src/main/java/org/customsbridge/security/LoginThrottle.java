package org.customsbridge.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that brings credentials from an address with too many recent failed logins is answered
 * 429 with Retry-After before its credentials are checked. Requests without credentials pass: they
 * guess nothing, and the open health probes stay open.
 */
final class LoginThrottle extends OncePerRequestFilter {

    private final LoginFailureCounts counts;

    LoginThrottle(LoginFailureCounts counts) {
        this.counts = counts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? Optional.empty() : counts.waitFor(request.getRemoteAddr());
        if (wait.isPresent()) {
            // rounded up: a client that waits exactly this long is let through
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().plusMillis(999).toSeconds()));
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), "Too many failed logins from this address");
            return;
        }
        chain.doFilter(request, response);
    }
}
