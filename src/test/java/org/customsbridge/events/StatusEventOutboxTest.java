package org.customsbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        assertThat(outbox.pending("file")).extracting(StatusEventOutbox.Pending::id).containsExactly(1L, 2L);
        outbox.advance("file", 2);

        write(3);
        assertThat(outbox.pending("file")).extracting(StatusEventOutbox.Pending::id).containsExactly(3L, 4L);
        outbox.advance("file", 4);

        write(6);
        assertThat(outbox.pending("file")).isEmpty();
        clock.advance(StatusEventOutbox.SETTLE.plus(Duration.ofSeconds(1)));
        assertThat(outbox.pending("file")).extracting(StatusEventOutbox.Pending::id).containsExactly(6L);
    }

    @Test
    void writesTheCursorEveryFiftiethEventAndAfterTheLastOfABatch() {
        for (int index = 0; index < 120; index++) {
            outbox.advance("file", 100 + index, index, index == 119);
            long expected = index < 49 ? 0 : index < 99 ? 149 : index < 119 ? 199 : 219;
            assertThat(cursor()).as("after event %d of the batch", index).isEqualTo(expected);
        }
    }

    private long cursor() {
        return jdbc.queryForObject("select last_event_id from status_sink_cursor where sink = 'file'", Long.class);
    }

    private void write(long id) {
        jdbc.update("insert into status_event (id, declaration_request_id, status, at) values (?, ?, 'ACCEPTED', ?)",
                id, "DEC-" + id, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
