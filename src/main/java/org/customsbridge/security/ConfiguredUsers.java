package org.customsbridge.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The logins of {@code customs.security.users.*}, checked at start: a password not in Spring
 * Security's encoded form or a user without a role stops start-up naming the property. Without any
 * user, one operator with a random password for this run, logged once, so that a fresh install is
 * never open to anyone.
 */
final class ConfiguredUsers {

    static final String DEFAULT_USER = "operator";

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredUsers.class);
    /** {@code {id}} then the encoded password; the id names the encoder ({@code bcrypt}, {@code noop}, ...). */
    private static final Pattern ENCODED = Pattern.compile("\\{[a-zA-Z0-9_-]+}.+");
    private static final Set<String> ENCODERS = Set.of("bcrypt", "noop", "pbkdf2", "scrypt", "argon2",
            "pbkdf2@SpringSecurity_v5_8", "scrypt@SpringSecurity_v5_8", "argon2@SpringSecurity_v5_8");

    private ConfiguredUsers() {
    }

    static InMemoryUserDetailsManager of(Map<String, SecuritySettings.User> users) {
        if (users.isEmpty()) {
            return new InMemoryUserDetailsManager(defaultOperator());
        }
        List<UserDetails> logins = new ArrayList<>();
        users.forEach((name, user) -> logins.add(User.withUsername(name).password(checkedPassword(name, user))
                .authorities(authorities(name, user)).build()));
        return new InMemoryUserDetailsManager(logins);
    }

    private static String checkedPassword(String name, SecuritySettings.User user) {
        String property = "customs.security.users." + name + ".password";
        String password = user.password();
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException(property + ": required, e.g. {bcrypt}$2a$10$... (docs/security.md)");
        }
        if (!ENCODED.matcher(password).matches()
                || !ENCODERS.contains(password.substring(1, password.indexOf('}')))) {
            // the value itself is not repeated: it may be a clear-text password
            throw new IllegalArgumentException(property + ": give it in Spring Security's encoded form, "
                    + "{bcrypt}$2a$10$... ({noop}... for tests); see docs/security.md for how to create one");
        }
        return password;
    }

    private static List<GrantedAuthority> authorities(String name, SecuritySettings.User user) {
        if (user.roles() == null || user.roles().isEmpty()) {
            throw new IllegalArgumentException("customs.security.users." + name + ".roles: viewer or operator");
        }
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        user.roles().forEach(role -> authorities.addAll(role.authorities()));
        return List.copyOf(authorities);
    }

    private static UserDetails defaultOperator() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        LOG.warn("No user configured: created user '{}' (role operator) with password {} for this run only",
                DEFAULT_USER, password);
        LOG.warn("Set your own users with customs.security.users.<name>.password={bcrypt}... and "
                + "customs.security.users.<name>.roles=viewer|operator (docs/security.md)");
        // stored hashed like a configured one: compared in constant time, and no clear text kept in memory
        return User.withUsername(DEFAULT_USER).password("{bcrypt}" + new BCryptPasswordEncoder().encode(password))
                .authorities(Role.OPERATOR.authorities()).build();
    }
}
