package io.dealflow.bench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured: results are only comparable on the same kind of machine. */
public record Machine(int cores, long memoryGiB, String os, String java) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryGiB(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    /** {@code 2c-24g}: part of the results file name. */
    public String tag() {
        return cores + "c-" + memoryGiB + "g";
    }

    private static long totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    double kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Math.round(kib / 1024 / 1024);
                }
            }
        } catch (IOException e) {
            // not Linux: fall through to the JVM's view
        }
        return Math.round(Runtime.getRuntime().maxMemory() * 4 / 1024.0 / 1024 / 1024);
    }
}
