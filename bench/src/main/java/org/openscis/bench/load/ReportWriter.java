package org.openscis.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders a {@link LoadReport} as Markdown and writes it to {@code <dir>/<date>-<mix>.md}. */
public final class ReportWriter {

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TITLE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;
    /** Never overwrite an earlier report: add -2, -3... up to this many. */
    private static final int MAX_SAME_NAME = 100;

    private ReportWriter() {}

    /** E.g. {@code 2026-11-25-2040-card_status_inquiry-80_card_enrollment-20.md}. */
    public static String fileName(LoadReport report) {
        return FILE_DATE.format(report.startedAt()) + "-" + report.settings().mix().slug() + ".md";
    }

    /** Writes the report into {@code dir} (created if missing) under {@link #fileName}; returns the file. */
    public static Path write(LoadReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = fileName(report);
        String base = name.substring(0, name.length() - ".md".length());
        String text = markdown(report);
        for (int i = 1; i <= MAX_SAME_NAME; i++) {
            Path file = dir.resolve(i == 1 ? name : base + "-" + i + ".md");
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return file;
            } catch (FileAlreadyExistsException e) {
                // try the next suffix
            }
        }
        throw new IOException("more than " + MAX_SAME_NAME + " reports named " + name + " in " + dir);
    }

    public static String markdown(LoadReport r) {
        RunSettings s = r.settings();
        PhaseResult load = r.load();
        StringBuilder md = new StringBuilder();
        md.append("# Load run: ").append(s.mix().text()).append(" at ").append(num(s.rate())).append(" req/s\n\n");
        md.append("Started ").append(TITLE_DATE.format(r.startedAt())).append(" against `").append(s.baseUrl())
                .append("`: ").append(s.durationSeconds()).append(" s measured after ").append(s.warmupSeconds())
                .append(" s warm-up, ").append(s.connections()).append(" keep-alive connections, ")
                .append(s.senders()).append(" sender threads, ").append(r.tokensEnrolled())
                .append(" warm-up tokens, cvmInfo JWE ").append(s.jweProfile()).append(".\n\n");

        md.append("## Machine\n\n");
        MachineInfo m = r.machine();
        md.append("| Cores | Memory | CPU | JVM | OS | Crypto provider |\n|---|---|---|---|---|---|\n");
        md.append("| ").append(m.cores()).append(" | ").append(memory(m.memoryBytes())).append(" | ").append(cell(m.cpu()))
                .append(" | ").append(cell(m.jvm())).append(" | ").append(cell(m.os())).append(" | ")
                .append(cell(m.cryptoProvider())).append(" |\n\n");
        md.append("The load generator and the switch share this machine; on 2 noisy cores compare only ratios "
                + "measured side by side in one run.\n\n");

        md.append("## Throughput\n\n");
        md.append("| Offered (req/s) | Sent | Responses | Approved | No response | Elapsed (s) | Responses/s | "
                + "Approved/s |\n|---|---|---|---|---|---|---|---|\n");
        md.append("| ").append(num(s.rate())).append(" | ").append(load.sent()).append(" | ").append(load.responses())
                .append(" | ").append(load.approved()).append(" | ").append(load.errors()).append(" | ")
                .append(num(load.elapsedSeconds())).append(" | ").append(num(load.responsesPerSecond())).append(" | ")
                .append(num(load.approvedPerSecond())).append(" |\n\n");
        md.append("| Message type | Sent | Responses | Approved | Bad signature | No response |\n"
                + "|---|---|---|---|---|---|\n");
        for (TypeResult t : load.types()) {
            md.append("| ").append(t.type()).append(" | ").append(t.sent()).append(" | ").append(t.responses())
                    .append(" | ").append(t.approved()).append(" | ").append(t.badSignatures()).append(" | ")
                    .append(t.errorCount()).append(" |\n");
        }
        md.append('\n');
        if (load.unfinished() > 0) {
            md.append(load.unfinished()).append(" requests were still unanswered when the run stopped waiting.\n\n");
        }
        md.append("Generator send lag (how late requests left compared with their intended time): p99 ")
                .append(ms(load.sendLag().p99Ms())).append(" ms, max ").append(ms(load.sendLag().maxMs()))
                .append(" ms. A large lag means the generator, not the switch, was the limit.\n\n");

        appendCeiling(md, r);
        appendLatency(md, load);
        appendCodes(md, load);

        md.append("## HTTP status\n\n| Status | Count |\n|---|---|\n");
        if (load.httpStatuses().isEmpty()) {
            md.append("| - | 0 |\n");
        }
        new TreeMap<>(load.httpStatuses()).forEach((status, count) ->
                md.append("| ").append(status).append(" | ").append(count).append(" |\n"));
        md.append('\n');

        if (!r.notes().isEmpty()) {
            md.append("## Notes\n\n");
            for (String note : r.notes()) {
                md.append("- ").append(note).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void appendCeiling(StringBuilder md, LoadReport r) {
        md.append("## Crypto-only ceiling\n\n");
        CeilingResult c = r.ceiling();
        if (c == null) {
            md.append("Not measured.\n\n");
            return;
        }
        md.append("Measured in this run after the load phase: the switch's per-request cryptography alone (one "
                + "UPI-JWS verify of the request, one signature of the response; CARD_ENROLLMENT adds one JWE "
                + "decrypt and one JWE encrypt) in a tight loop on ").append(c.threads())
                .append(" threads for ").append(num(c.seconds())).append(" s. Keys: ").append(c.keys()).append(".\n\n");
        md.append("| Message type | Ceiling (req/s) |\n|---|---|\n");
        for (Mix.Entry e : r.settings().mix().entries()) {
            Double perType = c.perType().get(e.type());
            md.append("| ").append(e.type()).append(" | ").append(perType == null ? "-" : num(perType)).append(" |\n");
        }
        md.append("| **mix ").append(r.settings().mix().text()).append("** | **").append(num(c.requestsPerSecond()))
                .append("** |\n\n");
        md.append("**Approved throughput / crypto-only ceiling: ")
                .append(String.format(Locale.ROOT, "%.2f", r.ceilingRatio())).append("** (")
                .append(num(r.load().approvedPerSecond())).append(" / ").append(num(c.requestsPerSecond()))
                .append(" req/s).\n\n");
    }

    private static void appendLatency(StringBuilder md, PhaseResult load) {
        md.append("## Latency (ms, from the intended send time)\n\n");
        md.append("| Message type | Responses | p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|---|---|\n");
        for (TypeResult t : load.types()) {
            LatencySummary l = t.latency();
            md.append("| ").append(t.type()).append(" | ").append(l.count()).append(" | ").append(ms(l.p50Ms()))
                    .append(" | ").append(ms(l.p90Ms())).append(" | ").append(ms(l.p99Ms())).append(" | ")
                    .append(ms(l.p999Ms())).append(" | ").append(ms(l.maxMs())).append(" |\n");
        }
        md.append('\n');
    }

    private static void appendCodes(StringBuilder md, PhaseResult load) {
        md.append("## Response codes\n\n`-` is a response without msgResponse.responseCode; requests without any "
                + "response are listed by cause.\n\n| Message type | Response code | Count |\n|---|---|---|\n");
        for (TypeResult t : load.types()) {
            Map<String, Long> codes = new TreeMap<>(t.responseCodes());
            t.errors().forEach((kind, count) -> codes.put("no response: " + kind, count));
            if (codes.isEmpty()) {
                md.append("| ").append(t.type()).append(" | - | 0 |\n");
            }
            codes.forEach((code, count) -> md.append("| ").append(t.type()).append(" | ").append(code)
                    .append(" | ").append(count).append(" |\n"));
        }
        md.append('\n');
    }

    private static String num(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String memory(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", bytes / BYTES_PER_GIB);
    }

    /** Table cells must not break the table. */
    private static String cell(String text) {
        return text == null ? "" : text.replace('|', '/').replace('\n', ' ');
    }
}
