package org.customsbridge.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionException;
import org.springframework.util.unit.DataSize;

/** How the typed {@code customs.*} settings reach the routes, and how a malformed one is reported. */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    /** The routes' {@code {{customs.*}}} placeholders, from the typed settings. */
    @Bean
    static TypedSettingsSource typedSettingsSource(ApplicationContext context) {
        return new TypedSettingsSource(context);
    }

    /**
     * A duration or size that does not parse stops start-up with one line naming the property and an
     * example of what it takes, rather than Spring's conversion chain.
     */
    @Bean
    static ConfigurationPropertiesBindHandlerAdvisor malformedSettings() {
        return handler -> new AbstractBindHandler(handler) {
            @Override
            public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                                    Exception error) throws Exception {
                Class<?> type = target.getType().resolve(Object.class);
                ConfigurationProperty property = context.getConfigurationProperty();
                if (error instanceof ConversionException && property != null) {
                    if (type == Duration.class) {
                        throw new IllegalArgumentException(name + ": not a duration such as 500ms, 10s or 5m: "
                                + property.getValue(), error);
                    }
                    if (type == DataSize.class) {
                        throw new IllegalArgumentException(name + ": not a size such as 100MB or 1GB: "
                                + property.getValue(), error);
                    }
                }
                return super.onFailure(name, target, context, error);
            }
        };
    }
}
