package org.customsbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtRolesTest {

    @Test
    void aListATextOrANestedClaimGivesTheMappedRoles() {
        JwtRoles keycloak = new JwtRoles(new SecuritySettings.Jwt("realm_access.roles", Set.of("customs-read"),
                Set.of("customs-admin")));
        assertThat(roles(keycloak, Map.of("realm_access", Map.of("roles", List.of("offline", "customs-admin")))))
                .containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
        JwtRoles scopes = new JwtRoles(new SecuritySettings.Jwt("scope", Set.of("customs.read"), Set.of()));
        assertThat(roles(scopes, Map.of("scope", "openid customs.read"))).containsExactly("ROLE_VIEWER");
        assertThat(roles(scopes, Map.of("scope", "openid"))).isEmpty();
        assertThat(roles(scopes, Map.of("other", "customs.read"))).isEmpty();
    }

    private static Set<String> roles(JwtRoles converter, Map<String, Object> claims) {
        Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(claims)).build();
        return AuthorityUtils.authorityListToSet(converter.convert(token));
    }
}
