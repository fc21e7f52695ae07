package org.customsbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is what the settings classes say: a setting added, renamed or given
 * another default or description without regenerating the reference fails here.
 */
class ConfigurationReferenceTest {

    @Test
    void theReferenceMatchesTheSettingsClasses() throws IOException {
        String generated = ConfigurationReference.render(ConfigurationReference.METADATA);
        if (Boolean.getBoolean("reference.update")) {
            ConfigurationReference.write(ConfigurationReference.METADATA, ConfigurationReference.DOCUMENT);
        }
        String committed = Files.exists(ConfigurationReference.DOCUMENT)
                ? Files.readString(ConfigurationReference.DOCUMENT) : "";
        assertThat(committed)
                .as(ConfigurationReference.DOCUMENT + " differs from the settings classes; regenerate it with: "
                        + ConfigurationReference.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void everySettingHasADescription() throws IOException {
        String generated = ConfigurationReference.render(ConfigurationReference.METADATA);
        assertThat(generated.lines().filter(line -> line.startsWith("| `customs.") && line.endsWith("|  |")))
                .as("settings without javadoc (a @param of their settings class)")
                .isEmpty();
    }
}
