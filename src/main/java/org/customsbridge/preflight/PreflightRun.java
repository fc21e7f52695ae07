package org.customsbridge.preflight;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;

/**
 * Runs every check once the application has started (with no route running), prints one line per
 * part and a verdict, and leaves the exit code: 0 when everything holds, 1 otherwise.
 */
public class PreflightRun implements ApplicationRunner, ExitCodeGenerator {

    private final List<PreflightCheck> checks;
    private final PrintStream out;
    private volatile int exitCode = 1;

    public PreflightRun(List<PreflightCheck> checks, PrintStream out) {
        this.checks = checks;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<PreflightResult> results = new ArrayList<>();
        out.println("customs-bridge preflight: checking every configured part; nothing is declared");
        for (PreflightCheck check : checks) {
            List<PreflightResult> found;
            try {
                found = check.check();
            } catch (RuntimeException e) {
                found = List.of(PreflightResult.failed(check.getClass().getSimpleName(),
                        GatewayCheck.rootMessage(e)));
            }
            found.forEach(result -> out.println(result.line()));
            results.addAll(found);
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        out.println(failed == 0 ? "preflight passed: " + results.size() + " parts ok"
                : "preflight FAILED: " + failed + " of " + results.size() + " parts");
        out.flush();
        exitCode = failed == 0 ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Preflight's entry point: the application's start, checks, and the exit code — also when it cannot start. */
    public static int run(Class<?> application, String[] args) {
        try {
            return SpringApplication.exit(SpringApplication.run(application, args));
        } catch (RuntimeException e) {
            // the start-up checks name the property; the value is never part of their message
            System.out.println(startFailure(e).line());
            System.out.println("preflight FAILED: the application cannot start with this configuration");
            System.out.flush();
            return 1;
        }
    }

    /** A start that failed on the ledger's database says so; any other names what the start-up check named. */
    static PreflightResult startFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException || cause.getClass().getName().startsWith("org.flywaydb")) {
                return PreflightResult.failed("ledger", "cannot open the ledger (" + GatewayCheck.rootMessage(failure)
                        + "): check spring.datasource.url, .username, .password");
            }
        }
        return PreflightResult.failed("start-up", GatewayCheck.rootMessage(failure));
    }
}
