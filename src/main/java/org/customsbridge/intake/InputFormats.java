package org.customsbridge.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.xml.stream.XMLStreamException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * Chooses the reader by the file's extension ({@code .csv .json .jsonl .xml}) and checks, in one
 * streaming pass before anything is declared, that a whole file can be read.
 */
public class InputFormats {

    private final ObjectMapper mapper;

    public InputFormats(ObjectMapper mapper) {
        // JSON numbers as written (an amount of 1.0000000000000001 must be refused, not rounded to 1.0 by a double)
        this.mapper = mapper.copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /** Opens a streaming reader over the file's records. */
    public RecordReader open(Path file) {
        String name = file.getFileName().toString();
        try {
            InputStream in = Files.newInputStream(file);
            try {
                return open(name, TextInputs.strictUtf8(in));
            } catch (RuntimeException e) {
                in.close();
                throw e;
            }
        } catch (IOException e) {
            throw unreadable(name, "text", e);
        }
    }

    /** Opens a reader over text that claims to be in the format of {@code name}'s extension. */
    public RecordReader open(String name, Reader text) {
        RecordSizeLimit limited = new RecordSizeLimit(text);
        return switch (extension(name)) {
            case "csv" -> new CsvRecordReader(name, limited);
            case "json" -> new JsonArrayRecordReader(name, limited, mapper);
            case "jsonl" -> new JsonLinesRecordReader(name, limited, mapper);
            case "xml" -> new XmlRecordReader(name, limited);
            default -> throw new UnreadableInputException(name
                    + ": unsupported file type; the inbox takes .csv, .json, .jsonl and .xml");
        };
    }

    /** Opens a reader over a JSON array of records from a source that is not a file (a message). */
    public RecordReader openJson(String source, Reader text) {
        return new JsonArrayRecordReader(source, new RecordSizeLimit(text), mapper);
    }

    /**
     * Reads the whole file once and counts its records.
     *
     * @throws UnreadableInputException naming the file, the line and what is wrong
     */
    public long probe(Path file) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) == 0) {
                throw new UnreadableInputException(name + ": the file is empty");
            }
        } catch (IOException e) {
            throw unreadable(name, "text", e);
        }
        long count = 0;
        try (RecordReader reader = open(file)) {
            while (reader.hasNext()) {
                reader.next();
                count++;
            }
        } catch (RuntimeException e) {
            if (TextInputs.codingFailure(e) != null) {
                throw new UnreadableInputException(TextInputs.firstNonUtf8(file), e);
            }
            throw e instanceof UnreadableInputException unreadable ? unreadable
                    : unreadable(name, extension(name).toUpperCase(Locale.ROOT), e);
        }
        if (count == 0) {
            throw new UnreadableInputException(name + ": no records in it");
        }
        return count;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The message an operator needs: where, and whether it is the encoding or the format. */
    static UnreadableInputException unreadable(String where, String format, Throwable failure) {
        CharacterCodingException coding = TextInputs.codingFailure(failure);
        if (coding != null) {
            return new UnreadableInputException(where + ": not UTF-8 text (" + coding.getMessage() + ")", failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordSizeLimit.TooLongException tooLong) {
                return new UnreadableInputException(where + ": " + tooLong.getMessage(), failure);
            }
        }
        if (failure instanceof UnreadableInputException unreadable) {
            return unreadable;
        }
        String file = where.replaceFirst(" line \\d+$", "");
        if (failure instanceof JsonProcessingException json && json.getLocation() != null) {
            return new UnreadableInputException(file + " line " + json.getLocation().getLineNr() + " column "
                    + json.getLocation().getColumnNr() + ": not valid " + format + ": "
                    + firstLine(json.getOriginalMessage()), failure);
        }
        if (failure instanceof XMLStreamException xml && xml.getLocation() != null) {
            return new UnreadableInputException(file + " line " + xml.getLocation().getLineNumber() + " column "
                    + xml.getLocation().getColumnNumber() + ": not valid " + format + ": "
                    + firstLine(xml.getMessage()).replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*", ""),
                    failure);
        }
        return new UnreadableInputException(where + ": not valid " + format + ": " + firstLine(failure.getMessage()),
                failure);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
