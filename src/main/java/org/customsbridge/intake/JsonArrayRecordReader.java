package org.customsbridge.intake;

import java.io.IOException;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.record.RawRecord;

/** A JSON array of record objects, read element by element with Jackson's streaming parser. */
final class JsonArrayRecordReader implements RecordReader {

    private final String source;
    private final RecordSizeLimit text;
    private final JsonParser parser;
    private final ObjectMapper mapper;
    private JsonToken current;
    private long ordinal;

    JsonArrayRecordReader(String source, RecordSizeLimit reader, ObjectMapper mapper) {
        this.source = source;
        this.text = reader;
        this.mapper = mapper;
        try {
            this.parser = mapper.getFactory().createParser(reader);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new UnreadableInputException(source + ": no JSON in it");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new UnreadableInputException(source + ": must be a JSON array of records, found "
                        + kind(first) + " at line " + parser.currentLocation().getLineNr());
            }
            this.current = parser.nextToken();
        } catch (IOException e) {
            throw InputFormats.unreadable(source, "JSON", e);
        }
    }

    /** What a top-level value is, for the operator (a string or number token has no text of its own). */
    private static String kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public boolean hasNext() {
        if (current == null) {
            throw new UnreadableInputException(source + ": the JSON array is not closed (truncated file?)");
        }
        return current != JsonToken.END_ARRAY;
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        long line = parser.currentTokenLocation().getLineNr();
        text.recordStarts();
        try {
            JsonNode node = mapper.readTree(parser);
            current = parser.nextToken();
            if (current == JsonToken.END_ARRAY && parser.nextToken() != null) {
                throw new UnreadableInputException(source + ": text after the closing ] at line "
                        + parser.currentLocation().getLineNr());
            }
            JsonFields.Extracted extracted = JsonFields.of(node);
            return new RawRecord(source, line, ++ordinal, extracted.fields(), extracted.problem());
        } catch (IOException e) {
            throw InputFormats.unreadable(source + " line " + line, "JSON", e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // reading is over; nothing to recover
        }
    }
}
