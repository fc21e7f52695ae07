package org.customsbridge.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a login may do over HTTP. */
public enum Role {

    /** Reads: the status API, reports, the API description, health, metrics, the simulator's journal. */
    VIEWER,

    /** Everything a viewer may, and every request that changes state (any method but GET and HEAD). */
    OPERATOR;

    /** The authorities a login with this role holds: an operator is a viewer too. */
    public List<GrantedAuthority> authorities() {
        return switch (this) {
            case VIEWER -> List.of(authority(VIEWER));
            case OPERATOR -> List.of(authority(OPERATOR), authority(VIEWER));
        };
    }

    private static GrantedAuthority authority(Role role) {
        return new SimpleGrantedAuthority("ROLE_" + role.name());
    }
}
