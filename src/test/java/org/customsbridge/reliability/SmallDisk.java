package org.customsbridge.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A small file system (tmpfs) mounted on a folder, so that a test can fill its disk; needs root. */
final class SmallDisk {

    private SmallDisk() {
    }

    static void mount(Path folder, String size) {
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", folder.toAbsolutePath().toString()));
    }

    static void unmount(Path folder) {
        run(List.of("umount", "-l", folder.toAbsolutePath().toString()));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
