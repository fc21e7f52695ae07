package org.customsbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@ExtendWith(OutputCaptureExtension.class)
class ConfiguredUsersTest {

    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void withoutAnyUserOneOperatorWithARandomPasswordIsLoggedOnce(CapturedOutput output) {
        UserDetails operator = ConfiguredUsers.of(Map.of()).loadUserByUsername("operator");
        Matcher logged = Pattern.compile("created user 'operator' \\(role operator\\) with password (\\S+) ")
                .matcher(output.getAll());
        assertThat(logged.find()).as(output.getAll()).isTrue();
        assertThat(PASSWORDS.matches(logged.group(1), operator.getPassword())).isTrue();
        assertThat(logged.find()).as("logged once").isFalse();
        assertThat(output.getAll()).contains("customs.security.users.<name>.password");
        assertThat(AuthorityUtils.authorityListToSet(operator.getAuthorities()))
                .containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
        assertThat(ConfiguredUsers.of(Map.of()).loadUserByUsername("operator").getPassword())
                .as("another run, another password").isNotEqualTo(operator.getPassword());
    }

    @Test
    void configuredUsersKeepTheirEncodedPasswordAndRoles() {
        String bcrypt = PASSWORDS.encode("s3cret");
        var users = ConfiguredUsers.of(Map.of(
                "alice", new SecuritySettings.User(bcrypt, Set.of(Role.VIEWER)),
                "bob", new SecuritySettings.User("{noop}test", Set.of(Role.OPERATOR))));
        assertThat(PASSWORDS.matches("s3cret", users.loadUserByUsername("alice").getPassword())).isTrue();
        assertThat(AuthorityUtils.authorityListToSet(users.loadUserByUsername("alice").getAuthorities()))
                .containsExactly("ROLE_VIEWER");
        assertThat(AuthorityUtils.authorityListToSet(users.loadUserByUsername("bob").getAuthorities()))
                .containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
    }

    @Test
    void aClearTextPasswordOrAMissingRoleStopsStartNamingTheProperty() {
        assertThatThrownBy(() -> ConfiguredUsers.of(Map.of("alice",
                new SecuritySettings.User("plain-secret", Set.of(Role.VIEWER)))))
                .hasMessageStartingWith("customs.security.users.alice.password: give it in Spring Security's encoded form")
                .hasMessageNotContaining("plain-secret");
        assertThatThrownBy(() -> ConfiguredUsers.of(Map.of("alice",
                new SecuritySettings.User("{sha1}abc", Set.of(Role.VIEWER)))))
                .hasMessageStartingWith("customs.security.users.alice.password");
        assertThatThrownBy(() -> ConfiguredUsers.of(Map.of("alice", new SecuritySettings.User("{noop}x", Set.of()))))
                .hasMessage("customs.security.users.alice.roles: viewer or operator");
    }
}
