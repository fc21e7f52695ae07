package org.customsbridge.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class OutboxSpaceTest {

    @TempDir
    Path outbox;

    @Test
    void aFullDiskKeepsTheInputForLaterAnyOtherWriteFailureDoesNot() {
        RuntimeException full = OutboxSpace.writeFailed("cannot write .orders.csv.results.csv.part",
                new IOException("No space left on device"), outbox);
        assertThat(full).isInstanceOf(OutboxFullException.class).hasNoCause()
                .hasMessageContaining("the disk is full (No space left on device)");
        assertThat(OutboxSpace.writeFailed("cannot write", new IOException("Permission denied"), outbox))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void intakeWaitsWhileTheOutboxHasLessThanTheMinimumFree() {
        assertThat(new OutboxSpace(outbox, DataSize.ofBytes(0)).hasRoom()).isTrue();
        assertThat(new OutboxSpace(outbox, DataSize.ofTerabytes(1_000_000)).hasRoom()).isFalse();
        assertThat(new OutboxSpace(outbox.resolve("missing"), DataSize.ofBytes(1)).hasRoom())
                .as("a folder that cannot be measured has no room").isFalse();
    }
}
