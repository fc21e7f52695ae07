package org.customsbridge.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.record.RawRecord;

/**
 * JSON lines: one record object per line, blank lines skipped. A line that is not JSON is an
 * invalid record, not an unreadable file, since the other lines stand on their own; only a first
 * record that is not JSON marks the file as not JSON lines at all.
 */
final class JsonLinesRecordReader implements RecordReader {

    private final String source;
    private final RecordSizeLimit text;
    private final BufferedReader reader;
    private final ObjectMapper mapper;
    private String pending;
    private long line;
    private long pendingLine;
    private long ordinal;

    JsonLinesRecordReader(String source, RecordSizeLimit reader, ObjectMapper mapper) {
        this.source = source;
        this.text = reader;
        this.reader = new BufferedReader(reader);
        this.mapper = mapper;
        advance();
        if (pending == null) {
            throw new UnreadableInputException(source + ": no JSON lines in it");
        }
        try {
            mapper.readTree(pending);
        } catch (JsonProcessingException e) {
            throw new UnreadableInputException(source + " line " + pendingLine + ": not JSON lines: "
                    + InputFormats.firstLine(e.getOriginalMessage()));
        }
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public RawRecord next() {
        if (pending == null) {
            throw new NoSuchElementException();
        }
        String text = pending;
        long recordLine = pendingLine;
        advance();
        ordinal++;
        try {
            JsonFields.Extracted extracted = JsonFields.of(mapper.readTree(text));
            return new RawRecord(source, recordLine, ordinal, extracted.fields(), extracted.problem());
        } catch (JsonProcessingException e) {
            return new RawRecord(source, recordLine, ordinal, Map.of(),
                    "not a JSON object: " + InputFormats.firstLine(e.getOriginalMessage()));
        }
    }

    private void advance() {
        try {
            String next;
            do {
                text.recordStarts();
                next = reader.readLine();
                line++;
            } while (next != null && next.isBlank());
            pending = next;
            pendingLine = line;
        } catch (IOException e) {
            throw InputFormats.unreadable(source + " line " + line, "JSON lines", new UncheckedIOException(e));
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // reading is over; nothing to recover
        }
    }
}
