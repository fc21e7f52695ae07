package org.customsbridge.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * Whether the outbox has room for results: at least {@code customs.health.min-free-space} free, the
 * same bound that turns its health DOWN. The file intake takes no new file while it has not (a
 * file filter, asked once per file and poll, not per record), and goes on by itself once space is
 * freed. Both turns are logged once.
 */
public class OutboxSpace implements GenericFileFilter<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSpace.class);

    private final Path outbox;
    private final DataSize minFreeSpace;
    private final AtomicBoolean full = new AtomicBoolean();

    public OutboxSpace(Path outbox, DataSize minFreeSpace) {
        this.outbox = outbox.toAbsolutePath().normalize();
        this.minFreeSpace = minFreeSpace;
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        return file.isDirectory() || hasRoom();
    }

    /** Whether the outbox has at least the minimum free space (a folder that cannot be measured has not). */
    public boolean hasRoom() {
        long free = freeBytes();
        boolean room = free >= minFreeSpace.toBytes();
        if (!room && full.compareAndSet(false, true)) {
            LOG.warn("The outbox {} has {} bytes free, less than customs.health.min-free-space ({}): no new input "
                    + "file is taken until space is freed", outbox, free, minFreeSpace.toBytes());
        } else if (room && full.compareAndSet(true, false)) {
            LOG.warn("The outbox {} has room again ({} bytes free): input files are taken again", outbox, free);
        }
        return room;
    }

    /**
     * What a failed write of a results file means: {@link OutboxFullException} when the disk is full,
     * so that the input is kept for later rather than put in {@code .error/}; any other failure as it is.
     */
    public static RuntimeException writeFailed(String what, IOException failure, Path folder) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("No space left") || message.contains("quota") || usableSpace(folder) == 0) {
            return new OutboxFullException(what + ": the disk is full (" + message + ")");
        }
        return new UncheckedIOException(what, failure);
    }

    private long freeBytes() {
        return usableSpace(outbox);
    }

    private static long usableSpace(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
