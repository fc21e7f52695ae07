package org.customsbridge.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The roles of a bearer token: the values of {@code customs.security.jwt.roles-claim} (a list, or a
 * space-separated text as in {@code scope}), each found among a role's values. A token with none of
 * them is authenticated but may do nothing.
 */
final class JwtRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final SecuritySettings.Jwt settings;

    JwtRoles(SecuritySettings.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt token) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String value : claimValues(token.getClaims(), settings.rolesClaim())) {
            if (settings.operatorValues().contains(value)) {
                authorities.addAll(Role.OPERATOR.authorities());
            }
            if (settings.viewerValues().contains(value)) {
                authorities.addAll(Role.VIEWER.authorities());
            }
        }
        return authorities;
    }

    /** The claim's values; a dotted name ({@code realm_access.roles}) reads inside nested objects. */
    static List<String> claimValues(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        int dot = name.indexOf('.');
        if (value == null && dot > 0 && claims.get(name.substring(0, dot)) instanceof Map<?, ?> nested) {
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) nested;
            return claimValues(inner, name.substring(dot + 1));
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        return List.of();
    }
}
