package org.customsbridge.intake;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * Where a file stops being UTF-8, for the operator: {@code name line 7 column 12: not UTF-8 text
     * (byte 0xE9)}. Readers decode ahead in blocks, so the line is found by a second, line-wise pass.
     */
    static String firstNonUtf8(Path file) {
        String name = file.getFileName().toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long lineNumber = 1;
            int b;
            do {
                b = in.read();
                if (b == '\n' || b < 0) {
                    String problem = decodeProblem(line.toByteArray());
                    if (problem != null) {
                        return name + " line " + lineNumber + " " + problem;
                    }
                    line.reset();
                    lineNumber++;
                } else {
                    line.write(b);
                }
            } while (b >= 0);
            return name + ": not UTF-8 text";
        } catch (IOException e) {
            return name + ": not UTF-8 text";
        }
    }

    private static String decodeProblem(byte[] line) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(line);
        CharBuffer chars = CharBuffer.allocate(line.length + 1);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (!result.isError()) {
            return null;
        }
        return "column " + (bytes.position() + 1) + ": not UTF-8 text (byte 0x"
                + String.format("%02X", line[bytes.position()] & 0xFF) + ")";
    }

    static String normalized(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
