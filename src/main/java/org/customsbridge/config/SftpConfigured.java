package org.customsbridge.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code customs.intake.sftp.host} is set to something (an empty value means off). */
public class SftpConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String host = context.getEnvironment().getProperty("customs.intake.sftp.host");
        return host != null && !host.isBlank();
    }
}
