package org.customsbridge.config;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.PropertiesFunction;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code {{millis:customs.retry.delay}}}: a duration setting as the plain milliseconds that some
 * Camel options take (file polling, Quartz triggers, redelivery delays), so that the user writes
 * {@code 10s} and no second, millisecond property exists. Camel finds it by its name in
 * {@code META-INF/services/org/apache/camel/properties-function/millis}.
 */
public class MillisFunction implements PropertiesFunction, CamelContextAware {

    private CamelContext camelContext;

    @Override
    public String getName() {
        return "millis";
    }

    @Override
    public String apply(String property) {
        String value = camelContext.getPropertiesComponent().resolveProperty(property)
                .orElseThrow(() -> new IllegalArgumentException(property + ": no such setting"));
        try {
            return Long.toString(DurationStyle.detectAndParse(value.strip()).toMillis());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": not a duration such as 500ms, 10s or 5m: " + value, e);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
