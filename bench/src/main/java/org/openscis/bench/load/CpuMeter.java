package org.openscis.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine's CPUs were during a phase (Linux {@code /proc/stat}) and how much of it was the generator's
 * own JVM, so a report shows what the switch (and anything else running) had left. Unknown values are -1.
 */
final class CpuMeter {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");
    /** user nice system idle iowait irq softirq steal: idle and iowait are the idle columns. */
    private static final int IDLE_COLUMN = 3;
    private static final int IOWAIT_COLUMN = 4;
    /** guest and guest_nice (columns 8 and 9) are already counted in user and nice. */
    private static final int GUEST_COLUMN = 8;

    /**
     * Shares of the whole machine (all cores) in 0..1.
     *
     * @param machineBusy CPU time not idle, any process
     * @param generator   CPU time of the generator's JVM
     */
    record Use(double machineBusy, double generator) {

        static final Use UNKNOWN = new Use(-1, -1);

        /** What the other processes (the switch, and anything else running) used, or -1. */
        double others() {
            return machineBusy < 0 || generator < 0 ? -1 : Math.max(0, machineBusy - generator);
        }
    }

    private long totalTicks;
    private long busyTicks;
    private long processNanos;
    private long wallNanos;
    private boolean unknownTicks;
    private boolean unknownProcess;
    private long[] startTicks;
    private long startProcessNanos;
    private long startWallNanos;

    /** Starts an interval; intervals add up until {@link #use()}. */
    void start() {
        startTicks = ticks();
        startProcessNanos = processCpuNanos();
        startWallNanos = System.nanoTime();
    }

    /** Ends the interval begun by {@link #start()}. */
    void stop() {
        long[] end = ticks();
        long process = processCpuNanos();
        wallNanos += System.nanoTime() - startWallNanos;
        if (startTicks == null || end == null) {
            unknownTicks = true;
        } else {
            totalTicks += end[0] - startTicks[0];
            busyTicks += end[1] - startTicks[1];
        }
        if (process < 0 || startProcessNanos < 0) {
            unknownProcess = true;
        } else {
            processNanos += process - startProcessNanos;
        }
    }

    /** The shares over all intervals so far. */
    Use use() {
        double busy = unknownTicks || totalTicks <= 0 ? -1 : (double) busyTicks / totalTicks;
        int cores = Runtime.getRuntime().availableProcessors();
        double generator = unknownProcess || wallNanos <= 0 ? -1 : (double) processNanos / ((double) wallNanos * cores);
        return new Use(busy, generator);
    }

    /** The 1-minute load average, or -1. */
    static double loadAverage() {
        try {
            String text = Files.readString(PROC_LOADAVG, StandardCharsets.US_ASCII);
            return Double.parseDouble(text.strip().split("\\s+", 2)[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {total, busy} jiffies of the aggregate "cpu" line, or null. */
    private static long[] ticks() {
        try (BufferedReader reader = Files.newBufferedReader(PROC_STAT, StandardCharsets.US_ASCII)) {
            String line = reader.readLine();
            if (line == null || !line.startsWith("cpu ")) {
                return null;
            }
            String[] parts = line.substring(4).strip().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 0; i < parts.length && i < GUEST_COLUMN; i++) {
                long v = Long.parseLong(parts[i]);
                total += v;
                if (i == IDLE_COLUMN || i == IOWAIT_COLUMN) {
                    idle += v;
                }
            }
            return new long[] {total, total - idle};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
