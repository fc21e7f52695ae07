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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.record.Fields;
import org.customsbridge.record.RawRecord;

/**
 * The ERP lookup (Content Enricher): a record that lacks a field the declaration needs is looked up
 * with a GET of {@code customs.enrich.http.url}, and every field it lacks is taken from the JSON
 * object the ERP answers, whose keys are the record's field names (CONTRACT §1). Answers are kept
 * for {@code cache-ttl} per URL. A lookup that fails - no answer after its attempts, an HTTP error,
 * an answer that is not a JSON object or lacks a needed field - becomes the record's problem, so the
 * record is INVALID with a message naming the lookup. A complete record is never looked up.
 */
public class ErpLookup {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final int MAX_CACHED = 10_000;

    private record Cached(Map<String, String> fields, Instant expires) {
    }

    /** Why a lookup did not give fields; {@code retry} when the ERP may answer on a later attempt. */
    private static final class LookupFailure extends Exception {
        private final boolean retry;

        LookupFailure(String message, boolean retry) {
            super(message, null, false, false);
            this.retry = retry;
        }
    }

    private final LookupSettings settings;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ErpLookup(LookupSettings settings, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
        this.http = settings.enabled() ? HttpClient.newBuilder().connectTimeout(settings.timeout()).build() : null;
    }

    /** The record with the fields it lacked filled from the ERP, or with the lookup's failure as its problem. */
    public RawRecord fill(RawRecord record) {
        if (http == null || missing(record).isEmpty()) {
            return record;
        }
        String url;
        try {
            url = url(record);
        } catch (LookupFailure e) {
            return withProblem(record, "lookup " + settings.url().strip() + ": " + e.getMessage());
        }
        try {
            Map<String, String> answer = answer(url);
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

    private String url(RawRecord record) throws LookupFailure {
        Matcher placeholders = PLACEHOLDER.matcher(settings.url().strip());
        StringBuilder url = new StringBuilder();
        while (placeholders.find()) {
            String value = record.field(placeholders.group(1));
            if (value == null) {
                throw new LookupFailure("needs " + placeholders.group(1), false);
            }
            placeholders.appendReplacement(url, Matcher.quoteReplacement(
                    URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        placeholders.appendTail(url);
        return url.toString();
    }

    private Map<String, String> answer(String url) throws LookupFailure {
        Instant now = clock.instant();
        Cached cached = cache.get(url);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.fields();
        }
        Map<String, String> fields = fetchWithRetries(url);
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(url, new Cached(fields, now.plus(settings.cacheTtl())));
        return fields;
    }

    private Map<String, String> fetchWithRetries(String url) throws LookupFailure {
        Duration delay = settings.retryDelay();
        for (int attempt = 1; ; attempt++) {
            try {
                return fetch(url);
            } catch (LookupFailure e) {
                if (!e.retry || attempt >= settings.maxAttempts()) {
                    throw attempt == 1 ? e : new LookupFailure(e.getMessage() + " (after " + attempt + " attempts)", false);
                }
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LookupFailure("interrupted", false);
            }
            delay = delay.multipliedBy(2);
        }
    }

    private Map<String, String> fetch(String url) throws LookupFailure {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LookupFailure("no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailure("interrupted", false);
        } catch (IllegalArgumentException e) {
            throw new LookupFailure("not a valid URL: " + e.getMessage(), false);
        }
        int status = response.statusCode();
        if (status != 200) {
            throw new LookupFailure("HTTP " + status, status >= 500 || status == 429);
        }
        return fields(response.body());
    }

    /** The answer's top-level text, number and boolean values by name. */
    private Map<String, String> fields(String body) throws LookupFailure {
        JsonNode answer;
        try {
            answer = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LookupFailure("the answer is not JSON", false);
        }
        if (answer == null || !answer.isObject()) {
            throw new LookupFailure("the answer is not a JSON object", false);
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

    private static RawRecord withProblem(RawRecord record, String problem) {
        String problems = record.problem() == null ? problem : record.problem() + "; " + problem;
        return new RawRecord(record.source(), record.line(), record.ordinal(), record.fields(), problems);
    }
}
