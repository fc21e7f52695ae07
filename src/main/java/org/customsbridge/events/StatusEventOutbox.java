package org.customsbridge.events;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.customsbridge.CustomsConstants;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The status events the ledger wrote, read per sink from that sink's cursor on, as the JSON that
 * docs/statuses.md describes. Delivery is at least once: the cursor is written once every
 * {@link #CURSOR_EVERY} events and after the last of a batch, so a crash delivers again at most the
 * events since it was last written (at most {@link #CURSOR_EVERY}).
 * <p>
 * Event ids are drawn when a transaction writes the event, but transactions (of several workers, or
 * of several nodes) commit in any order: an event may become visible after one with a higher id has
 * been delivered. So a sink reads only up to the first gap in the ids, unless the event after the
 * gap is older than {@link #SETTLE}: then the gap is a transaction that rolled back (or a skipped
 * sequence value), and delivery goes on past it.
 */
public class StatusEventOutbox {

    /** Exchange properties the sink routes use. */
    public static final String EVENT_ID = CustomsConstants.EVENT_ID;
    public static final String EVENT = CustomsConstants.EVENT;
    public static final String SINK = CustomsConstants.SINK;
    /** Exchange property: how many events the delivery in hand holds. */
    public static final String EVENTS = CustomsConstants.EVENTS;

    /**
     * One delivery: a single event, or for a sink that takes several at once (the file sink, one append
     * for up to {@link #CURSOR_EVERY} lines) that many events in order, their JSON texts one per line.
     * {@code id} is the position in the outbox of the last of them.
     */
    public record Pending(long id, String json, int events) {

        public Pending(long id, String json) {
            this(id, json, 1);
        }
    }

    /**
     * Events delivered per cursor write. A write per event was a ledger transaction per event, on the
     * ledger the declare workers write (about 5 % of the end-to-end throughput, bench/README.md); once
     * every 50 events bounds what a crash delivers again to 50 events.
     */
    public static final int CURSOR_EVERY = 50;

    /** Far longer than a ledger transaction takes from writing an event to its commit. */
    static final Duration SETTLE = Duration.ofSeconds(10);

    private record Written(Pending pending, OffsetDateTime at) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int batchSize;

    public StatusEventOutbox(JdbcTemplate jdbc, ObjectMapper mapper, Clock clock, int batchSize) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Creates the sink's cursor if it has none: a new sink starts with the events still to come. */
    public void register(String sink) {
        try {
            jdbc.update("insert into status_sink_cursor (sink, last_event_id) "
                    + "select ?, coalesce(max(id), 0) from status_event", sink);
        } catch (DuplicateKeyException known) {
            // registered on an earlier start
        }
    }

    /**
     * The sink's next events, oldest first, up to a gap that an uncommitted event may still fill, in
     * deliveries of up to {@code eventsPerDelivery} events each, their JSON texts one per line: a file
     * sink appends them in one write, where a write per event cost more than everything else of the
     * event's delivery (bench/README.md, Levers).
     */
    public List<Pending> pending(String sink, int eventsPerDelivery) {
        List<Pending> ready = ready(sink);
        if (eventsPerDelivery <= 1 || ready.size() <= 1) {
            return ready;
        }
        List<Pending> deliveries = new ArrayList<>();
        for (int from = 0; from < ready.size(); from += eventsPerDelivery) {
            List<Pending> events = ready.subList(from, Math.min(from + eventsPerDelivery, ready.size()));
            StringJoiner lines = new StringJoiner("\n");
            events.forEach(event -> lines.add(event.json()));
            deliveries.add(new Pending(events.get(events.size() - 1).id(), lines.toString(), events.size()));
        }
        return deliveries;
    }

    private List<Pending> ready(String sink) {
        long cursor = jdbc.queryForObject("select last_event_id from status_sink_cursor where sink = ?", Long.class,
                sink);
        List<Written> written = jdbc.query("""
                select e.* from status_event e where e.id > ?
                order by e.id fetch first %d rows only""".formatted(batchSize), (rs, row) -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("declarationRequestId", rs.getString("declaration_request_id"));
            event.put("paymentId", rs.getString("payment_id"));
            event.put("gateway", rs.getString("gateway"));
            event.put("status", rs.getString("status"));
            event.put("previousStatus", rs.getString("previous_status"));
            event.put("code", rs.getString("result_code"));
            event.put("message", rs.getString("message"));
            event.put("alipayDeclarationId", rs.getString("alipay_declaration_id"));
            event.put("customsResult", rs.getString("customs_result"));
            OffsetDateTime at = rs.getObject("at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
            event.put("at", DateTimeFormatter.ISO_INSTANT.format(at));
            event.values().removeIf(value -> value == null);
            return new Written(new Pending(rs.getLong("id"), json(event)), at);
        }, cursor);
        OffsetDateTime settled = OffsetDateTime.now(clock).minus(SETTLE);
        List<Pending> ready = new ArrayList<>();
        long next = cursor + 1;
        for (Written event : written) {
            if (event.pending().id() != next && event.at().isAfter(settled)) {
                break;
            }
            ready.add(event.pending());
            next = event.pending().id() + 1;
        }
        return ready;
    }

    /**
     * One event of a batch, ready for the sink's deliver route: its JSON as the body, its id and JSON
     * in exchange properties (the dead-letter file needs the JSON after the body has been changed).
     */
    public String deliverable(Pending event, Exchange exchange) {
        exchange.setProperty(EVENT_ID, event.id());
        exchange.setProperty(EVENT, event.json());
        exchange.setProperty(EVENTS, event.events());
        return event.json();
    }

    /**
     * Moves the sink's cursor past {@code eventId}, the last event of the {@code indexInBatch}-th delivery
     * of a batch (from 0), when that delivery took the count of the batch's events past a multiple of
     * {@link #CURSOR_EVERY}, or is the batch's last. Every delivery of a batch but its last holds
     * {@code eventsPerDelivery} events. Bound from the exchange properties by annotation: simple-language
     * arguments in the route cost more than the rest of this step, once per delivery.
     */
    public void advance(@ExchangeProperty(SINK) String sink, @ExchangeProperty(EVENT_ID) long eventId,
                        @ExchangeProperty(EVENTS) int eventsPerDelivery,
                        @ExchangeProperty(Exchange.SPLIT_INDEX) int indexInBatch,
                        @ExchangeProperty(Exchange.SPLIT_COMPLETE) boolean lastOfBatch) {
        int perDelivery = Math.max(1, eventsPerDelivery);
        if (lastOfBatch || (indexInBatch + 1) * perDelivery % CURSOR_EVERY < perDelivery) {
            advance(sink, eventId);
        }
    }

    void advance(String sink, long eventId) {
        jdbc.update("update status_sink_cursor set last_event_id = ? where sink = ? and last_event_id < ?",
                eventId, sink, eventId);
    }

    private String json(Map<String, Object> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
