package org.customsbridge.intake;

import java.io.IOException;
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

    /** Blank lines are skipped here, not by the parser, so that every record's line number stays exact. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final String source;
    private final RecordSizeLimit text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final List<String> header;
    private long lastLine;
    private long rowLine;
    private CSVRecord pending;
    private long pendingLine;
    private long ordinal;

    CsvRecordReader(String source, RecordSizeLimit reader) {
        this.source = source;
        this.text = reader;
        try {
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
            this.rows = parser.iterator();
            CSVRecord headerRow = nextRow();
            if (headerRow == null) {
                throw new UnreadableInputException(source + ": no header row");
            }
            this.header = headerRow.stream().map(String::strip).toList();
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
        if (pending == null) {
            try {
                pending = nextRow();
                pendingLine = rowLine;
            } catch (UncheckedIOException | IllegalStateException e) {
                throw InputFormats.unreadable(source + " line " + (lastLine + 1), "CSV", e);
            }
        }
        return pending != null;
    }

    @Override
    public RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord row = pending;
        long line = pendingLine;
        pending = null;
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

    /** The next row that is not a blank line, with its first line in {@code rowLine}; null at the end. */
    private CSVRecord nextRow() {
        text.recordStarts();
        while (rows.hasNext()) {
            CSVRecord row = rows.next();
            rowLine = lastLine + 1;
            lastLine = parser.getCurrentLineNumber();
            if (row.size() != 1 || !row.get(0).isEmpty()) {
                return row;
            }
        }
        return null;
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
