package org.customsbridge.security;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code customs.security.*}: who may log in to the bundle's HTTP endpoints, and with what role.
 *
 * @param users         the logins, by user name ({@code customs.security.users.<name>.*}); none: one
 *                      {@code operator} with a random password, logged once at start
 * @param jwt           how a bearer token's claim gives a role, when
 *                      {@code spring.security.oauth2.resourceserver.jwt.*} names an issuer
 * @param loginFailures how failed logins from one address are slowed down
 */
@ConfigurationProperties("customs.security")
public record SecuritySettings(
        Map<String, User> users,
        @DefaultValue Jwt jwt,
        @DefaultValue LoginFailures loginFailures) {

    public SecuritySettings {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    /**
     * One login.
     *
     * @param password the password in Spring Security's encoded form: {@code {bcrypt}$2a$10$...}
     *                 ({@code {noop}<clear text>} is accepted, for tests)
     * @param roles    {@code viewer} (reads) or {@code operator} (reads and changes)
     */
    public record User(String password, @DefaultValue("viewer") Set<Role> roles) {

        /** Without the password: settings get logged. */
        @Override
        public String toString() {
            return "User[roles=" + roles + "]";
        }
    }

    /**
     * The role of a bearer token: the values of one claim, each mapped to a role.
     *
     * @param rolesClaim     the claim that holds the caller's roles: a list or a space-separated text; a
     *                       dotted name reads inside objects ({@code realm_access.roles})
     * @param viewerValues   values of that claim that give the viewer role
     * @param operatorValues values of that claim that give the operator role
     */
    public record Jwt(
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("viewer") Set<String> viewerValues,
            @DefaultValue("operator") Set<String> operatorValues) {
    }

    /**
     * Failed logins from one address: after {@code max} of them, none more than {@code window} apart,
     * that address's logins are answered 429 (with Retry-After) until {@code window} has passed since
     * its last failure.
     *
     * @param max    failed logins from one address before it is slowed down
     * @param window how long a failed login is remembered, and how long a slowed-down address waits
     */
    public record LoginFailures(
            @DefaultValue("10") int max,
            @DefaultValue("1m") Duration window) {

        public LoginFailures {
            if (max < 1) {
                throw new IllegalArgumentException("customs.security.login-failures.max: at least 1, was " + max);
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("customs.security.login-failures.window: positive, was " + window);
            }
        }
    }
}
