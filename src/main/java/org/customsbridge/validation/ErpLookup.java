package org.customsbridge.validation;

import static org.customsbridge.record.Fields.AMOUNT;
import static org.customsbridge.record.Fields.CUSTOMS_CODE;
import static org.customsbridge.record.Fields.DECLARATION_REQUEST_ID;
import static org.customsbridge.record.Fields.MERCHANT_CUSTOMS_CODE;
import static org.customsbridge.record.Fields.MERCHANT_CUSTOMS_NAME;
import static org.customsbridge.record.Fields.PAYMENT_ID;
import static org.customsbridge.record.Fields.SPLIT;
import static org.customsbridge.record.Fields.SUB_ORDER_ID;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.RouteTemplateParameterSource;
import org.customsbridge.record.Fields;
import org.customsbridge.record.RawRecord;

/**
 * The ERP lookup (Content Enricher): a record that lacks a field the declaration needs is looked up
 * with a GET of {@code customs.enrich.http.url} through the route {@code erp-lookup} (its resends
 * are that route's), and every field it lacks is taken from the JSON object the ERP answers, whose
 * keys are the record's field names. Answers are kept for {@code cache-ttl} per URL. A lookup that
 * fails - no answer after its attempts, an HTTP error, an answer that is not a JSON object or lacks
 * a needed field - becomes the record's problem, so the record is INVALID with a message naming the
 * lookup. A complete record is never looked up.
 */
public class ErpLookup {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final int MAX_CACHED = 10_000;
    private static final String ROUTE = "direct:erp-lookup";

    /** Why a lookup did not give fields. */
    private static final class LookupFailure extends RuntimeException {
        LookupFailure(String message) {
            super(message, null, false, false);
        }
    }

    private final LookupSettings settings;
    private final ObjectMapper mapper;
    private final ProducerTemplate producer;
    private final Cache<String, Map<String, String>> answers;

    public ErpLookup(LookupSettings settings, ObjectMapper mapper, Clock clock, ProducerTemplate producer) {
        this.settings = settings;
        this.mapper = mapper;
        this.producer = producer;
        this.answers = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED)
                .expireAfterWrite(settings.cacheTtl())
                .ticker(() -> nanos(clock.instant()))
                .build();
    }

    /** The erp-lookup route's parameters, for Camel to create it from its template. */
    public static RouteTemplateParameterSource route(LookupSettings settings) {
        Map<String, Object> parameters = Map.of(RouteTemplateParameterSource.TEMPLATE_ID, "erp-lookup",
                "origin", settings.origin(), "timeout", Long.toString(settings.timeout().toMillis()));
        return new RouteTemplateParameterSource() {
            @Override
            public Map<String, Object> parameters(String routeId) {
                return new LinkedHashMap<>(parameters);
            }

            @Override
            public java.util.Set<String> routeIds() {
                return java.util.Set.of("erp-lookup");
            }
        };
    }

    /** The record with the fields it lacked filled from the ERP, or with the lookup's failure as its problem. */
    public RawRecord fill(RawRecord record) {
        if (missing(record).isEmpty()) {
            return record;
        }
        String url;
        try {
            url = url(record);
        } catch (LookupFailure e) {
            return withProblem(record, "lookup " + settings.url().strip() + ": " + e.getMessage());
        }
        try {
            Map<String, String> answer = answers.get(url, this::fetch);
            Map<String, String> fields = new LinkedHashMap<>(record.fields());
            answer.forEach((name, value) -> {
                if (!DECLARATION_REQUEST_ID.equals(name) && Fields.ALL.contains(name)) {
                    fields.putIfAbsent(name, value);
                }
            });
            RawRecord filled = new RawRecord(record.source(), record.line(), record.ordinal(), fields, record.problem());
            List<String> stillMissing = missing(filled);
            return stillMissing.isEmpty() ? filled
                    : withProblem(filled, "lookup " + url + ": the answer has no " + String.join(", ", stillMissing));
        } catch (LookupFailure e) {
            return withProblem(record, "lookup " + url + ": " + e.getMessage());
        }
    }

    /** The fields a declaration needs that the record leaves empty. */
    static List<String> missing(RawRecord record) {
        List<String> missing = new ArrayList<>();
        for (String field : List.of(PAYMENT_ID, CUSTOMS_CODE, MERCHANT_CUSTOMS_CODE, MERCHANT_CUSTOMS_NAME, AMOUNT)) {
            if (record.field(field) == null) {
                missing.add(field);
            }
        }
        if ("true".equalsIgnoreCase(record.field(SPLIT)) && record.field(SUB_ORDER_ID) == null) {
            missing.add(SUB_ORDER_ID);
        }
        return missing;
    }

    private String url(RawRecord record) {
        Matcher placeholders = PLACEHOLDER.matcher(settings.url().strip());
        StringBuilder url = new StringBuilder();
        while (placeholders.find()) {
            String value = record.field(placeholders.group(1));
            if (value == null) {
                throw new LookupFailure("needs " + placeholders.group(1));
            }
            placeholders.appendReplacement(url, Matcher.quoteReplacement(
                    URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        placeholders.appendTail(url);
        return url.toString();
    }

    /** One lookup through the erp-lookup route, resends included; the answer's fields or why there are none. */
    private Map<String, String> fetch(String url) {
        try {
            URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new LookupFailure("not a valid URL: " + e.getMessage());
        }
        Exchange exchange = producer.send(ROUTE, request -> request.getIn().setHeader(Exchange.HTTP_URI, url));
        Exception failure = exchange.getException();
        if (failure != null) {
            int attempts = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1;
            throw new LookupFailure(describe(failure) + (attempts == 1 ? "" : " (after " + attempts + " attempts)"));
        }
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status != 200) {
            throw new LookupFailure("HTTP " + status);
        }
        return fields(exchange.getMessage().getBody(String.class));
    }

    private static String describe(Exception failure) {
        if (failure instanceof HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode();
        }
        Throwable cause = failure;
        while (!(cause instanceof IOException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return "no answer: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    /** The answer's top-level text, number and boolean values by name. */
    private Map<String, String> fields(String body) {
        JsonNode answer;
        try {
            answer = body == null ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LookupFailure("the answer is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            throw new LookupFailure("the answer is not a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        answer.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                fields.put(field.getKey(), value.asText().strip());
            }
        });
        return fields;
    }

    /** The clock's time for the cache's expiry, so that a test's clock ages the answers too. */
    private static long nanos(Instant now) {
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static RawRecord withProblem(RawRecord record, String problem) {
        String problems = record.problem() == null ? problem : record.problem() + "; " + problem;
        return new RawRecord(record.source(), record.line(), record.ordinal(), record.fields(), problems);
    }
}
