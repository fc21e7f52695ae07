package org.customsbridge.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Headers;

/**
 * A status event as named SQL parameters: every field of the event (docs/statuses.md), absent ones as {@code null},
 * so that a statement may name any of them; or as message headers for an endpoint sink.
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

    /**
     * The event's present fields as {@code customs<Field>} headers ({@code customsStatus},
     * {@code customsDeclarationRequestId}, ...), as text, so that the receiving side can route or
     * filter without parsing the body; the body stays the event's JSON.
     */
    public void asHeaders(@Body String json, @Headers Map<String, Object> headers) throws Exception {
        of(json).forEach((name, value) -> {
            if (value != null) {
                headers.put(headerName(name), value.toString());
            }
        });
    }

    /** {@code status} -> {@code customsStatus}. */
    public static String headerName(String field) {
        return "customs" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
