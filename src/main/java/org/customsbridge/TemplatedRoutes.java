package org.customsbridge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.spi.RouteTemplateParameterSource;

/**
 * Routes that Camel makes from route templates (routes/), one per configured part - a sink, an
 * intake - with the parameters the part's typed settings give: the same mechanism as
 * {@code camel.route-template.config}. Subclasses add a route per part; Camel creates them, fills the
 * templates' defaults and refuses a missing required parameter.
 */
public abstract class TemplatedRoutes implements RouteTemplateParameterSource {

    private final Map<String, Map<String, Object>> routes = new LinkedHashMap<>();

    /** The route {@code routeId}, made from {@code templateId} with {@code parameters}. */
    protected void add(String routeId, String templateId, Map<String, Object> parameters) {
        Map<String, Object> route = new LinkedHashMap<>(parameters);
        route.put(TEMPLATE_ID, templateId);
        routes.put(routeId, route);
    }

    @Override
    public Set<String> routeIds() {
        return routes.keySet();
    }

    @Override
    public Map<String, Object> parameters(String routeId) {
        // a copy: Camel takes the template id out of the map it is given
        return new LinkedHashMap<>(routes.get(routeId));
    }
}
