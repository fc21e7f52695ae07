package org.customsbridge.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made per test run, with its
 * key in a PKCS12 key store and the certificate alone in a PKCS12 trust store, both under one password.
 */
public record TestCertificates(Path keyStore, Path trustStore, String password, KeyStore keys, KeyStore trusted) {

    public static TestCertificates selfSigned(Path folder, String name) {
        try {
            KeyPair pair = TestKeys.rsa2048();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + name);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(1))), subject, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            String password = "changeit-" + name;
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(name, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(name, certificate);
            Path keyStore = write(keys, folder.resolve(name + "-key.p12"), password);
            Path trustStore = write(trusted, folder.resolve(name + "-trust.p12"), password);
            return new TestCertificates(keyStore, trustStore, password, keys, trusted);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that presents {@code identity}'s certificate and trusts {@code trusting}'s. */
    public static SSLContext clientContext(TestCertificates identity, TestCertificates trusting) {
        return context(identity, trusting);
    }

    /** A client context that trusts {@code trusting}'s certificate and presents none. */
    public static SSLContext trustingOnly(TestCertificates trusting) {
        return context(null, trusting);
    }

    private static SSLContext context(TestCertificates identity, TestCertificates trusting) {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            if (identity != null) {
                keyManagers.init(identity.keys(), identity.password().toCharArray());
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusting.trusted());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(identity == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(KeyStore store, Path file, String password) throws IOException,
            GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
