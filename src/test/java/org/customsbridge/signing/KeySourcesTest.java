package org.customsbridge.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySourcesTest {

    private static final String MD5_KEY = "md5KEYfromAsecretFILE0123456789a";

    @TempDir
    Path dir;

    @Test
    void aValueIsTheKeyItself() {
        assertThat(KeySources.text("  " + MD5_KEY + "\n")).isEqualTo(MD5_KEY);
    }

    @Test
    void aFileValueIsTheFilesTextWithoutItsFinalNewline() throws IOException {
        Path file = Files.writeString(dir.resolve("md5.key"), MD5_KEY + "\n", StandardCharsets.UTF_8);

        assertThat(KeySources.text("file:" + file)).isEqualTo(MD5_KEY);
        // the MD5 key of MAPI may come from a file like the RSA keys
        assertThat(MapiSigner.md5(KeySources.text("file:" + file)).signContent("a=1"))
                .isEqualTo(MapiSigner.md5(MD5_KEY).signContent("a=1"));
    }

    @Test
    void aMissingFileIsNamedButNoKeyText() {
        assertThatThrownBy(() -> KeySources.text("file:" + dir.resolve("missing.key")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot read key file " + dir.resolve("missing.key"));
    }
}
