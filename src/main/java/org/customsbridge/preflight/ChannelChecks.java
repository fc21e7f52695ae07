package org.customsbridge.preflight;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.customsbridge.operations.FolderHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.unit.DataSize;

/**
 * The channels to the ERP that are configured: the ERP lookup, and each status sink — an HTTP
 * endpoint answers, a SQL sink's database accepts its statement, a file sink's folder is writable.
 * A JMS sink needs the broker only, checked with it.
 */
public class ChannelChecks implements PreflightCheck {

    private final Binder binder;
    private final DataSource ledger;
    private final Path outbox;
    private final DataSize minFreeSpace;

    public ChannelChecks(Binder binder, DataSource ledger, Path outbox, DataSize minFreeSpace) {
        this.binder = binder;
        this.ledger = ledger;
        this.outbox = outbox;
        this.minFreeSpace = minFreeSpace;
    }

    @Override
    public List<PreflightResult> check() {
        List<PreflightResult> results = new ArrayList<>();
        String lookup = binder.bind("customs.enrich.http.url", String.class).orElse("");
        if (!lookup.isBlank()) {
            // a GET of a made-up record, as the lookup itself makes: harmless, and proves the way there
            results.add(ReachableUrl.check("erp lookup", "GET", lookup.replaceAll("\\{[^}]*}", "PREFLIGHT-CHECK"),
                    "customs.enrich.http.url"));
        }
        for (String name : binder.bind("customs.sinks", Bindable.listOf(String.class)).orElse(List.of("file"))) {
            String sink = name.strip();
            Map<String, String> parameters = binder.bind("customs.sinks." + sink,
                    Bindable.mapOf(String.class, String.class)).orElse(Map.of());
            String type = parameters.getOrDefault("type", sink);
            String part = "sink " + sink;
            String property = "customs.sinks." + sink;
            switch (type) {
                case "erp-http" -> results.add(ReachableUrl.check(part, "HEAD", parameters.getOrDefault("url", ""),
                        property + ".url"));
                case "sql" -> results.add(sql(part, property, parameters));
                case "file" -> results.add(folder(part, property, parameters));
                default -> results.add(PreflightResult.ok(part, type + " (uses the broker or a component checked"
                        + " with it)"));
            }
        }
        return results;
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

    private PreflightResult folder(String part, String property, Map<String, String> parameters) {
        String directory = parameters.get("directory");
        Path folder = directory == null || directory.isBlank() ? outbox.resolve("status") : Path.of(directory);
        var health = new FolderHealthIndicator(FolderHealthIndicator.created(folder), minFreeSpace).health();
        if (Status.UP.equals(health.getStatus())) {
            return PreflightResult.ok(part, folder.toAbsolutePath().normalize().toString());
        }
        return PreflightResult.failed(part, health.getDetails().get("error") + " (" + folder.toAbsolutePath()
                + "): check " + property + ".directory");
    }
}
