package org.customsbridge.intake;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The text under a record reader, counted per record: more than {@link #MAX_CHARS} characters read
 * for one record ends the input with {@link TooLongException}. Parsers build a field or a line
 * whole in memory, so without this limit one quote or element that is never closed would make the
 * rest of a file of any size into one value and exhaust the heap. Parsers read ahead in blocks of a
 * few kilobytes, so the count is a little above the record's own length; the limit is far above
 * any valid record (the longest field is 256 characters) and above the 1 MB values that are still
 * reported as an INVALID record.
 */
final class RecordSizeLimit extends FilterReader {

    /** 4 Mi characters: 8 MB of heap as a Java string, at most one at a time per input being read. */
    static final int MAX_CHARS = 4 * 1024 * 1024;

    private final int limit;
    private long sinceRecordStart;

    RecordSizeLimit(Reader in) {
        this(in, MAX_CHARS);
    }

    RecordSizeLimit(Reader in, int limit) {
        super(in);
        this.limit = limit;
    }

    /** The reader is at the start of a new record: its count starts again. */
    void recordStarts() {
        sinceRecordStart = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            count(read);
        }
        return read;
    }

    private void count(int chars) throws TooLongException {
        sinceRecordStart += chars;
        if (sinceRecordStart > limit) {
            throw new TooLongException("a record longer than " + limit
                    + " characters (a quote, bracket or element that is never closed?)");
        }
    }

    /** One record is longer than the limit; the rest of the input cannot be read. */
    static final class TooLongException extends IOException {

        TooLongException(String message) {
            super(message);
        }
    }
}
