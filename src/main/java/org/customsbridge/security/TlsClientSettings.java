package org.customsbridge.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code customs.http.tls.*}: TLS of the bundle's outbound HTTP calls (the gateways, the ERP lookup,
 * the erp-http status sink). Both stores are read at start, so that a missing file or a wrong password
 * stops start-up naming its property rather than failing the first call.
 *
 * @param trustStore         the certificates (or CAs) trusted for outbound calls, instead of Java's
 *                           own; empty: Java's default trust store
 * @param trustStorePassword the trust store's password
 * @param trustStoreType     the trust store's type: PKCS12 or JKS
 * @param keyStore           the client certificate and its private key, presented to servers that ask
 *                           for one (mutual TLS); empty: none
 * @param keyStorePassword   the key store's password
 * @param keyStoreType       the key store's type: PKCS12 or JKS
 * @param keyPassword        the private key's password within the key store; empty: the key store's
 */
@ConfigurationProperties("customs.http.tls")
public record TlsClientSettings(
        Path trustStore,
        String trustStorePassword,
        @DefaultValue("PKCS12") String trustStoreType,
        Path keyStore,
        String keyStorePassword,
        @DefaultValue("PKCS12") String keyStoreType,
        String keyPassword) {

    public TlsClientSettings {
        if (trustStore != null) {
            load("customs.http.tls.trust-store", trustStore, trustStoreType, trustStorePassword);
        }
        if (keyStore != null) {
            load("customs.http.tls.key-store", keyStore, keyStoreType, keyStorePassword);
        }
    }

    KeyStore trusted() {
        return trustStore == null ? null : load("customs.http.tls.trust-store", trustStore, trustStoreType,
                trustStorePassword);
    }

    KeyStore clientKey() {
        return keyStore == null ? null : load("customs.http.tls.key-store", keyStore, keyStoreType, keyStorePassword);
    }

    String clientKeyPassword() {
        return keyPassword == null || keyPassword.isEmpty() ? keyStorePassword : keyPassword;
    }

    private static KeyStore load(String property, Path file, String type, String password) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(property + ": no readable file " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // a wrong password shows as an IOException whose cause is an UnrecoverableKeyException
            throw new IllegalArgumentException(property + ": cannot read " + file + " as " + type + " (check "
                    + property + "-type and " + property + "-password): " + e.getMessage(), e);
        }
    }

    /** Without the passwords: settings get logged. */
    @Override
    public String toString() {
        return "TlsClientSettings[trustStore=" + trustStore + ", trustStoreType=" + trustStoreType + ", keyStore="
                + keyStore + ", keyStoreType=" + keyStoreType + "]";
    }
}
