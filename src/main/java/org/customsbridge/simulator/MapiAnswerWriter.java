package org.customsbridge.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.customsbridge.mapi.MapiAnswerSigning;

/**
 * Writes MAPI answers in the shape of Alipay's samples: XML declaration, four-space indentation,
 * the request echoed, {@code <sign>} and {@code <sign_type>} after {@code </response>}. One instance
 * builds the {@code <alipay>} inside a response; {@link #signedContent()} is what gets signed, by the
 * rule Alipay's MAPI pages give ({@link MapiAnswerSigning#SORTED}).
 */
final class MapiAnswerWriter {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    private final StringBuilder alipay = new StringBuilder("\n        <alipay>\n");
    /** Each child of the {@code <alipay>} written, with the text directly inside it, as a reader gets it. */
    private final Map<String, String> children = new LinkedHashMap<>();

    /** Adds {@code <name>value</name>}, or {@code <name/>} for {@code ""}; a {@code null} value is left out. */
    MapiAnswerWriter field(String name, String value) {
        leaf(alipay, 3, name, value);
        if (value != null) {
            children.put(name, value);
        }
        return this;
    }

    /** Adds {@code <records>} with one {@code <customs_declare>} per record, its fields in the map's order. */
    MapiAnswerWriter records(List<Map<String, String>> records) {
        if (records.isEmpty()) {
            alipay.append(indent(3)).append("<records/>\n");
            children.put("records", "");
            return this;
        }
        // the text between the <customs_declare> elements is all a reader sees of <records> itself
        StringBuilder ownText = new StringBuilder();
        alipay.append(indent(3)).append("<records>");
        for (Map<String, String> record : records) {
            String before = "\n" + indent(4);
            alipay.append(before).append("<customs_declare>\n");
            ownText.append(before);
            record.forEach((name, value) -> leaf(alipay, 5, name, value));
            alipay.append(indent(4)).append("</customs_declare>");
        }
        String after = "\n" + indent(3);
        alipay.append(after).append("</records>\n");
        children.put("records", ownText.append(after).toString());
        return this;
    }

    /** The exact text between {@code <response>} and {@code </response>}. */
    String responseText() {
        return alipay + indent(2) + "</alipay>\n" + indent(1);
    }

    /** What the answer's signature covers: the children of the {@code <alipay>} as sorted pairs. */
    String signedContent() {
        return MapiAnswerSigning.SORTED.content(children, responseText());
    }

    /** An {@code is_success=T} answer around a response text already signed. */
    static String answer(Map<String, String> request, String responseText, String sign, String signType) {
        StringBuilder xml = new StringBuilder(DECLARATION).append("<alipay>\n");
        leaf(xml, 1, "is_success", "T");
        xml.append(indent(1)).append("<request>\n");
        request.forEach((name, value) -> xml.append(indent(2)).append("<param name=\"").append(escape(name))
                .append("\">").append(escape(value)).append("</param>\n"));
        xml.append(indent(1)).append("</request>\n");
        xml.append(indent(1)).append("<response>").append(responseText).append("</response>\n");
        leaf(xml, 1, "sign", sign);
        leaf(xml, 1, "sign_type", signType);
        return xml.append("</alipay>").toString();
    }

    /** An {@code is_success=F} answer: the gateway refused the call; Alipay signs none of these. */
    static String gatewayError(String error) {
        StringBuilder xml = new StringBuilder(DECLARATION).append("<alipay>\n");
        leaf(xml, 1, "is_success", "F");
        leaf(xml, 1, "error", error);
        return xml.append("</alipay>").toString();
    }

    private static void leaf(StringBuilder xml, int depth, String name, String value) {
        if (value == null) {
            return;
        }
        xml.append(indent(depth));
        if (value.isEmpty()) {
            xml.append('<').append(name).append("/>\n");
        } else {
            xml.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
        }
    }

    private static String indent(int depth) {
        return "    ".repeat(depth);
    }

    /** Text or attribute value; characters XML 1.0 cannot carry at all (a merchant may send any) become '?'. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    escaped.appendCodePoint(allowed ? c : '?');
                }
            }
        });
        return escaped.toString();
    }
}
