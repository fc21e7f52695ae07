package org.customsbridge.simulator;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps the simulator's classes out of the application's component and settings scans, although they
 * live under its package: the simulator's beans and settings come only from
 * {@link SimulatorAutoConfiguration}, so that with {@code customs.simulator.enabled=false} none exists.
 * Registered by {@code META-INF/spring.factories} before the scans run.
 */
public class SimulatorScanExclusion extends TypeExcludeFilter
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String PACKAGE = SimulatorScanExclusion.class.getPackageName() + ".";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().registerSingleton(SimulatorScanExclusion.class.getName(), this);
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        return reader.getClassMetadata().getClassName().startsWith(PACKAGE);
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
