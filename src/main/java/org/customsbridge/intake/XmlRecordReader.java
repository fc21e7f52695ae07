package org.customsbridge.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.customsbridge.record.RawRecord;
import org.customsbridge.xml.SafeXml;

/**
 * {@code <declarations><declaration><field>value</field>…</declaration>…</declarations>}, read
 * with StAX one declaration at a time. DTDs are refused outright: no entity is ever expanded and
 * nothing is ever fetched.
 */
final class XmlRecordReader implements RecordReader {

    private static final String ROOT = "declarations";
    private static final String RECORD = "declaration";

    private final String source;
    private final RecordSizeLimit text;
    private final XMLStreamReader xml;
    private boolean atRecord;
    private long ordinal;

    XmlRecordReader(String source, RecordSizeLimit reader) {
        this.source = source;
        this.text = reader;
        try {
            this.xml = SafeXml.inputFactory().createXMLStreamReader(reader);
            int event = nextStructural();
            if (event != XMLStreamConstants.START_ELEMENT || !ROOT.equals(xml.getLocalName())) {
                throw new UnreadableInputException(source + ": the root element must be <" + ROOT + ">");
            }
            atRecord = advanceToRecord();
        } catch (XMLStreamException e) {
            throw InputFormats.unreadable(source, "XML", e);
        }
    }

    @Override
    public boolean hasNext() {
        return atRecord;
    }

    @Override
    public RawRecord next() {
        if (!atRecord) {
            throw new NoSuchElementException();
        }
        long line = xml.getLocation().getLineNumber();
        text.recordStarts();
        ordinal++;
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            StringBuilder nested = new StringBuilder();
            while (true) {
                int event = nextStructural();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    throw new UnreadableInputException(source + " line " + xml.getLocation().getLineNumber()
                            + ": unexpected content in <" + RECORD + ">");
                }
                String name = xml.getLocalName();
                String text = fieldText();
                if (text == null) {
                    nested.append(nested.isEmpty() ? "" : ", ").append(name);
                } else if (TextInputs.normalized(text) != null) {
                    fields.put(name, TextInputs.normalized(text));
                }
            }
            atRecord = advanceToRecord();
            String problem = nested.isEmpty() ? null : nested + ": a single text value, not nested elements";
            return new RawRecord(source, line, ordinal, fields, problem);
        } catch (XMLStreamException e) {
            throw InputFormats.unreadable(source + " line " + line, "XML", e);
        }
    }

    /**
     * The text of the field element the reader is at, or null when it holds elements (which are skipped).
     * Not {@code getElementText()}: a parse error inside the field must stay a parse error, not look
     * like nesting.
     */
    private String fieldText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (xml.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    skipElement();
                    skipElement();
                    return null;
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new UnreadableInputException(source + " line "
                        + xml.getLocation().getLineNumber() + ": entity &" + xml.getLocalName()
                        + "; is not allowed (no DOCTYPE may declare it)");
                case XMLStreamConstants.END_DOCUMENT -> throw new UnreadableInputException(source
                        + ": the XML ends inside a field (truncated file?)");
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }

    /** Moves to the next {@code <declaration>}; false at the end of the root element. */
    private boolean advanceToRecord() throws XMLStreamException {
        int event = nextStructural();
        if (event == XMLStreamConstants.END_ELEMENT) {
            int after = nextStructural();
            if (after != XMLStreamConstants.END_DOCUMENT) {
                throw new UnreadableInputException(source + ": content after </" + ROOT + ">");
            }
            return false;
        }
        if (event != XMLStreamConstants.START_ELEMENT || !RECORD.equals(xml.getLocalName())) {
            throw new UnreadableInputException(source + " line " + xml.getLocation().getLineNumber()
                    + ": expected <" + RECORD + "> inside <" + ROOT + ">");
        }
        return true;
    }

    /** The next element or document boundary, skipping whitespace, comments and processing instructions. */
    private int nextStructural() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT,
                        XMLStreamConstants.END_DOCUMENT -> {
                    return event;
                }
                case XMLStreamConstants.DTD -> throw new UnreadableInputException(source
                        + ": a DOCTYPE is not allowed (external entities are refused)");
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (!xml.isWhiteSpace()) {
                        throw new UnreadableInputException(source + " line " + xml.getLocation().getLineNumber()
                                + ": text outside of a field element");
                    }
                }
                default -> {
                    // comments, processing instructions
                }
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    /** Skips to the end of the element the reader is in. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.DTD) {
                throw new UnreadableInputException(source + ": a DOCTYPE is not allowed");
            }
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // reading is over; nothing to recover
        }
    }
}
