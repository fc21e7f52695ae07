package org.customsbridge.simulator;

import java.util.List;
import java.util.stream.Stream;

import org.customsbridge.mapi.MapiApi;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The sandbox's gateway paths answer without a login, as Alipay's do: the bundle calls them with its
 * signed requests, which the sandbox verifies (and a POST without a CSRF token, as Alipay takes it). Its journal ({@code /simulator/journal}) is not
 * among them and needs a login like every other endpoint. Nothing is kept or written per call, so the
 * sandbox costs a benchmark no more than before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "customs.simulator.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatorSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain sandboxGatewaysOpen(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> gateways = Stream.concat(AlipayPlusSimulatorServlet.PATHS.stream(),
                Stream.of(MapiApi.GATEWAY_PATH)).<RequestMatcher>map(path::matcher).toList();
        return http.securityMatcher(new OrRequestMatcher(gateways))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.disable())
                .headers(headers -> headers.disable())
                .logout(logout -> logout.disable())
                .build();
    }
}
