package io.dealflow.bench.rss;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The whole local system's memory: VmRSS (from /proc) of the launcher JVM, which runs the broker, plus its service
 * JVMs (its descendants), sampled once a second while the bench runs; the maximum is what docs/performance.md limits. Several
 * launchers may run on one machine, so the launcher is the one whose deal-service port is the bench's.
 */
public final class SystemRss implements AutoCloseable {

    private static final String LAUNCHER_JAR = "dealflow-local.jar";
    private static final int DEFAULT_DEAL_PORT = 8081;

    private final ProcessHandle launcher;
    private final AtomicLong maxBytes = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private SystemRss(ProcessHandle launcher) {
        this.launcher = launcher;
        this.sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** @param pid the launcher's pid, or 0 to find it; empty when no launcher runs on this machine (a remote target) */
    public static Optional<SystemRss> start(long pid, int dealPort) {
        Optional<ProcessHandle> launcher = pid > 0 ? ProcessHandle.of(pid) : ProcessHandle.allProcesses()
                .filter(process -> isLauncherFor(process, dealPort)).findFirst();
        return launcher.map(SystemRss::new);
    }

    public long pid() {
        return launcher.pid();
    }

    public long samples() {
        return samples.get();
    }

    public long maxBytes() {
        return maxBytes.get();
    }

    private void sample() {
        while (running) {
            long total = Stream.concat(Stream.of(launcher), launcher.descendants())
                    .mapToLong(process -> vmRssBytes(process.pid())).sum();
            maxBytes.accumulateAndGet(total, Math::max);
            samples.incrementAndGet();
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean isLauncherFor(ProcessHandle process, int dealPort) {
        String commandLine = read(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
        if (!commandLine.contains(LAUNCHER_JAR)) {
            return false;
        }
        // the launcher reads DEAL_SERVICE_PORT from its environment, 8081 when unset
        String port = List.of(read(Path.of("/proc", Long.toString(process.pid()), "environ")).split("\0")).stream()
                .filter(variable -> variable.startsWith("DEAL_SERVICE_PORT=")).map(v -> v.substring(18)).findFirst()
                .orElse(Integer.toString(DEFAULT_DEAL_PORT));
        return port.equals(Integer.toString(dealPort));
    }

    static long vmRssBytes(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
