package org.customsbridge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * The CPU each route step takes on its own thread while {@link #measure} is on: thread CPU time
 * around the step, minus the steps nested in it (a {@code to: direct:...} counts only itself), so
 * the figures add up. Unlike sampling, it sees every call; reading the thread's CPU clock twice per
 * step costs about a microsecond each, which the figures include. For the benchmark only
 * ({@code -Dbench.steps=true}).
 */
final class RouteStepCpu implements InterceptStrategy {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Per thread: for each step running on it, its start and the CPU of the steps nested in it. */
    private static final ThreadLocal<ArrayDeque<long[]>> RUNNING = ThreadLocal.withInitial(ArrayDeque::new);

    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private volatile boolean measure;

    void measure(boolean on) {
        this.measure = on;
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        String step = CamelContextHelper.getRouteId(definition) + ": " + definition.getLabel();
        LongAdder total = nanos.computeIfAbsent(step, k -> new LongAdder());
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                if (!measure) {
                    return processor.process(exchange, callback);
                }
                ArrayDeque<long[]> running = RUNNING.get();
                long[] frame = {THREADS.getCurrentThreadCpuTime(), 0};
                running.push(frame);
                try {
                    return processor.process(exchange, callback);
                } finally {
                    running.pop();
                    long spent = THREADS.getCurrentThreadCpuTime() - frame[0];
                    long[] outer = running.peek();
                    if (outer != null) {
                        outer[1] += spent;
                    }
                    total.add(spent - frame[1]);
                }
            }
        };
    }

    /** The steps that took at least 0.005 ms per declaration, most first, in ms per declaration. */
    Map<String, Double> msPerDeclaration(int declarations) {
        Map<String, Double> steps = new LinkedHashMap<>();
        nanos.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().sum() / 1e6 / declarations))
                .filter(e -> e.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> steps.put(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0));
        return steps;
    }
}
