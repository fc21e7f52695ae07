package org.customsbridge;

import org.customsbridge.preflight.PreflightMode;
import org.customsbridge.preflight.PreflightRun;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomsBridgeApplication {

    public static void main(String[] args) {
        if (PreflightMode.requested(args)) {
            System.exit(PreflightRun.run(CustomsBridgeApplication.class, args));
        }
        SpringApplication.run(CustomsBridgeApplication.class, args);
    }
}
