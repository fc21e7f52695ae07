package org.customsbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.customsbridge.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsClientSettingsTest {

    @TempDir
    Path root;

    @Test
    void bothStoresAreReadAtStartAndTheirKeyGoesToCamel() {
        TestCertificates certificates = TestCertificates.selfSigned(root, "erp");
        TlsClientSettings settings = new TlsClientSettings(certificates.trustStore(), certificates.password(),
                "PKCS12", certificates.keyStore(), certificates.password(), "PKCS12", null);
        var tls = OutboundTls.sslContextParameters(settings);
        assertThat(tls.getTrustManagers()).isNotNull();
        assertThat(tls.getKeyManagers().getKeyPassword()).isEqualTo(certificates.password());
        assertThat(settings.toString()).doesNotContain(certificates.password());
    }

    @Test
    void aMissingFileOrAWrongPasswordStopsStartNamingTheProperty() {
        TestCertificates certificates = TestCertificates.selfSigned(root, "erp");
        assertThatThrownBy(() -> new TlsClientSettings(root.resolve("missing.p12"), "x", "PKCS12", null, null,
                "PKCS12", null)).hasMessageStartingWith("customs.http.tls.trust-store: no readable file");
        assertThatThrownBy(() -> new TlsClientSettings(null, null, "PKCS12", certificates.keyStore(), "wrong",
                "PKCS12", null)).hasMessageStartingWith("customs.http.tls.key-store: cannot read")
                .hasMessageContaining("customs.http.tls.key-store-password").hasMessageNotContaining("wrong");
    }
}
