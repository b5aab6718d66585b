package org.openscis.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openscis.codec.jose.CryptoProviders;

/**
 * The machine a run was measured on. Results from different machines are not comparable; results are reported with
 * this next to them.
 *
 * @param memoryBytes physical memory, or -1 when the JVM cannot tell
 * @param cpu         the CPU model as the OS names it, or "unknown"
 */
public record MachineInfo(int cores, long memoryBytes, String cpu, String jvm, String os, String cryptoProvider) {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final int MAX_CPU_INFO_LINES = 200;

    /** This JVM's machine; the crypto provider is whatever {@link CryptoProviders#install()} chose. */
    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), physicalMemory(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vm.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                CryptoProviders.description());
    }

    private static long physicalMemory() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return -1;
    }

    private static String cpuModel() {
        if (!Files.isReadable(CPU_INFO)) {
            return "unknown";
        }
        try (BufferedReader reader = Files.newBufferedReader(CPU_INFO, StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i < MAX_CPU_INFO_LINES && (line = reader.readLine()) != null; i++) {
                if (line.startsWith("model name")) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? "unknown" : line.substring(colon + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }
}
