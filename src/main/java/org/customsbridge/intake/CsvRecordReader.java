package org.customsbridge.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.customsbridge.record.RawRecord;

/** CSV with a header row naming the fields, in any column order (RFC 4180 quoting). */
final class CsvRecordReader implements RecordReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final String source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final List<String> header;
    private long lastLine;
    private long ordinal;

    CsvRecordReader(String source, Reader reader) {
        this.source = source;
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            this.rows = parser.iterator();
            if (!rows.hasNext()) {
                throw new UnreadableInputException(source + ": no header row");
            }
            CSVRecord headerRow = rows.next();
            this.header = headerRow.stream().map(String::strip).toList();
            this.lastLine = parser.getCurrentLineNumber();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw InputFormats.unreadable(source, "CSV", e);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                throw new UnreadableInputException(source + ": header column " + (i + 1) + " has no name");
            }
            Integer earlier = seen.put(name, i);
            if (earlier != null) {
                throw new UnreadableInputException(source + ": header names " + name + " twice (columns "
                        + (earlier + 1) + " and " + (i + 1) + ")");
            }
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return rows.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw InputFormats.unreadable(source + " line " + (lastLine + 1), "CSV", e);
        }
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord row;
        try {
            row = rows.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw InputFormats.unreadable(source + " line " + (lastLine + 1), "CSV", e);
        }
        long line = lastLine + 1;
        lastLine = parser.getCurrentLineNumber();
        ordinal++;
        Map<String, String> fields = new LinkedHashMap<>();
        int columns = Math.min(row.size(), header.size());
        for (int i = 0; i < columns; i++) {
            String value = TextInputs.normalized(row.get(i));
            if (value != null) {
                fields.put(header.get(i), value);
            }
        }
        String problem = row.size() == header.size() ? null
                : row.size() + " values but the header names " + header.size() + " columns";
        return new RawRecord(source, line, ordinal, fields, problem);
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
