package org.customsbridge.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 text: a byte sequence that is not UTF-8 is an error, never a replacement character. */
final class TextInputs {

    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private TextInputs() {
    }

    /** A reader that fails on malformed UTF-8 and skips a leading byte-order mark (Excel writes one). */
    static Reader strictUtf8(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    /** Unwraps the decoding failure that readers wrap in their own exceptions. */
    static CharacterCodingException codingFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException coding) {
                return coding;
            }
        }
        return null;
    }

    static String normalized(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
