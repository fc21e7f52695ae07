package org.customsbridge.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.customsbridge.testsupport.TestKeys;

class PemKeysTest {

    static KeyPair pair;
    static String privatePem;
    static String publicPem;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        pair = TestKeys.rsa2048();
        privatePem = PemKeys.toPem("PRIVATE KEY", pair.getPrivate().getEncoded());
        publicPem = PemKeys.toPem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    @Test
    void toPemWritesLabelledBase64LinesOf64() {
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(privatePem.lines().skip(1).limit(privatePem.lines().count() - 2))
                .allSatisfy(line -> assertThat(line.length()).isBetween(1, 64));
    }

    @Test
    void loadsPemText() {
        assertSamePair(PemKeys.privateKey(privatePem), PemKeys.publicKey(publicPem));
    }

    @Test
    void loadsPemWithWindowsLineEndingsAndSurroundingBlanks() {
        assertSamePair(PemKeys.privateKey("\r\n  " + privatePem.replace("\n", "\r\n") + "  \r\n"),
                PemKeys.publicKey(publicPem.replace("\n", "\r\n")));
    }

    @Test
    void loadsBareBase64AsAlipaysConsolesPrintIt() {
        String privateBase64 = PemKeys.base64(pair.getPrivate().getEncoded());
        String publicBase64 = PemKeys.base64(pair.getPublic().getEncoded());

        assertThat(privateBase64).doesNotContain("\n", "-----");
        assertSamePair(PemKeys.privateKey(privateBase64), PemKeys.publicKey(publicBase64));
    }

    @Test
    void loadsBareBase64WrappedOverLines() {
        String wrapped = Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded());

        assertThat(PemKeys.publicKey(wrapped).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void loadsFilePaths() throws Exception {
        Path privateFile = Files.writeString(dir.resolve("merchant-private.pem"), privatePem);
        Path publicFile = Files.writeString(dir.resolve("alipay-public.txt"),
                PemKeys.base64(pair.getPublic().getEncoded()) + "\n");

        assertSamePair(PemKeys.privateKey("file:" + privateFile), PemKeys.publicKey("file:" + publicFile));
    }

    @Test
    void loadsPemPrecededByACommentLine() throws Exception {
        String commented = "# DEMO KEY generated for the built-in simulator. Never use it with Alipay.\n" + privatePem;
        Path file = Files.writeString(dir.resolve("demo-private.pem"), commented);

        assertThat(PemKeys.privateKey(commented).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(PemKeys.privateKey("file:" + file).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(PemKeys.publicKey("# public\n" + publicPem).getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void loadsAKeyFileWhoseCommentIsNotAscii() throws Exception {
        Path file = Files.writeString(dir.resolve("merchant-private.pem"),
                "# 商户私钥 (PKCS#8), rotated 2026-11 — do not share\n" + privatePem, StandardCharsets.UTF_8);

        assertThat(PemKeys.privateKey("file:" + file).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    }

    @Test
    void rejectsPkcs1PrivateKeyWithAClearMessageAndNoKeyMaterial() throws Exception {
        String pkcs1Body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs1(pair.getPrivate().getEncoded()));
        String pkcs1Pem = "-----BEGIN RSA PRIVATE KEY-----\n" + pkcs1Body + "\n-----END RSA PRIVATE KEY-----\n";
        Path file = Files.writeString(dir.resolve("legacy.pem"), pkcs1Pem);

        for (String source : new String[] {pkcs1Pem, "file:" + file}) {
            assertThatThrownBy(() -> PemKeys.privateKey(source))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("PKCS#1")
                    .hasMessageContaining("PKCS#8")
                    .hasNoCause()
                    .satisfies(e -> assertNoKeyMaterial(e.getMessage(), pkcs1Body));
        }
    }

    @Test
    void rejectsPkcs1PublicKey() {
        String body = PemKeys.base64(pair.getPublic().getEncoded());

        assertThatThrownBy(() -> PemKeys.publicKey("-----BEGIN RSA PUBLIC KEY-----\n" + body
                + "\n-----END RSA PUBLIC KEY-----\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#1")
                .satisfies(e -> assertNoKeyMaterial(e.getMessage(), body));
    }

    @Test
    void rejectsTextThatIsNoKeyWithoutEchoingIt() {
        String secretish = "MIIEvQ-this*is#not%base64";

        assertThatThrownBy(() -> PemKeys.privateKey(secretish))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key is neither PEM nor Base64 text")
                .hasNoCause();
    }

    @Test
    void rejectsAPublicKeyGivenAsPrivateKey() {
        String body = PemKeys.base64(pair.getPublic().getEncoded());

        assertThatThrownBy(() -> PemKeys.privateKey(publicPem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8")
                .satisfies(e -> assertNoKeyMaterial(e.getMessage(), body));
    }

    @Test
    void rejectsIncompletePem() {
        String truncated = privatePem.substring(0, privatePem.indexOf("-----END"));

        assertThatThrownBy(() -> PemKeys.privateKey(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("incomplete PEM text");
    }

    @Test
    void rejectsMissingKeyAndMissingFile() {
        assertThatThrownBy(() -> PemKeys.privateKey(null)).hasMessage("no key given");
        assertThatThrownBy(() -> PemKeys.publicKey("  ")).hasMessage("no key given");
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> PemKeys.privateKey("file:" + missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    private static void assertSamePair(PrivateKey privateKey, PublicKey publicKey) {
        assertThat(privateKey.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(publicKey.getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        String signature = AlipayPlusSignature.sign("POST", "/p", "c", "t", "{}", privateKey);
        assertThat(AlipayPlusSignature.verify("POST", "/p", "c", "t", "{}", signature, publicKey)).isTrue();
    }

    /** No 16-character run of the key's Base64 appears in the message. */
    private static void assertNoKeyMaterial(String message, String base64Body) {
        String flat = base64Body.replaceAll("\\s", "");
        for (int i = 0; i + 16 <= flat.length(); i += 8) {
            assertThat(message).doesNotContain(flat.substring(i, i + 16));
        }
    }

    /** The RSAPrivateKey (PKCS#1) inside a 2048-bit key's PKCS#8 PrivateKeyInfo. */
    private static byte[] pkcs1(byte[] pkcs8) {
        // 30 82 xx xx | 02 01 00 | 30 0d <rsaEncryption oid, null> | 04 82 xx xx | RSAPrivateKey
        assertThat(pkcs8[22]).isEqualTo((byte) 0x04);
        assertThat(pkcs8[23]).isEqualTo((byte) 0x82);
        byte[] inner = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        assertThat(inner[0]).isEqualTo((byte) 0x30);
        return inner;
    }
}
