package org.customsbridge.xml;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A flat XML document, {@code <xml><name>value</name>…</xml>}, as WeChat Pay's v2 API exchanges
 * them: one root, one element per field, text only. Written with every value in CDATA; read with
 * {@link SafeXml}'s parser, a DOCTYPE or entity reference refused, a field named twice or with child
 * elements refused (what is signed must be what is read).
 */
public final class FlatXml {

    /** Why a document is not flat XML, in words fit for a log line (never the values). */
    public static class NotFlatXmlException extends Exception {
        public NotFlatXmlException(String message) {
            super(message);
        }
    }

    private FlatXml() {
    }

    /** The fields as {@code <root>} children in their map order; {@code null} values are left out. */
    public static String write(String root, Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<").append(root).append('>');
        fields.forEach((name, value) -> {
            if (value != null) {
                xml.append('<').append(name).append('>').append(cdata(value)).append("</").append(name).append('>');
            }
        });
        return xml.append("</").append(root).append('>').toString();
    }

    /** The root's children, name to text (CDATA or not), in document order. */
    public static Map<String, String> read(String text, String root) throws NotFlatXmlException {
        if (text == null || text.isBlank()) {
            throw new NotFlatXmlException("empty document");
        }
        XMLStreamReader xml = null;
        try {
            xml = SafeXml.inputFactory().createXMLStreamReader(new StringReader(text));
            Map<String, String> fields = new LinkedHashMap<>();
            int depth = 0;
            String name = null;
            StringBuilder value = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new NotFlatXmlException("a DOCTYPE is not accepted");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new NotFlatXmlException("entity references are not accepted");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth == 1 && !root.equals(xml.getLocalName())) {
                            throw new NotFlatXmlException("the root is <" + xml.getLocalName() + ">, not <" + root + ">");
                        }
                        if (depth > 2) {
                            throw new NotFlatXmlException("<" + name + "> holds elements, not text");
                        }
                        if (depth == 2) {
                            name = xml.getLocalName();
                            value.setLength(0);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth == 2) {
                            value.append(xml.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth == 2 && fields.put(name, value.toString()) != null) {
                            throw new NotFlatXmlException("<" + name + "> is named twice");
                        }
                        depth--;
                    }
                    default -> {
                        // comments and processing instructions carry nothing
                    }
                }
            }
            return fields;
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new NotFlatXmlException("not well-formed XML: " + message);
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

    /** A value as CDATA; a {@code ]]>} inside is split across two sections. */
    private static String cdata(String value) {
        return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
