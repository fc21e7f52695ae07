package org.customsbridge.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code customs.intake.sftp.*}: an SFTP folder polled like the inbox. Off while {@code host} is
 * empty; once it is set, a setting the intake cannot work with stops start-up naming the property
 * (a wrong password or an unknown host key can only show at the first connection: health says so).
 *
 * @param host                   the SFTP server; empty = no SFTP intake
 * @param port                   the server's SSH port
 * @param user                   the login
 * @param password               the login's password (or log in with privateKey)
 * @param directory              the folder polled, relative to the login folder (or absolute with a leading /)
 * @param resultsDirectory       where results files are uploaded (same rules as directory)
 * @param privateKey             path of an OpenSSH/PEM private key file ({@code file:} prefix allowed)
 * @param privateKeyPassphrase   the key file's passphrase, if it has one
 * @param pollDelay              how often the folder is polled
 * @param knownHostsFile         the known_hosts file the server's key must be in
 * @param strictHostKeyChecking  false accepts any host key (test setups only)
 * @param stagingDirectory       local folder the file is downloaded to before it is declared
 * @param stableFor              a remote file is taken once its size and time stamp have not changed this long
 * @param backoffMultiplier      after a failed poll, this many polls are skipped before the next attempt
 */
@Validated
@ConfigurationProperties("customs.intake.sftp")
public record SftpSettings(
        String host,
        @DefaultValue("22") int port,
        String user,
        String password,
        String privateKey,
        String privateKeyPassphrase,
        @DefaultValue("inbox") String directory,
        @DefaultValue("outbox") String resultsDirectory,
        @DefaultValue("5s") Duration pollDelay,
        @DefaultValue("1s") Duration stableFor,
        @DefaultValue("6") int backoffMultiplier,
        String knownHostsFile,
        @DefaultValue("true") boolean strictHostKeyChecking,
        @DefaultValue("data/sftp-staging") Path stagingDirectory) {

    private static final String PREFIX = "customs.intake.sftp.";

    public SftpSettings {
        if (isSet(host)) {
            check(port >= 1 && port <= 65535, "port: 1 to 65535, was " + port);
            check(isSet(user), "user: required when customs.intake.sftp.host is set");
            check(isSet(password) || isSet(privateKey),
                    "password: or customs.intake.sftp.private-key required when customs.intake.sftp.host is set");
            if (isSet(privateKey)) {
                check(Files.isReadable(Path.of(withoutFilePrefix(privateKey))),
                        "private-key: no readable key file at " + withoutFilePrefix(privateKey));
            }
            if (strictHostKeyChecking) {
                check(isSet(knownHostsFile), "known-hosts-file: required to check the server's key (or set "
                        + "customs.intake.sftp.strict-host-key-checking=false to accept any key)");
                check(Files.isReadable(Path.of(knownHostsFile)), "known-hosts-file: no readable file at " + knownHostsFile);
            }
            check(isSet(directory), "directory: required when customs.intake.sftp.host is set");
            check(isSet(resultsDirectory), "results-directory: required when customs.intake.sftp.host is set");
            check(pollDelay.compareTo(Duration.ofMillis(100)) >= 0, "poll-delay: at least 100ms, was " + pollDelay);
            check(backoffMultiplier >= 1 && backoffMultiplier <= 1000, "backoff-multiplier: 1 to 1000, was "
                    + backoffMultiplier);
        }
    }

    public boolean enabled() {
        return isSet(host);
    }

    /** Where the server and folder are, for logs and health (no credentials). */
    public String address() {
        return "sftp://" + user + "@" + host + ":" + port + "/" + directory;
    }

    public static String withoutFilePrefix(String path) {
        return path.startsWith("file:") ? path.substring("file:".length()) : path;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(PREFIX + message);
        }
    }

    @Override
    public String toString() {
        return "SftpSettings[" + (enabled() ? address() : "off") + "]";
    }
}
