package org.customsbridge.intake;

import java.io.Closeable;
import java.util.Iterator;

import org.customsbridge.record.RawRecord;

/**
 * Streams the records of one input, one at a time, so that a file of any size is never held in
 * memory. A problem with one record comes back inside that record; a problem that makes the rest
 * of the input unreadable is thrown as {@link UnreadableInputException}.
 */
public interface RecordReader extends Iterator<RawRecord>, Closeable {

    @Override
    void close();
}
