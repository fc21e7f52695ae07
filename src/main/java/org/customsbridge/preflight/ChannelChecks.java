package org.customsbridge.preflight;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateDefinition;
import org.customsbridge.events.StatusSinks;
import org.customsbridge.intake.EndpointIntakeSettings;
import org.customsbridge.operations.FolderHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.unit.DataSize;

/**
 * The channels to the ERP that are configured: the ERP lookup, and each status sink — an HTTP
 * endpoint answers, a SQL sink's database accepts its statement, a file sink's folder is writable.
 * A JMS sink needs the broker only, checked with it; an endpoint sink or intake its components. HTTP goes through
 * Camel's HTTP client, so the trust store and client certificate of the real calls apply.
 */
public class ChannelChecks implements PreflightCheck {

    /** The route template of file sinks, whose parameter {@code directory} has the default folder. */
    private static final String FILE_SINK_TEMPLATE = "deliver-file";

    private final CamelContext camel;
    private final Binder binder;
    private final DataSource ledger;
    private final DataSize minFreeSpace;
    private final EndpointIntakeSettings intakes;

    public ChannelChecks(CamelContext camel, Binder binder, DataSource ledger, DataSize minFreeSpace,
                         EndpointIntakeSettings intakes) {
        this.camel = camel;
        this.intakes = intakes;
        this.binder = binder;
        this.ledger = ledger;
        this.minFreeSpace = minFreeSpace;
    }

    @Override
    public List<PreflightResult> check() {
        ProducerTemplate producer = camel.createProducerTemplate();
        try {
            return check(producer);
        } finally {
            try {
                producer.stop();
            } catch (Exception ignored) {
                // a one-off template holds nothing worth a failed preflight
            }
        }
    }

    private List<PreflightResult> check(ProducerTemplate producer) {
        List<PreflightResult> results = new ArrayList<>();
        String lookup = binder.bind("customs.enrich.http.url", String.class).orElse("");
        if (!lookup.isBlank()) {
            // a GET of a made-up record, as the lookup itself makes: harmless, and proves the way there
            results.add(ReachableUrl.check(producer, "erp lookup", "GET",
                    lookup.replaceAll("\\{[^}]*}", "PREFLIGHT-CHECK"), "customs.enrich.http.url"));
        }
        // the sinks as the bundle reads them at start
        for (StatusSinks.Sink sink : StatusSinks.configured(binder)) {
            Map<String, String> parameters = sink.parameters();
            String part = "sink " + sink.name();
            String property = "customs.sinks." + sink.name();
            results.add(switch (sink.type()) {
                case "erp-http" -> ReachableUrl.check(producer, part, "HEAD", parameters.getOrDefault("url", ""),
                        property + ".url");
                case "sql" -> sql(part, property, parameters);
                case "file" -> folder(part, property, parameters);
                case "endpoint" -> component(part, property + ".uri", parameters.getOrDefault("uri", ""));
                default -> PreflightResult.ok(part, "delivers to the broker, checked above");
            });
        }
        // the endpoint intakes: where their messages come from, and where unreadable ones go
        intakes.endpoints().forEach((name, endpoint) -> endpoint.uris(name).forEach((property, uri) ->
                results.add(component("intake " + name, property, uri))));
        return results;
    }

    /**
     * Any Camel endpoint: its component must be on the class path; where it delivers or what it
     * consumes, only a delivery or a message shows.
     */
    private PreflightResult component(String part, String property, String uri) {
        String scheme = uri.contains(":") ? uri.substring(0, uri.indexOf(':')) : uri;
        try {
            if (!scheme.isBlank() && camel.getComponent(scheme, true) != null) {
                return PreflightResult.ok(part, "component " + scheme + " is available");
            }
        } catch (RuntimeException e) {
            return PreflightResult.failed(part, "component " + scheme + " cannot start (" + GatewayCheck.rootMessage(e)
                    + "): check " + property);
        }
        return PreflightResult.failed(part, "no component " + (scheme.isBlank() ? "named" : scheme)
                + " on the class path (add its jar to the lib folder): check " + property);
    }

    private PreflightResult sql(String part, String property, Map<String, String> parameters) {
        String statement = parameters.getOrDefault("statement", "");
        String url = parameters.get("url");
        try (Connection connection = url == null || url.isBlank() ? ledger.getConnection()
                : DriverManager.getConnection(url, parameters.getOrDefault("username", ""),
                parameters.getOrDefault("password", ""))) {
            // prepared, never run: the database checks the table and columns exist
            connection.prepareStatement(statement.replaceAll(":#[A-Za-z_]\\w*", "?")).close();
            return PreflightResult.ok(part, "the database accepts the statement");
        } catch (Exception e) {
            return PreflightResult.failed(part, GatewayCheck.rootMessage(e) + ": check " + property
                    + (url == null ? ".statement" : ".url, .username, .password, .statement"));
        }
    }

    /** Where a file sink without a directory writes: its route template's default, placeholders resolved. */
    private String defaultFolder() {
        RouteTemplateDefinition template = camel.getCamelContextExtension().getContextPlugin(Model.class)
                .getRouteTemplateDefinition(FILE_SINK_TEMPLATE);
        return camel.resolvePropertyPlaceholders(template.getTemplateParameters().stream()
                .filter(parameter -> parameter.getName().equals("directory")).findFirst().orElseThrow()
                .getDefaultValue());
    }

    private PreflightResult folder(String part, String property, Map<String, String> parameters) {
        String directory = parameters.get("directory");
        Path folder = Path.of(directory == null || directory.isBlank() ? defaultFolder() : directory);
        var health = new FolderHealthIndicator(FolderHealthIndicator.created(folder), minFreeSpace).health();
        if (Status.UP.equals(health.getStatus())) {
            return PreflightResult.ok(part, folder.toAbsolutePath().normalize().toString());
        }
        return PreflightResult.failed(part, health.getDetails().get("error") + " (" + folder.toAbsolutePath()
                + "): check " + property + ".directory");
    }
}
