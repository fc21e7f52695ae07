package org.customsbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.spi.RouteTemplateParameterSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How customs.intake.sftp.* becomes the parameters of the SFTP templates, without starting the bundle. */
class SftpIntakeTest {

    @TempDir
    Path root;

    @Test
    void noHostNoRoute() {
        SftpIntake intake = new SftpIntake(settings(null, "secret", null, true, null));

        assertThat(intake.routeIds()).isEmpty();
    }

    @Test
    void theEndpointTakesMillisecondsYesOrNoAndThePlainKeyPathWhileSecretsStayReferences() throws Exception {
        Path key = Files.writeString(root.resolve("id_ed25519"), "key");
        SftpIntake intake = new SftpIntake(settings("sftp.example.com", null, "file:" + key, false, "phrase"));

        assertThat(intake.routeIds()).containsExactly("sftp-upload", "sftp-intake");
        assertThat(intake.parameters("sftp-intake"))
                .containsEntry(RouteTemplateParameterSource.TEMPLATE_ID, "sftp-intake")
                .containsEntry("host", "sftp.example.com")
                .containsEntry("port", "2222")
                .containsEntry("username", "erp")
                .containsEntry("privateKeyFile", key.toString())
                .containsEntry("privateKeyPassphrase", "{{customs.intake.sftp.private-key-passphrase}}")
                .containsEntry("strictHostKeyChecking", "no")
                .containsEntry("pollDelay", "5000")
                .containsEntry("stableFor", "1500")
                .containsEntry("lockTimeout", "14500")
                .containsEntry("backoffMultiplier", "6")
                .containsEntry("directory", "inbox")
                .containsEntry("resultsDirectory", "outbox")
                .doesNotContainKeys("password", "knownHostsFile");
        assertThat(intake.parameters("sftp-upload"))
                .containsEntry(RouteTemplateParameterSource.TEMPLATE_ID, "sftp-upload")
                .containsEntry("privateKeyFile", key.toString())
                .doesNotContainKeys("directory", "pollDelay");
    }

    @Test
    void aPasswordIsPassedAsAReferenceToItsProperty() throws Exception {
        Path knownHosts = Files.writeString(root.resolve("known_hosts"), "");
        SftpIntake intake = new SftpIntake(new SftpSettings("sftp.example.com", 22, "erp", "s3cr&t", null, null,
                "inbox", "outbox", Duration.ofSeconds(5), Duration.ofSeconds(1), 6, knownHosts.toString(), true,
                root.resolve("staging")));

        assertThat(intake.parameters("sftp-upload"))
                .containsEntry("password", "{{customs.intake.sftp.password}}")
                .containsEntry("knownHostsFile", knownHosts.toString())
                .containsEntry("strictHostKeyChecking", "yes");
    }

    private SftpSettings settings(String host, String password, String privateKey, boolean strict, String passphrase) {
        return new SftpSettings(host, 2222, "erp", password, privateKey, passphrase, "inbox", "outbox",
                Duration.ofSeconds(5), Duration.ofMillis(1500), 6, null, strict, root.resolve("staging"));
    }
}
