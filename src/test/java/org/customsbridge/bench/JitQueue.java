package org.customsbridge.bench;

import java.lang.management.ManagementFactory;
import java.util.regex.Pattern;

import javax.management.ObjectName;

/**
 * How many methods wait for the JIT compilers, read from HotSpot's {@code Compiler.queue} diagnostic
 * command (what {@code jcmd <pid> Compiler.queue} prints). A low share of the CPU spent compiling does
 * not alone say the compilers are done: on cores kept busy by hundreds of threads they may be starved,
 * spending little while their queue is long.
 */
final class JitQueue {

    /** A queued task's line: its compile id, its tier, the method ("6413   4   org.h2...Page::getKeyCount"). */
    private static final Pattern QUEUED = Pattern.compile("^\\s*\\d+\\s.*::.*$", Pattern.MULTILINE);

    private JitQueue() {
    }

    /** Methods queued for compilation now; -1 where the JVM does not tell (not HotSpot). */
    static int length() {
        try {
            String queue = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
                    new Object[] {null}, new String[] {String[].class.getName()});
            return (int) QUEUED.matcher(queue).results().count();
        } catch (Exception notHotSpot) {
            return -1;
        }
    }
}
