package org.customsbridge.intake;

import java.util.LinkedHashMap;
import java.util.Map;

import org.customsbridge.TemplatedRoutes;

/**
 * The SFTP intake's routes, handed to Camel as route template parameters (the same mechanism as
 * {@code camel.route-template.config}): when {@code customs.intake.sftp.host} is set, Camel creates
 * {@code sftp-intake} and {@code sftp-upload} from their templates (routes/) with the parameters
 * below, translated from {@code customs.intake.sftp.*}: durations as the milliseconds Camel's SFTP
 * endpoint takes, strict host key checking as its yes/no, the key file as a plain path. Secrets
 * are passed as references to their property, so that they never sit in a route's definition.
 * Without a host there is no SFTP route at all.
 */
public class SftpIntake extends TemplatedRoutes {

    private static final String PROPERTY = "customs.intake.sftp.";

    public SftpIntake(SftpSettings settings) {
        if (!settings.enabled()) {
            return;
        }
        Map<String, Object> server = server(settings);
        add("sftp-upload", "sftp-upload", server);

        Map<String, Object> intake = new LinkedHashMap<>(server);
        intake.put("directory", settings.directory());
        intake.put("resultsDirectory", settings.resultsDirectory());
        intake.put("stagingDirectory", settings.stagingDirectory().toString());
        intake.put("pollDelay", Long.toString(settings.pollDelay().toMillis()));
        intake.put("stableFor", Long.toString(settings.stableFor().toMillis()));
        // a file that keeps changing is left for a later poll once three checks could not settle it
        intake.put("lockTimeout", Long.toString(settings.stableFor().toMillis() * 3 + 10_000));
        intake.put("backoffMultiplier", Integer.toString(settings.backoffMultiplier()));
        add("sftp-intake", "sftp-intake", intake);
    }

    /** Where the server is and how to log in: the parameters both templates share. */
    private static Map<String, Object> server(SftpSettings settings) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("host", settings.host().strip());
        server.put("port", Integer.toString(settings.port()));
        server.put("username", settings.user());
        if (isSet(settings.password())) {
            server.put("password", "{{" + PROPERTY + "password}}");
        }
        if (isSet(settings.privateKey())) {
            server.put("privateKeyFile", SftpSettings.withoutFilePrefix(settings.privateKey().strip()));
        }
        if (isSet(settings.privateKeyPassphrase())) {
            server.put("privateKeyPassphrase", "{{" + PROPERTY + "private-key-passphrase}}");
        }
        if (isSet(settings.knownHostsFile())) {
            server.put("knownHostsFile", settings.knownHostsFile());
        }
        server.put("strictHostKeyChecking", settings.strictHostKeyChecking() ? "yes" : "no");
        return server;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
