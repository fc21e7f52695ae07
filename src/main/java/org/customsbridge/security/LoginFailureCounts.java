package org.customsbridge.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed logins per remote address, forgotten {@code window} after an address's last failure. An
 * address with {@code max} failures waits until then: password guessing slows to {@code max} tries per
 * window, while a user who mistyped waits at most one window.
 */
final class LoginFailureCounts {

    /** Addresses remembered at most: a flood of addresses cannot grow the heap without bound. */
    private static final long MAX_ADDRESSES = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    LoginFailureCounts(SecuritySettings.LoginFailures settings, Clock clock) {
        this.max = settings.max();
        this.window = settings.window();
        this.clock = clock;
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_ADDRESSES).build();
    }

    void failed(String address) {
        Instant now = clock.instant();
        failures.asMap().merge(address, new Failures(1, now),
                (before, one) -> new Failures(before.count() + 1, now));
    }

    /** How long {@code address} must wait before its next login is tried, if it must. */
    Optional<Duration> waitFor(String address) {
        Failures known = failures.getIfPresent(address);
        if (known == null || known.count() < max) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), known.last().plus(window));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
