package org.customsbridge.flow;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on a free loopback port standing in for an ERP's: one user
 * who logs in with a key (written to an OpenSSH key file) or a password, a folder of its own as the
 * login folder, and a known_hosts file that holds the server's key.
 */
public final class SftpServer implements AutoCloseable {

    static final String USER = "erp";
    /** Characters that must reach the server unchanged through an endpoint URI. */
    static final String PASSWORD = "s3cret&+=%";

    private final SshServer server;
    private final Path home;
    private final Path privateKey;
    private final Path knownHosts;
    private final Path staging;

    public SftpServer(Path root) {
        try {
            home = Files.createDirectories(root.resolve("sftp-home"));
            staging = root.resolve("sftp-staging");
            KeyPair userKey = ecKeyPair();
            privateKey = root.resolve("erp-key");
            try (OutputStream out = Files.newOutputStream(privateKey)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "erp", null, out);
            }
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(root.resolve("host-key"));
            hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
            server.setKeyPairProvider(hostKeys);
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(home));
            server.setPublickeyAuthenticator((user, key, session) ->
                    USER.equals(user) && KeyUtils.compareKeys(key, userKey.getPublic()));
            server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
            server.start();
            PublicKey hostKey = hostKeys.loadKeys(null).iterator().next().getPublic();
            knownHosts = root.resolve("known_hosts");
            Files.writeString(knownHosts, knownHostsLine(hostKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A known_hosts line for this server's address with {@code key}. */
    String knownHostsLine(PublicKey key) {
        return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(key) + "\n";
    }

    static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** The bundle's settings for this server, logging in with the key. */
    public Map<String, String> settings() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("customs.intake.sftp.host", "127.0.0.1");
        settings.put("customs.intake.sftp.staging-directory", staging.toString());
        settings.put("customs.intake.sftp.port", Integer.toString(server.getPort()));
        settings.put("customs.intake.sftp.user", USER);
        settings.put("customs.intake.sftp.private-key", privateKey.toString());
        settings.put("customs.intake.sftp.known-hosts-file", knownHosts.toString());
        settings.put("customs.intake.sftp.directory", "inbox");
        settings.put("customs.intake.sftp.results-directory", "results");
        settings.put("customs.intake.sftp.poll-delay", "200ms");
        settings.put("customs.intake.sftp.stable-for", "200ms");
        return settings;
    }

    Path knownHosts() {
        return knownHosts;
    }

    /** A file in the user's login folder, as the server stores it. */
    public Path file(String relative) {
        return home.resolve(relative);
    }

    /** Puts a file in the polled folder the way an ERP should: under a hidden name, then renamed. */
    public void drop(String name, String content) {
        try {
            Path inbox = Files.createDirectories(home.resolve("inbox"));
            Path hidden = inbox.resolve("." + name + ".uploading");
            Files.writeString(hidden, content, StandardCharsets.UTF_8);
            Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
