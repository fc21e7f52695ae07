package org.customsbridge.channels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A components folder filled as the documentation tells an operator to: one Maven command per
 * component ({@code mvn -q -f components/pom.xml -Dcomponent=...}), run here as a child process.
 */
final class ComponentsFolder {

    private ComponentsFolder() {
    }

    /** Copies {@code org.apache.camel:<component>:<version>} and its dependencies into {@code folder}. */
    static void add(Path folder, String component, String version) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(maven(), "-q", "-B", "-f", "components/pom.xml",
                "-Dcomponent=" + component, "-Dcomponent.version=" + version,
                "-Dcomponents.folder=" + folder.toAbsolutePath()));
        Path log = folder.resolveSibling(component + "-mvn.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("could not fetch " + component + " " + version + "; see " + log);
        }
    }

    /** The Maven that runs this build (maven.home), else the one on the PATH. */
    private static String maven() {
        String home = System.getProperty("maven.home");
        return home != null && Path.of(home, "bin", "mvn").toFile().canExecute()
                ? Path.of(home, "bin", "mvn").toString() : "mvn";
    }
}
