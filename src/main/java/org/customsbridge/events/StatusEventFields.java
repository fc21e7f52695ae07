package org.customsbridge.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A status event as named SQL parameters: every field of the event (docs/statuses.md), absent ones as {@code null},
 * so that a statement may name any of them.
 */
public class StatusEventFields {

    public static final List<String> NAMES = List.of("declarationRequestId", "paymentId", "gateway", "status",
            "previousStatus", "code", "message", "alipayDeclarationId", "customsResult", "at");

    private final ObjectMapper mapper;

    public StatusEventFields(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Map<String, Object> of(String json) throws Exception {
        Map<String, Object> event = mapper.readValue(json, new TypeReference<Map<String, Object>>() { });
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : NAMES) {
            fields.put(name, event.get(name));
        }
        return fields;
    }
}
