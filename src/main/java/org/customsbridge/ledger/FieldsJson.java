package org.customsbridge.ledger;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A declaration's fields as the ledger's {@code request_fields} and {@code pending_fields} hold them: a JSON object. */
final class FieldsJson {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

    private final ObjectMapper mapper;

    FieldsJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(Map<String, String> fields) {
        try {
            return mapper.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> read(String json) {
        try {
            return mapper.readValue(json, FIELDS);
        } catch (JsonProcessingException e) {
            // the JSON itself is never quoted: it holds personal data
            throw new IllegalStateException("unreadable request fields in the ledger", e);
        }
    }
}
