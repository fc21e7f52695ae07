package org.customsbridge.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a key setting's text comes from: the value itself (a property, a command-line argument or
 * an environment variable), or the file a {@code file:/path} value names (a mounted secret). The key
 * text never appears in an exception message; the path may.
 */
public final class KeySources {

    private static final String FILE = "file:";

    private KeySources() {
    }

    /** The key text of {@code source}, stripped of surrounding whitespace (a file's final newline). */
    public static String text(String source) {
        String value = source.strip();
        if (!value.startsWith(FILE)) {
            return value;
        }
        Path path = Path.of(value.substring(FILE.length()));
        try {
            // UTF-8: a comment line above a PEM may be in any language; the key itself is ASCII
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + path, e);
        }
    }
}
