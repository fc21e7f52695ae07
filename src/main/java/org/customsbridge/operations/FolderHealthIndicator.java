package org.customsbridge.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.util.unit.DataSize;

/**
 * A folder the bundle must write to (inbox: .done/.error moves; outbox: results). Writability is
 * proven by creating and deleting a hidden probe file, because permission bits say nothing when
 * the process runs as root or the file system is mounted read-only. The check itself never creates
 * the folder: one that vanishes while the bundle runs is reported, not silently made again.
 */
public class FolderHealthIndicator extends AbstractHealthIndicator {

    private final Path folder;
    private final DataSize minFreeSpace;

    /**
     * Creates {@code folder} at start-up if it is missing (the outbox otherwise appears only with the
     * first results file and would look broken until then). A failure is left to the health check.
     */
    public static Path created(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(FolderHealthIndicator.class).warn("cannot create {}: {}", folder.toAbsolutePath(),
                    e.toString());
        }
        return folder;
    }

    public FolderHealthIndicator(Path folder, DataSize minFreeSpace) {
        super("folder check failed");
        this.folder = folder.toAbsolutePath().normalize();
        this.minFreeSpace = minFreeSpace;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("path", folder.toString()).withDetail("minFreeBytes", minFreeSpace.toBytes());
        if (!Files.isDirectory(folder)) {
            builder.down().withDetail("error", Files.exists(folder) ? "not a directory" : "does not exist");
            return;
        }
        try {
            // Hidden (dot) name: the inbox consumer ignores it and an ERP reading the outbox should too.
            Files.delete(Files.createTempFile(folder, ".health-", ".probe"));
        } catch (IOException | RuntimeException e) {
            builder.down().withDetail("error", "not writable: " + e.getClass().getSimpleName());
            return;
        }
        long free;
        try {
            free = Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            builder.down().withDetail("error", "free space unknown: " + e.getClass().getSimpleName());
            return;
        }
        builder.withDetail("freeBytes", free);
        if (free < minFreeSpace.toBytes()) {
            builder.down().withDetail("error", "less free space than customs.health.min-free-space");
        } else {
            builder.up();
        }
    }
}
