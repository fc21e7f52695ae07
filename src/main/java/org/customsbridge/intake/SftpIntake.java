package org.customsbridge.intake;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the SFTP intake on when {@code customs.intake.sftp.host} is set: the routes come from
 * the templates {@code sftp-intake} and {@code sftp-upload} (routes/), whose endpoint options are
 * the {@code customs.intake.sftp.*} properties. Without a host there is no SFTP route at all.
 */
public class SftpIntake implements CamelContextConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SftpIntake.class);

    private final SftpSettings settings;

    public SftpIntake(SftpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the templates are loaded with the routes, when the context starts
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        if (!settings.enabled()) {
            return;
        }
        TemplatedRouteBuilder.builder(camelContext, "sftp-upload").routeId("sftp-upload").add();
        TemplatedRouteBuilder.builder(camelContext, "sftp-intake").routeId("sftp-intake").add();
        LOG.info("SFTP intake polling {}, results to {}", settings.address(), settings.resultsDirectory());
    }
}
