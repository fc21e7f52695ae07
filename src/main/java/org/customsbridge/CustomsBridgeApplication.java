package org.customsbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomsBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustomsBridgeApplication.class, args);
    }
}
