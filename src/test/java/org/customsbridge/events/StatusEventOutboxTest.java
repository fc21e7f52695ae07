package org.customsbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.customsbridge.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A sink never reads past an event that a slower transaction may still commit. */
class StatusEventOutboxTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    private final StatusEventOutbox outbox = new StatusEventOutbox(jdbc, new ObjectMapper(), clock, 500);

    @BeforeEach
    void ledger() {
        jdbc.execute("""
                create table status_event (id bigint primary key, declaration_request_id varchar(256),
                  payment_id varchar(64), gateway varchar(16), status varchar(20) not null,
                  previous_status varchar(20), result_code varchar(64), message varchar(4000),
                  alipay_declaration_id varchar(64), customs_result varchar(32),
                  at timestamp with time zone not null)""");
        jdbc.execute("create table status_sink_cursor (sink varchar(64) primary key, last_event_id bigint not null)");
        outbox.register("file");
    }

    @Test
    void readsUpToAGapUntilTheEventAfterItIsOldEnoughToBeSureTheGapRolledBack() {
        write(1);
        write(2);
        write(4);
        assertThat(outbox.pending("file", 1)).extracting(StatusEventOutbox.Pending::id).containsExactly(1L, 2L);
        outbox.advance("file", 2);

        write(3);
        assertThat(outbox.pending("file", 1)).extracting(StatusEventOutbox.Pending::id).containsExactly(3L, 4L);
        outbox.advance("file", 4);

        write(6);
        assertThat(outbox.pending("file", 1)).isEmpty();
        clock.advance(StatusEventOutbox.SETTLE.plus(Duration.ofSeconds(1)));
        assertThat(outbox.pending("file", 1)).extracting(StatusEventOutbox.Pending::id).containsExactly(6L);
    }

    @Test
    void writesTheCursorEveryFiftiethEventAndAfterTheLastOfABatch() {
        for (int index = 0; index < 120; index++) {
            outbox.advance("file", 100 + index, 1, index, index == 119);
            long expected = index < 49 ? 0 : index < 99 ? 149 : index < 119 ? 199 : 219;
            assertThat(cursor()).as("after event %d of the batch", index).isEqualTo(expected);
        }
    }

    @Test
    void deliversSeveralEventsAtOnceAsLinesInOrderNamedByTheLastOfThem() {
        for (long id = 1; id <= 5; id++) {
            write(id);
        }
        List<StatusEventOutbox.Pending> deliveries = outbox.pending("file", 2);

        assertThat(deliveries).extracting(StatusEventOutbox.Pending::id).containsExactly(2L, 4L, 5L);
        assertThat(deliveries).extracting(StatusEventOutbox.Pending::events).containsExactly(2, 2, 1);
        assertThat(deliveries.get(0).json().lines()).hasSize(2)
                .satisfiesExactly(line -> assertThat(line).contains("\"DEC-1\""),
                        line -> assertThat(line).contains("\"DEC-2\""));
        assertThat(outbox.pending("file", 1)).hasSize(5);
    }

    @Test
    void writesTheCursorOnceFiftyEventsAreDeliveredWhateverTheirDeliveries() {
        // deliveries of 30 events: the 2nd reaches the 50th event, the 4th the 100th
        for (int index = 0; index < 5; index++) {
            outbox.advance("file", 1000 + index, 30, index, index == 4);
            long expected = index < 1 ? 0 : index < 3 ? 1001 : index < 4 ? 1003 : 1004;
            assertThat(cursor()).as("after delivery %d of the batch", index).isEqualTo(expected);
        }
        // deliveries of 50: every one
        outbox.advance("file", 2000, 50, 0, false);
        assertThat(cursor()).isEqualTo(2000);
    }

    private long cursor() {
        return jdbc.queryForObject("select last_event_id from status_sink_cursor where sink = 'file'", Long.class);
    }

    private void write(long id) {
        jdbc.update("insert into status_event (id, declaration_request_id, status, at) values (?, ?, 'ACCEPTED', ?)",
                id, "DEC-" + id, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
