package org.openscis.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine's CPUs were during a phase (Linux {@code /proc/stat}), how much of it was the generator's
 * own JVM and, given the switch's process id, the switch's ({@code /proc/<pid>/stat}). The switch's CPU time per
 * response is the figure least moved by other work on a shared machine. Unknown values are -1.
 */
final class CpuMeter {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final double NANOS_PER_SECOND = 1e9;
    private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");
    /** user nice system idle iowait irq softirq steal: idle and iowait are the idle columns. */
    private static final int IDLE_COLUMN = 3;
    private static final int IOWAIT_COLUMN = 4;
    /** guest and guest_nice (columns 8 and 9) are already counted in user and nice. */
    private static final int GUEST_COLUMN = 8;
    /** In /proc/<pid>/stat after the ")" closing the command name: utime and stime are fields 12 and 13 from 0. */
    private static final int UTIME_FIELD = 11;
    private static final int STIME_FIELD = 12;
    /** USER_HZ, the unit of /proc times: 100 on every mainstream Linux architecture. */
    private static final double PROC_TICKS_PER_SECOND = 100.0;

    /**
     * Shares of the whole machine (all cores) in 0..1.
     *
     * @param machineBusy   CPU time not idle, any process
     * @param generator     CPU time of the generator's JVM
     * @param switchProcess CPU time of the switch's process ({@code --switch-pid}), or -1
     * @param switchSeconds the switch's CPU seconds in the phase, or -1
     */
    record Use(double machineBusy, double generator, double switchProcess, double switchSeconds) {

        static final Use UNKNOWN = new Use(-1, -1, -1, -1);

        Use(double machineBusy, double generator) {
            this(machineBusy, generator, -1, -1);
        }

        /** The switch's CPU milliseconds per response, or -1. */
        double switchMillisPer(long responses) {
            return switchSeconds < 0 || responses <= 0 ? -1 : switchSeconds * 1_000.0 / responses;
        }

        /** What the other processes (the switch, and anything else running) used, or -1. */
        double others() {
            return machineBusy < 0 || generator < 0 ? -1 : Math.max(0, machineBusy - generator);
        }
    }

    private final long switchPid;
    private long switchTicks;
    private boolean unknownSwitch;
    private long startSwitchTicks;
    private long totalTicks;
    private long busyTicks;
    private long processNanos;
    private long wallNanos;
    private boolean unknownTicks;
    private boolean unknownProcess;
    private long[] startTicks;
    private long startProcessNanos;
    private long startWallNanos;

    /** {@code switchPid} is the switch's process on this machine, or -1 when unknown. */
    CpuMeter(long switchPid) {
        this.switchPid = switchPid;
        this.unknownSwitch = switchPid < 0;
    }

    CpuMeter() {
        this(-1);
    }

    /** Starts an interval; intervals add up until {@link #use()}. */
    void start() {
        startSwitchTicks = processTicks(switchPid);
        startTicks = ticks();
        startProcessNanos = processCpuNanos();
        startWallNanos = System.nanoTime();
    }

    /** Ends the interval begun by {@link #start()}. */
    void stop() {
        long switchEnd = processTicks(switchPid);
        if (switchEnd < 0 || startSwitchTicks < 0) {
            unknownSwitch = true;
        } else {
            switchTicks += switchEnd - startSwitchTicks;
        }
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
        double switchSeconds = unknownSwitch ? -1 : switchTicks / PROC_TICKS_PER_SECOND;
        double switchShare = switchSeconds < 0 || wallNanos <= 0 ? -1
                : switchSeconds * NANOS_PER_SECOND / ((double) wallNanos * cores);
        return new Use(busy, generator, switchShare, switchSeconds);
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

    /** utime + stime of process {@code pid} in USER_HZ ticks, or -1. */
    static long processTicks(long pid) {
        if (pid < 0) {
            return -1;
        }
        try {
            return parseProcessTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"),
                    StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The command name may hold spaces and parentheses: the fields start after the last ")". */
    static long parseProcessTicks(String stat) {
        int close = stat == null ? -1 : stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] fields = stat.substring(close + 1).strip().split("\\s+");
        if (fields.length <= STIME_FIELD) {
            return -1;
        }
        try {
            return Long.parseLong(fields[UTIME_FIELD]) + Long.parseLong(fields[STIME_FIELD]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
