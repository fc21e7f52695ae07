package org.customsbridge.preflight;

import java.util.List;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import org.customsbridge.intake.SftpSettings;

/**
 * The SFTP intake's server, when one is configured: it accepts the login with the configured
 * password or key, its host key is the one in the known_hosts file, and the polled folder exists.
 * It logs in with the same SSH library the intake uses and only looks; no file is touched.
 */
public class SftpCheck implements PreflightCheck {

    private static final int TIMEOUT_MS = 10_000;
    private static final String PART = "sftp";

    private final SftpSettings settings;

    public SftpCheck(SftpSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<PreflightResult> check() {
        if (!settings.enabled()) {
            return List.of();
        }
        Session session = null;
        try {
            session = session();
            session.connect(TIMEOUT_MS);
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(TIMEOUT_MS);
            try {
                if (!sftp.stat(settings.directory()).isDir()) {
                    return List.of(PreflightResult.failed(PART, settings.directory() + " is not a folder on "
                            + settings.address() + ": check customs.intake.sftp.directory"));
                }
            } finally {
                sftp.disconnect();
            }
            return List.of(PreflightResult.ok(PART, settings.address() + ": logged in, folder found"));
        } catch (SftpException e) {
            return List.of(PreflightResult.failed(PART, "no folder " + settings.directory() + " on "
                    + settings.address() + " (" + e.getMessage() + "): check customs.intake.sftp.directory"));
        } catch (JSchException e) {
            return List.of(PreflightResult.failed(PART, "cannot log in to " + settings.address() + " ("
                    + GatewayCheck.rootMessage(e) + "): check " + propertiesFor(e)));
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    private Session session() throws JSchException {
        JSch jsch = new JSch();
        if (settings.knownHostsFile() != null && !settings.knownHostsFile().isBlank()) {
            jsch.setKnownHosts(settings.knownHostsFile());
        }
        if (settings.privateKey() != null && !settings.privateKey().isBlank()) {
            jsch.addIdentity(SftpSettings.withoutFilePrefix(settings.privateKey()), settings.privateKeyPassphrase());
        }
        Session session = jsch.getSession(settings.user(), settings.host(), settings.port());
        if (settings.password() != null && !settings.password().isBlank()) {
            session.setPassword(settings.password());
        }
        session.setConfig("StrictHostKeyChecking", settings.strictHostKeyChecking() ? "yes" : "no");
        return session;
    }

    /** Which settings a failed SSH connection points at; its message never holds the password. */
    private static String propertiesFor(JSchException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase();
        if (message.contains("auth")) {
            return "customs.intake.sftp.user, customs.intake.sftp.password / customs.intake.sftp.private-key";
        }
        if (message.contains("hostkey") || message.contains("host key")) {
            return "customs.intake.sftp.known-hosts-file";
        }
        return "customs.intake.sftp.host, customs.intake.sftp.port";
    }
}
