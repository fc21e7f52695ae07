package org.customsbridge.results;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written under a hidden name is moved to its real name in one step, so that a reader (an
 * ERP polling the outbox) never sees half of it; where the file system cannot move atomically, a
 * plain replace is the best there is.
 */
public final class MoveIntoPlace {

    private MoveIntoPlace() {
    }

    public static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
