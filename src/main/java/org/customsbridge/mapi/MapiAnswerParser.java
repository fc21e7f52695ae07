package org.customsbridge.mapi;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.customsbridge.declare.NoTrustedAnswerException;
import org.customsbridge.xml.SafeXml;

/**
 * Reads a MAPI answer ({@code <alipay><is_success>…<response>…</response><sign>…</alipay>}) with
 * StAX. A DOCTYPE is refused outright, so no entity is ever expanded and nothing is ever fetched.
 *
 * <p>The signed part is cut from the answer's own text, never re-serialized: what lies between the
 * one {@code <response>} and the one {@code </response>}. The business fields are then read from
 * that very text, so that what is verified and what is used cannot differ (a second response hidden
 * in a comment changes nothing). Unknown elements are ignored, as Alipay asks; a field named twice
 * is ambiguous and refused. Every child of {@code <response><alipay>} is also kept with its text as it
 * came, for the signature rules that sign name-value pairs ({@link MapiAnswerSigning}). This class
 * checks no signature: {@link MapiAnswerVerifier} does.
 */
public class MapiAnswerParser {

    /** The code of every refusal here: the answer cannot be read, so its outcome is unknown. */
    public static final String UNREADABLE_ANSWER = "UNREADABLE_ANSWER";

    static final String RESPONSE_OPEN = "<response>";
    static final String RESPONSE_CLOSE = "</response>";
    private static final String ROOT = "alipay";
    private static final String REQUEST = "request";
    private static final String PARAM = "param";
    private static final String RESPONSE = "response";
    private static final String RECORDS = "records";
    private static final String RECORD = "customs_declare";

    /** What the outer document says; the response's content is read separately, from its text. */
    private record Envelope(Map<String, String> leaves, Map<String, String> request, int responses) {
    }

    private record Business(Map<String, String> fields, List<Map<String, String>> records,
                            Map<String, String> children) {
    }

    /** An element's own text (not stripped; text inside its child elements excluded) and whether it had none. */
    private record Element(String text, boolean leaf) {
    }

    public MapiAnswer parse(String xml) throws NoTrustedAnswerException {
        if (xml == null || xml.isBlank()) {
            throw unreadable("the MAPI answer is empty");
        }
        Envelope envelope = read(xml, "", MapiAnswerParser::envelope);
        String isSuccess = envelope.leaves().get(MapiApi.IS_SUCCESS);
        if (!MapiApi.TRUE.equals(isSuccess) && !MapiApi.FALSE.equals(isSuccess)) {
            throw unreadable("the MAPI answer has no is_success T or F");
        }
        if (envelope.responses() > 1) {
            throw unreadable("the MAPI answer has more than one <response>");
        }
        String responseText = null;
        Business business = new Business(Map.of(), List.of(), Map.of());
        if (envelope.responses() == 1) {
            responseText = responseText(xml);
            business = read(RESPONSE_OPEN + responseText + RESPONSE_CLOSE, " in <response>",
                    MapiAnswerParser::business);
        }
        return new MapiAnswer(MapiApi.TRUE.equals(isSuccess), envelope.leaves().get(MapiApi.ERROR),
                envelope.leaves().get(MapiApi.SIGN), envelope.leaves().get(MapiApi.SIGN_TYPE), responseText,
                envelope.request(), business.fields(), business.records(), business.children());
    }

    /** The exact text between the tags, provided each appears once, written plainly. */
    private static String responseText(String xml) throws NoTrustedAnswerException {
        int open = xml.indexOf(RESPONSE_OPEN);
        int close = xml.indexOf(RESPONSE_CLOSE);
        if (open < 0 || close < open
                || xml.indexOf(RESPONSE_OPEN, open + 1) >= 0 || xml.indexOf(RESPONSE_CLOSE, close + 1) >= 0) {
            throw unreadable("the MAPI answer's response is not written once as <response>...</response>");
        }
        return xml.substring(open + RESPONSE_OPEN.length(), close);
    }

    // ------------------------------------------------------------------ the two documents

    private static Envelope envelope(XMLStreamReader xml) throws XMLStreamException, NoTrustedAnswerException {
        toRoot(xml, ROOT);
        Map<String, String> leaves = new LinkedHashMap<>();
        Map<String, String> request = new LinkedHashMap<>();
        int responses = 0;
        while (nextChild(xml)) {
            switch (xml.getLocalName()) {
                case REQUEST -> request(xml, request);
                case RESPONSE -> {
                    responses++;
                    skip(xml);
                }
                default -> leaf(xml, leaves);
            }
        }
        toEnd(xml);
        return new Envelope(leaves, request, responses);
    }

    /** The echo of the call; not signed and only informative, so a repeated name keeps its first value. */
    private static void request(XMLStreamReader xml, Map<String, String> request)
            throws XMLStreamException, NoTrustedAnswerException {
        while (nextChild(xml)) {
            String name = PARAM.equals(xml.getLocalName()) ? xml.getAttributeValue(null, "name") : null;
            String value = leafText(xml);
            if (name != null && value != null) {
                request.putIfAbsent(name, value);
            }
        }
    }

    private static Business business(XMLStreamReader xml) throws XMLStreamException, NoTrustedAnswerException {
        toRoot(xml, RESPONSE);
        Map<String, String> fields = new LinkedHashMap<>();
        List<Map<String, String>> records = new ArrayList<>();
        Map<String, String> children = new LinkedHashMap<>();
        int containers = 0;
        while (nextChild(xml)) {
            if (!ROOT.equals(xml.getLocalName())) {
                skip(xml);
            } else if (++containers > 1) {
                throw unreadable("the MAPI answer has more than one <alipay> in its response");
            } else {
                while (nextChild(xml)) {
                    String name = xml.getLocalName();
                    boolean leaf = false;
                    String text;
                    if (RECORDS.equals(name)) {
                        text = records(xml, records);
                    } else {
                        Element element = element(xml);
                        leaf = element.leaf();
                        text = element.text();
                    }
                    // A field named twice is ambiguous, for its value and for the signed pairs alike. A
                    // repeated element with children adds only white space: the first one stands for all.
                    if (children.putIfAbsent(name, text) != null && (leaf || fields.containsKey(name))) {
                        throw unreadable("the MAPI answer names <" + name + "> twice in one place");
                    }
                    if (leaf) {
                        fields.put(name, text.strip());
                    }
                }
            }
        }
        toEnd(xml);
        return new Business(fields, records, children);
    }

    /**
     * Every {@code <customs_declare>}, however many; anything else in {@code <records>} is ignored.
     * Returns the text directly inside {@code <records>} (white space, as a rule).
     */
    private static String records(XMLStreamReader xml, List<Map<String, String>> records)
            throws XMLStreamException, NoTrustedAnswerException {
        StringBuilder ownText = new StringBuilder();
        while (nextChild(xml, ownText)) {
            if (RECORD.equals(xml.getLocalName())) {
                Map<String, String> record = new LinkedHashMap<>();
                while (nextChild(xml)) {
                    leaf(xml, record);
                }
                records.add(record);
            } else {
                skip(xml);
            }
        }
        return ownText.toString();
    }

    // ------------------------------------------------------------------ StAX steps

    @FunctionalInterface
    private interface Reading<T> {
        T read(XMLStreamReader xml) throws XMLStreamException, NoTrustedAnswerException;
    }

    private static <T> T read(String text, String where, Reading<T> reading) throws NoTrustedAnswerException {
        XMLStreamReader xml = null;
        try {
            xml = SafeXml.inputFactory().createXMLStreamReader(new StringReader(text));
            return reading.read(xml);
        } catch (XMLStreamException e) {
            String location = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber()
                    + where + ")";
            throw unreadable("the MAPI answer is not well-formed XML" + location + ": " + firstLine(e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // reading is over; nothing to recover
                }
            }
        }
    }

    /** Moves to the root element, which must be {@code name}, refusing a DOCTYPE on the way. */
    private static void toRoot(XMLStreamReader xml, String name) throws XMLStreamException, NoTrustedAnswerException {
        while (xml.hasNext()) {
            int event = xml.next();
            refuseDtdAndEntities(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!name.equals(xml.getLocalName())) {
                    throw unreadable("the MAPI answer's root is <" + xml.getLocalName() + ">, not <" + name + ">");
                }
                return;
            }
        }
        throw unreadable("the MAPI answer has no <" + name + "> element");
    }

    /** Reads past the root's end, so that the parser checks nothing but comments follow. */
    private static void toEnd(XMLStreamReader xml) throws XMLStreamException, NoTrustedAnswerException {
        while (xml.hasNext()) {
            refuseDtdAndEntities(xml.next());
        }
    }

    /** Moves to the current element's next child element (true) or to its end (false). */
    private static boolean nextChild(XMLStreamReader xml) throws XMLStreamException, NoTrustedAnswerException {
        return nextChild(xml, null);
    }

    /** As {@link #nextChild(XMLStreamReader)}, adding the text passed on the way to {@code ownText}, if given. */
    private static boolean nextChild(XMLStreamReader xml, StringBuilder ownText)
            throws XMLStreamException, NoTrustedAnswerException {
        while (xml.hasNext()) {
            int event = xml.next();
            refuseDtdAndEntities(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (ownText != null && isText(event)) {
                ownText.append(xml.getText());
            }
            // otherwise stray text, comments and processing instructions between elements carry nothing
        }
        throw unreadable("the MAPI answer ends inside an element");
    }

    /** Adds the current element to {@code into} if it is a leaf; refuses a name seen before. */
    private static void leaf(XMLStreamReader xml, Map<String, String> into)
            throws XMLStreamException, NoTrustedAnswerException {
        String name = xml.getLocalName();
        String value = leafText(xml);
        if (value == null) {
            return;
        }
        if (into.putIfAbsent(name, value) != null) {
            throw unreadable("the MAPI answer names <" + name + "> twice in one place");
        }
    }

    /** The stripped text of the current element, or {@code null} (and skipped) if it has child elements. */
    private static String leafText(XMLStreamReader xml) throws XMLStreamException, NoTrustedAnswerException {
        Element element = element(xml);
        // the samples pad some values (" Declaration Form Parameters Illegal ")
        return element.leaf() ? element.text().strip() : null;
    }

    /** Reads the current element to its end: its own text as it came, its child elements skipped. */
    private static Element element(XMLStreamReader xml) throws XMLStreamException, NoTrustedAnswerException {
        StringBuilder text = new StringBuilder();
        boolean leaf = true;
        while (xml.hasNext()) {
            int event = xml.next();
            refuseDtdAndEntities(event);
            if (isText(event)) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                leaf = false;
                skip(xml);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return new Element(text.toString(), leaf);
            }
            // comments and processing instructions carry nothing
        }
        throw unreadable("the MAPI answer ends inside an element");
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    /** Skips the current element, children and all. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException, NoTrustedAnswerException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            refuseDtdAndEntities(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void refuseDtdAndEntities(int event) throws NoTrustedAnswerException {
        if (event == XMLStreamConstants.DTD) {
            throw unreadable("the MAPI answer declares a DOCTYPE; refused (external entities are never read)");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw unreadable("the MAPI answer uses an entity reference; refused");
        }
    }

    private static NoTrustedAnswerException unreadable(String message) {
        return new NoTrustedAnswerException(UNREADABLE_ANSWER, message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("").strip()
                .replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*", "");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
