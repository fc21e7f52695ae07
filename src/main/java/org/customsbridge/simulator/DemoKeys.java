package org.customsbridge.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

import org.customsbridge.privacy.LedgerKeys;
import org.customsbridge.signing.PemKeys;

/**
 * Throwaway RSA-2048 key pairs for the built-in simulator, generated on first start into a local
 * folder (never committed): one for the merchant side, one for the simulated Alipay; and an AES key
 * that encrypts the ledger's personal data. They let a new user run the bundle end to end without any
 * key of their own.
 */
public final class DemoKeys {

    public static final String MERCHANT = "merchant";
    public static final String ALIPAY = "alipay";
    private static final String LEDGER_KEY = "ledger-encryption.key";

    private final Path directory;

    private DemoKeys(Path directory) {
        this.directory = directory;
    }

    /** Makes sure both key pairs exist in {@code directory}, generating what is missing. */
    public static synchronized DemoKeys in(Path directory) {
        DemoKeys keys = new DemoKeys(directory);
        keys.ensure(MERCHANT);
        keys.ensure(ALIPAY);
        keys.ensureLedgerKey();
        return keys;
    }

    /** {@code file:} reference to the demo ledger encryption key, as {@code customs.ledger.encryption-key} takes it. */
    public String ledgerKey() {
        return "file:" + directory.resolve(LEDGER_KEY);
    }

    /** {@code file:} reference to a party's private key, as the key properties take it. */
    public String privateKey(String party) {
        return "file:" + directory.resolve(party + "-private.pem");
    }

    public String publicKey(String party) {
        return "file:" + directory.resolve(party + "-public.pem");
    }

    private void ensure(String party) {
        Path privatePem = directory.resolve(party + "-private.pem");
        Path publicPem = directory.resolve(party + "-public.pem");
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path tmp = Files.createTempFile(directory, "." + party, ".tmp");
            restrict(tmp);
            Files.writeString(tmp, "# DEMO KEY generated for the built-in simulator. Never use it with Alipay.\n"
                    + PemKeys.toPem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(publicPem, "# DEMO KEY generated for the built-in simulator.\n"
                    + PemKeys.toPem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(tmp, privatePem, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo keys to " + directory, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ensureLedgerKey() {
        Path key = directory.resolve(LEDGER_KEY);
        if (Files.exists(key)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, ".ledger", ".tmp");
            restrict(tmp);
            Files.writeString(tmp, LedgerKeys.generate() + "\n", StandardCharsets.US_ASCII);
            // never over an existing key (another start may have just made one): rows are encrypted under it
            try {
                Files.createLink(key, tmp);
            } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
                // keep the one that is there
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo keys to " + directory, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
    }
}
