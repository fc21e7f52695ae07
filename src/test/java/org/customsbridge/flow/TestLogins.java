package org.customsbridge.flow;

import java.util.Map;

/** The logins every test bundle is given: an operator and a viewer, with clear-text test passwords. */
public final class TestLogins {

    public static final Http.Login OPERATOR = new Http.Login("test-operator", "operator-test-password");
    public static final Http.Login VIEWER = new Http.Login("test-viewer", "viewer-test-password");

    private TestLogins() {
    }

    /** The {@code customs.security.users.*} properties of both. */
    public static Map<String, String> properties() {
        return Map.of(
                "customs.security.users." + OPERATOR.user() + ".password", "{noop}" + OPERATOR.password(),
                "customs.security.users." + OPERATOR.user() + ".roles", "operator",
                "customs.security.users." + VIEWER.user() + ".password", "{noop}" + VIEWER.password(),
                "customs.security.users." + VIEWER.user() + ".roles", "viewer");
    }
}
