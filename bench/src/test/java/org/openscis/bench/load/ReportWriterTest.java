package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final Instant STARTED = Instant.parse("2026-11-25T20:40:12Z");

    @Test
    void fileNameIsDateThenMix() {
        assertThat(ReportWriter.fileName(report(List.of())))
                .isEqualTo("2026-11-25-2040-card_status_inquiry-80_card_enrollment-20.md");
    }

    @Test
    void reportHasMachineThroughputCeilingPercentilesAndCodes() {
        String md = ReportWriter.markdown(report(List.of("a note")));

        assertThat(md).startsWith("# Load run: CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20 at 200 req/s\n");
        assertThat(md).contains("| 2 | 4.0 GiB | AMD EPYC | OpenJDK 17 | Linux 6.1 amd64 | "
                + "AmazonCorrettoCryptoProvider 2.5.0 (native) |");
        // 1000 approved in 10 s against a 400 req/s ceiling.
        assertThat(md).contains("| 200 | 1010 | 1005 | 1000 | 5 | 10 | 100.5 | 100 |");
        assertThat(md).contains("| **mix CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20** | **400** |");
        assertThat(md).contains("**Approved throughput / crypto-only ceiling: 0.25** (100 / 400 req/s)");
        assertThat(md).contains("| CARD_STATUS_INQUIRY | 800 | 1.00 | 1.00 | 1.00 | 1.00 | 1.00 |");
        assertThat(md).contains("| CARD_ENROLLMENT | 205 | 2.00 | 2.00 | 9.01 | 9.01 | 9.01 |");
        assertThat(md).contains("| CARD_ENROLLMENT | 00 | 200 |", "| CARD_ENROLLMENT | 96 | 5 |",
                "| CARD_ENROLLMENT | no response: timeout | 5 |");
        assertThat(md).contains("| 200 | 1000 |", "| 503 | 5 |");
        assertThat(md).contains("## Notes\n\n- a note\n");
    }

    @Test
    void reportWithoutResponsesStillRenders() {
        PhaseResult empty = new PhaseResult(1, List.of(new TypeResult(LoadType.CVM_INQUIRY, 3, 0, 0, 0,
                LatencySummary.EMPTY, Map.of(), Map.of("connection refused", 3L))), Map.of(), 0, LatencySummary.EMPTY);
        LoadReport r = new LoadReport(STARTED, settings(Mix.of(LoadType.CVM_INQUIRY)), machine(), 0, empty, null,
                List.of());

        String md = ReportWriter.markdown(r);

        assertThat(md).contains("## Crypto-only ceiling\n\nNot measured.");
        assertThat(md).contains("| CVM_INQUIRY | no response: connection refused | 3 |");
        assertThat(md).contains("| - | 0 |");
        assertThat(r.ceilingRatio()).isZero();
    }

    @Test
    void writesIntoTheDirectoryWithoutOverwriting(@TempDir Path dir) throws IOException {
        LoadReport r = report(List.of());

        Path first = ReportWriter.write(r, dir.resolve("results"));
        Path second = ReportWriter.write(r, dir.resolve("results"));

        assertThat(first.getFileName()).hasToString("2026-11-25-2040-card_status_inquiry-80_card_enrollment-20.md");
        assertThat(second.getFileName()).hasToString("2026-11-25-2040-card_status_inquiry-80_card_enrollment-20-2.md");
        assertThat(Files.readString(first, StandardCharsets.UTF_8)).isEqualTo(ReportWriter.markdown(r));
    }

    @Test
    void latencySummaryReadsMicrosecondHistograms() {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 10L);
        }

        LatencySummary s = LatencySummary.ofMicros(h);

        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50Ms()).isCloseTo(5.0, within(0.01));
        assertThat(s.p99Ms()).isCloseTo(9.9, within(0.01));
        assertThat(s.maxMs()).isCloseTo(10.0, within(0.01));
    }

    private static LoadReport report(List<String> notes) {
        Mix mix = ((MixParse.Ok) Mix.parse("CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20")).mix();
        TypeResult status = new TypeResult(LoadType.CARD_STATUS_INQUIRY, 800, 800, 800, 0, latency(800, 1_000),
                Map.of("00", 800L), Map.of());
        Histogram enrolment = new Histogram(3);
        enrolment.recordValueWithCount(2_000, 200);
        enrolment.recordValueWithCount(9_000, 5);
        TypeResult enroll = new TypeResult(LoadType.CARD_ENROLLMENT, 210, 205, 200, 0,
                LatencySummary.ofMicros(enrolment), Map.of("00", 200L, "96", 5L), Map.of("timeout", 5L));
        PhaseResult load = new PhaseResult(10, List.of(status, enroll), Map.of(200, 1000L, 503, 5L), 0,
                LatencySummary.EMPTY);
        CeilingResult ceiling = new CeilingResult(2, 10, 400, Map.of(LoadType.CARD_STATUS_INQUIRY, 500.0,
                LoadType.CARD_ENROLLMENT, 250.0), "request RS256 RSA-2048");
        return new LoadReport(STARTED, settings(mix), machine(), 100, load, ceiling, notes);
    }

    private static LatencySummary latency(long count, long micros) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(micros, count);
        return LatencySummary.ofMicros(h);
    }

    private static RunSettings settings(Mix mix) {
        return new RunSettings("http://127.0.0.1:8080", mix, 200, 10, 5, 64, 2, 100, "RSA_OAEP_256_A128GCM");
    }

    private static MachineInfo machine() {
        return new MachineInfo(2, 4L * 1024 * 1024 * 1024, "AMD EPYC", "OpenJDK 17", "Linux 6.1 amd64",
                "AmazonCorrettoCryptoProvider 2.5.0 (native)");
    }
}
