package org.customsbridge.simulator;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the simulator's demo keys live.
 *
 * @param demoKeysDirectory where demo keys for the built-in simulator are generated on first start (never
 *                          commit them); gateway keys left empty are these while the simulator is on
 */
@ConfigurationProperties("customs")
@Validated
public record DemoKeysSettings(@DefaultValue("data/keys") Path demoKeysDirectory) {
}
