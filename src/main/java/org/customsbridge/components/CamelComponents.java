package org.customsbridge.components;

import java.nio.file.Path;

import org.apache.camel.CamelContext;

/**
 * The Camel components behind configured URIs. A component that is not on the class path would
 * otherwise fail only when its route starts, with Camel's own message; this stops start-up naming
 * the property, the component and the folder where its jars belong.
 */
public class CamelComponents {

    private final Path folder;

    public CamelComponents(ComponentsSettings settings) {
        this.folder = settings.path().toAbsolutePath().normalize();
    }

    /** Refuses {@code uri} (the value of {@code property}) when no component of its scheme can be found. */
    public void require(CamelContext camelContext, String uri, String property) {
        String resolved = camelContext.resolvePropertyPlaceholders(uri).strip();
        int colon = resolved.indexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException(property + ": not a Camel endpoint URI (scheme:path?options): " + resolved);
        }
        String scheme = resolved.substring(0, colon);
        if (camelContext.getComponent(scheme) == null) {
            throw new IllegalStateException(property + ": no Camel component \"" + scheme + "\" on the class path; "
                    + "put its jar and dependencies (usually org.apache.camel:camel-" + scheme + ") into " + folder
                    + " (customs.components.path) and restart");
        }
    }

    public Path folder() {
        return folder;
    }
}
