package org.customsbridge.security;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every HTTP endpoint of the bundle needs a login, except the liveness and readiness probes (status
 * only for anonymous callers): reading needs the viewer role, any other method the operator role.
 * People and scrapers log in with HTTP Basic; bearer tokens from an OAuth2 issuer are accepted too when
 * {@code spring.security.oauth2.resourceserver.jwt.*} names one. Nothing is kept between requests (no
 * session), so there is no cookie to forge requests with, and no CSRF token to send.
 */
@Configuration(proxyBeanMethods = false)
public class LoginsConfiguration {

    @Bean
    UserDetailsService configuredUsers(SecuritySettings settings) {
        return ConfiguredUsers.of(settings.users());
    }

    /** On the wall clock, as Caffeine forgets on it too (not the bundle's clock, which tests may move). */
    @Bean
    LoginFailureCounts loginFailureCounts(SecuritySettings settings) {
        return new LoginFailureCounts(settings.loginFailures(), Clock.systemUTC());
    }

    @Bean
    FailedLoginLog failedLoginLog(LoginFailureCounts counts) {
        return new FailedLoginLog(counts);
    }

    @Bean
    @Order(SecurityProperties.BASIC_AUTH_ORDER)
    SecurityFilterChain loginRequired(HttpSecurity http, SecuritySettings settings, LoginFailureCounts counts,
                                      ObjectProvider<PathMappedEndpoints> endpoints,
                                      ObjectProvider<JwtDecoder> bearerTokens) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(requests -> requests
                        // the error page of a request already decided (401, 403, 404, 429) shows nothing more
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(probes(paths, endpoints.getIfAvailable())).permitAll()
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/**"), paths.matcher(HttpMethod.HEAD, "/**"))
                        .hasRole(Role.VIEWER.name())
                        .anyRequest().hasRole(Role.OPERATOR.name()))
                .httpBasic(basic -> basic.realmName("customs-bridge"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new LoginThrottle(counts), BasicAuthenticationFilter.class);
        JwtDecoder decoder = bearerTokens.getIfAvailable();
        if (decoder != null) {
            JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
            roles.setJwtGrantedAuthoritiesConverter(new JwtRoles(settings.jwt()));
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder)
                    .jwtAuthenticationConverter(roles)));
        }
        return http.build();
    }

    /** The liveness and readiness probes, wherever the actuator's health endpoint is mapped. */
    private static RequestMatcher[] probes(PathPatternRequestMatcher.Builder paths, PathMappedEndpoints endpoints) {
        String health = endpoints == null ? null : endpoints.getPath(EndpointId.of("health"));
        if (health == null) {
            return new RequestMatcher[] {request -> false};
        }
        return new RequestMatcher[] {paths.matcher(health + "/liveness"), paths.matcher(health + "/readiness")};
    }
}
