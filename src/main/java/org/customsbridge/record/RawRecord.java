package org.customsbridge.record;

import java.util.Map;

/**
 * One record as read from an input, before validation: its field values as text, where it came
 * from, and a problem the reader already found with it (e.g. a CSV row with too many values).
 *
 * @param source  the input's name, e.g. {@code orders.csv} or {@code jms:customs.declarations}
 * @param line    the line of the input where the record starts (1-based)
 * @param ordinal the record's position in the input (1-based)
 * @param fields  field name to trimmed value; blank values are absent
 * @param problem what the reader could not accept, or {@code null}
 */
public record RawRecord(String source, long line, long ordinal, Map<String, String> fields, String problem) {

    public String field(String name) {
        return fields.get(name);
    }

    /** Everything but the values of personal fields, which are only named: a record may end up in a log. */
    @Override
    public String toString() {
        return "RawRecord[" + location() + ", " + Fields.withoutPersonalValues(fields)
                + (problem == null ? "" : ", " + problem) + "]";
    }

    /** Where this record is, for messages: {@code orders.csv line 7}. */
    public String location() {
        return source + " line " + line;
    }
}
