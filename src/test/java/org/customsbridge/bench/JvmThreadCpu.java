package org.customsbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU of the JVM's own threads - garbage collection, the JIT compilers, the VM thread - which the
 * JVM's thread bean does not show, read from Linux's {@code /proc/self/task}. It splits the benchmark's
 * "rest of the process" into what the JVM spent and what threads that ended took with them. Elsewhere
 * than Linux the snapshot is empty and the rest stays whole.
 */
final class JvmThreadCpu {

    /** Linux reports thread times in USER_HZ ticks, 100 per second for every user-space program. */
    private static final double MS_PER_TICK = 10.0;
    private static final Path TASKS = Path.of("/proc/self/task");

    private JvmThreadCpu() {
    }

    /** One JVM thread's kind and its CPU ticks (user and system) so far. */
    record Task(String kind, long ticks) {
    }

    /** Whether this system tells the JVM's threads' CPU (Linux). */
    static boolean available() {
        return Files.isDirectory(TASKS);
    }

    /** The JVM's own threads now, by their Linux thread id. */
    static Map<String, Task> snapshot() {
        Map<String, Task> tasks = new HashMap<>();
        if (!available()) {
            return tasks;
        }
        try (Stream<Path> list = Files.list(TASKS)) {
            list.forEach(task -> {
                try {
                    String kind = kind(Files.readString(task.resolve("comm")).trim());
                    if (kind != null) {
                        tasks.put(task.getFileName().toString(), new Task(kind, ticks(Files.readString(task.resolve("stat")))));
                    }
                } catch (IOException ended) {
                    // the thread ended while the list was read
                }
            });
        } catch (IOException unreadable) {
            return tasks;
        }
        return tasks;
    }

    /** Milliseconds per record of each kind of JVM thread since {@code before}, in a fixed order. */
    static Map<String, Double> msPerRecordSince(Map<String, Task> before, int records) {
        Map<String, Double> byKind = new LinkedHashMap<>();
        for (String kind : new String[] {"gc", "jit", "vmThread", "otherJvm"}) {
            byKind.put(kind, 0.0);
        }
        snapshot().forEach((id, now) -> {
            Task then = before.get(id);
            long ticks = now.ticks() - (then == null ? 0 : then.ticks());
            byKind.merge(now.kind(), ticks * MS_PER_TICK / records, Double::sum);
        });
        return byKind;
    }

    /** The kind of a JVM thread by its name (Linux keeps the first 15 characters), or null for a Java thread. */
    private static String kind(String name) {
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "gc";
        }
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return "jit";
        }
        if (name.equals("VM Thread")) {
            return "vmThread";
        }
        if (name.equals("VM Periodic Tas") || name.equals("Service Thread") || name.equals("Monitor Deflati")
                || name.equals("Sweeper thread")) {
            return "otherJvm";
        }
        return null;
    }

    /** utime + stime of a {@code stat} line; the name in parentheses may hold spaces, so count after it. */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
