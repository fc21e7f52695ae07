package org.customsbridge.intake;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one JSON object into record fields: scalars become text, anything nested is a problem. */
final class JsonFields {

    private JsonFields() {
    }

    record Extracted(Map<String, String> fields, String problem) {
    }

    static Extracted of(JsonNode node) {
        if (!node.isObject()) {
            return new Extracted(Map.of(), "a record must be a JSON object, found " + node.getNodeType().name().toLowerCase());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> nested = new ArrayList<>();
        for (Iterator<Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                nested.add(field.getKey());
            } else if (!value.isNull()) {
                String text = TextInputs.normalized(value.asText());
                if (text != null) {
                    fields.put(field.getKey(), text);
                }
            }
        }
        String problem = nested.isEmpty() ? null
                : String.join(", ", nested) + ": a single text or number value, not an object or array";
        return new Extracted(fields, problem);
    }
}
