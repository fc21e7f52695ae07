package org.customsbridge.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Each failed login logged with the user name and the remote address (never the password), and counted. */
final class FailedLoginLog {

    private static final Logger LOG = LoggerFactory.getLogger(FailedLoginLog.class);

    private final LoginFailureCounts counts;

    FailedLoginLog(LoginFailureCounts counts) {
        this.counts = counts;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        var attempt = event.getAuthentication();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        // a bearer token's principal is the token itself: never logged
        String user = attempt instanceof BearerTokenAuthenticationToken ? "(bearer token)" : attempt.getName();
        LOG.warn("Failed login as '{}' from {}: {}", user, address == null ? "an unknown address" : address,
                event.getException().getMessage());
        if (address != null) {
            counts.failed(address);
        }
    }
}
