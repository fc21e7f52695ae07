package org.customsbridge.components;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code customs.components.*}: where Camel components that do not ship in the jar are put.
 *
 * @param path the folder whose jars are on the class path at start (relative to the working directory),
 *             for the components behind endpoint sinks and intakes. The launcher reads it before the
 *             application starts, so it is given as a system property
 *             ({@code -Dcustoms.components.path=...}) or environment variable
 *             ({@code CUSTOMS_COMPONENTS_PATH}), not in a properties file
 */
@ConfigurationProperties("customs.components")
public record ComponentsSettings(@DefaultValue("lib") Path path) {
}
