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
    void fileNameIsDateThenMixThenRate() {
        assertThat(ReportWriter.fileName(report(List.of())))
                .isEqualTo("2026-11-25-2040-card_status_inquiry-80_card_enrollment-20-at-200rps.md");
        assertThat(ReportWriter.fileName(sideBySide()))
                .isEqualTo("2026-11-25-2040-bill_payment-50_p2p_transfer-50-vs-card_status_inquiry-80_"
                        + "card_enrollment-20-at-200rps.md");
    }

    @Test
    void reportHasMachineThroughputCeilingPercentilesAndCodes() {
        String md = ReportWriter.markdown(report(List.of("a note")));

        assertThat(md).startsWith("# Load run: CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20 at 200 req/s\n");
        assertThat(md).contains("| 2 | 4.0 GiB | AMD EPYC | OpenJDK 17 | Linux 6.1 amd64 | "
                + "AmazonCorrettoCryptoProvider 2.5.0 (native) |");
        // 1000 approved in 10 s against a 400 req/s ceiling.
        assertThat(md).contains("| 200 | 1010 | 1005 | 1000 | 5 | 10 | 100.5 | 100 |");
        assertThat(md).contains("| CARD_STATUS_INQUIRY | 800 | 800 | 800 | 80 | 0 | 0 |");
        assertThat(md).contains("| CARD_STATUS_INQUIRY | verify 1, sign 1, JWE decrypt 0, JWE encrypt 0 | 500 |");
        assertThat(md).contains("| **mix CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20** | | **400** |");
        assertThat(md).contains("**Approved throughput / crypto-only ceiling: 0.25** (100 / 400 req/s)");
        assertThat(md).contains("| CARD_STATUS_INQUIRY | 800 | 1.00 | 1.00 | 1.00 | 1.00 | 1.00 |");
        assertThat(md).contains("| CARD_ENROLLMENT | 205 | 2.00 | 2.00 | 9.01 | 9.01 | 9.01 |");
        assertThat(md).contains("| CARD_ENROLLMENT | 00 | 200 |", "| CARD_ENROLLMENT | 96 | 5 |",
                "| CARD_ENROLLMENT | no response: timeout | 5 |");
        assertThat(md).contains("| 200 | 1000 |", "| 503 | 5 |");
        assertThat(md).contains("## Notes\n\n- a note\n");
        assertThat(md).contains("Load average (1 min) before the run: 0.50.");
        assertThat(md).contains("machine 90 % busy, the generator 40 %, the switch and anything else 50 %");
        assertThat(md).contains("## Switch side: outbound links, workers, callback outbox\n\nNot scraped");
        assertThat(md).doesNotContain("Side by side", "Callbacks received");
    }

    @Test
    void sideBySideReportPutsTheRatiosFirstAndShowsTheCbsLinkAndCallbacks() {
        String md = ReportWriter.markdown(sideBySide());

        assertThat(md).startsWith("# Load run: BILL_PAYMENT=50,P2P_TRANSFER=50 at 200 req/s, side by side with "
                + "CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20\n");
        assertThat(md.indexOf("## Side by side (same switch, same rate, alternating rounds)"))
                .isLessThan(md.indexOf("## Throughput"));
        assertThat(md).contains("measured in 5 rounds per mix, the mixes alternating round by round");
        // money: 50 approved/s, p50 4 ms; inquiry: 100 approved/s, p50 1 ms
        // 9 s of switch CPU over 500 responses; 6.03 s over 1005
        assertThat(md).contains("| BILL_PAYMENT=50,P2P_TRANSFER=50 | 50 | 0 | 4.00 | 4.00 | 100 | 0.50 | 18.00 | 100 "
                + "| 7 (11) | 8 (9) | 90 % |");
        assertThat(md).contains("| CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20 | 100 | 5 | 1.00 | 1.00 | 400 | 0.25 | 6.00 "
                + "| - | - | - | 90 % |");
        assertThat(md).contains("approved/s 0.50, p50 4.00, p99 4.00, switch CPU per response 3.00, crypto ceiling "
                + "0.25");
        assertThat(md).contains("the switch 45 % (18.00 ms CPU per response), anything else 5 %.");
        assertThat(md).contains("| cbs-62000001 | 1000 | 100 | 1000 | 0 | 0 | 5.00 | 8 | 9 | 7 | 11 | 0 | "
                + "timeout 2 |");
        assertThat(md).contains("Callback outbox: at most 25 pending, 1 at the end; 990 delivered, 0 attempts");
        assertThat(md).contains("## Callbacks received by the generator", "| TRX_RESULT_NOTIFICATION / "
                + "P2P_TRANSFER | 500 |", "(0 with an invalid signature, 1 duplicates)");
        assertThat(md).contains("## Comparison mix: CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20\n\n### Throughput");
        assertThat(md).contains("| all | 500 | 4.00 |");
        assertThat(md).contains("Clean-up: 100 of 100 warm-up tokens deleted.");
    }

    @Test
    void reportWithoutResponsesStillRenders() {
        PhaseResult empty = new PhaseResult(1, List.of(new TypeResult(LoadType.CVM_INQUIRY, 3, 0, 0, 0,
                LatencySummary.EMPTY, Map.of(), Map.of("connection refused", 3L))), Map.of(), 0, LatencySummary.EMPTY,
                LatencySummary.EMPTY);
        Mix mix = Mix.of(LoadType.CVM_INQUIRY);
        LoadReport r = new LoadReport(STARTED, settings(mix, null), machine(), -1, 0,
                new MixRun(mix, empty, null, CpuMeter.Use.UNKNOWN, SwitchObservation.unavailable("u", 2, "refused"),
                        null), null, null, List.of());

        String md = ReportWriter.markdown(r);

        assertThat(md).contains("## Crypto-only ceiling\n\nNot measured.");
        assertThat(md).contains("| CVM_INQUIRY | no response: connection refused | 3 |");
        assertThat(md).contains("| - | 0 |");
        assertThat(md).contains("Not observed: refused (2 scrapes failed)");
        assertThat(r.ceilingRatio()).isZero();
    }

    @Test
    void writesIntoTheDirectoryWithoutOverwriting(@TempDir Path dir) throws IOException {
        LoadReport r = report(List.of());

        Path first = ReportWriter.write(r, dir.resolve("results"));
        Path second = ReportWriter.write(r, dir.resolve("results"));

        assertThat(first.getFileName()).hasToString(
                "2026-11-25-2040-card_status_inquiry-80_card_enrollment-20-at-200rps.md");
        assertThat(second.getFileName()).hasToString(
                "2026-11-25-2040-card_status_inquiry-80_card_enrollment-20-at-200rps-2.md");
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
        Mix mix = inquiryMix();
        return new LoadReport(STARTED, settings(mix, null), machine(), 0.5, 100,
                new MixRun(mix, inquiryPhase(), inquiryCeiling(), new CpuMeter.Use(0.9, 0.4), null, null), null,
                null, notes);
    }

    private static LoadReport sideBySide() {
        Mix money = ((MixParse.Ok) Mix.parse("BILL_PAYMENT=50,P2P_TRANSFER=50")).mix();
        TypeResult bill = new TypeResult(LoadType.BILL_PAYMENT, 250, 250, 250, 0, latency(250, 4_000),
                Map.of("00", 250L), Map.of());
        TypeResult p2p = new TypeResult(LoadType.P2P_TRANSFER, 250, 250, 250, 0, latency(250, 4_000),
                Map.of("00", 250L), Map.of());
        PhaseResult moneyPhase = new PhaseResult(10, List.of(bill, p2p), Map.of(200, 500L), 0, LatencySummary.EMPTY,
                latency(500, 4_000));
        CeilingResult moneyCeiling = new CeilingResult(2, 10, 100, Map.of(LoadType.BILL_PAYMENT, 120.0,
                LoadType.P2P_TRANSFER, 80.0), "keys", Map.of(LoadType.BILL_PAYMENT, "verify 3, sign 3, JWE "
                + "decrypt 1, JWE encrypt 1", LoadType.P2P_TRANSFER, "verify 5, sign 5, JWE decrypt 3, JWE encrypt 2"));
        LinkObservation cbs = new LinkObservation("cbs-62000001", 1000, 0, 0, 5.0, 8, 7, 0, 9, 11,
                Map.of("timeout", 2L));
        SwitchObservation view = new SwitchObservation("http://127.0.0.1:8081/metrics", 12, 0, null, List.of(cbs),
                16, 0, 25, 1, 990, 0);
        CallbackCounter.Counts callbacks = new CallbackCounter.Counts("http://127.0.0.1:8082",
                Map.of("TRX_RESULT_NOTIFICATION / BILL_PAYMENT", 250L, "TRX_RESULT_NOTIFICATION / P2P_TRANSFER",
                        500L), 0, 1);
        MixRun main = new MixRun(money, moneyPhase, moneyCeiling, new CpuMeter.Use(0.9, 0.4, 0.45, 9.0), view,
                callbacks);
        MixRun versus = new MixRun(inquiryMix(), inquiryPhase(), inquiryCeiling(),
                new CpuMeter.Use(0.9, 0.4, 0.3, 6.03), null, null);
        return new LoadReport(STARTED, settings(money, inquiryMix()), machine(), 0.5, 100, main, versus,
                "100 of 100 warm-up tokens deleted", List.of());
    }

    private static Mix inquiryMix() {
        return ((MixParse.Ok) Mix.parse("CARD_STATUS_INQUIRY=80,CARD_ENROLLMENT=20")).mix();
    }

    private static PhaseResult inquiryPhase() {
        TypeResult status = new TypeResult(LoadType.CARD_STATUS_INQUIRY, 800, 800, 800, 0, latency(800, 1_000),
                Map.of("00", 800L), Map.of());
        Histogram enrolment = new Histogram(3);
        enrolment.recordValueWithCount(2_000, 200);
        enrolment.recordValueWithCount(9_000, 5);
        TypeResult enroll = new TypeResult(LoadType.CARD_ENROLLMENT, 210, 205, 200, 0,
                LatencySummary.ofMicros(enrolment), Map.of("00", 200L, "96", 5L), Map.of("timeout", 5L));
        return new PhaseResult(10, List.of(status, enroll), Map.of(200, 1000L, 503, 5L), 0, LatencySummary.EMPTY,
                latency(1005, 1_000));
    }

    private static CeilingResult inquiryCeiling() {
        return new CeilingResult(2, 10, 400, Map.of(LoadType.CARD_STATUS_INQUIRY, 500.0,
                LoadType.CARD_ENROLLMENT, 250.0), "request RS256 RSA-2048", Map.of(LoadType.CARD_STATUS_INQUIRY,
                "verify 1, sign 1, JWE decrypt 0, JWE encrypt 0"));
    }

    private static LatencySummary latency(long count, long micros) {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(micros, count);
        return LatencySummary.ofMicros(h);
    }

    private static RunSettings settings(Mix mix, Mix versus) {
        return new RunSettings("http://127.0.0.1:8080", mix, versus, 200, 10, 5, versus == null ? 1 : 5, 64, 2, 100,
                "RSA_OAEP_256_A128GCM",
                "100000000001..100000000500", true, versus == null ? null : "http://127.0.0.1:8082",
                versus == null ? null : "http://127.0.0.1:8081/metrics");
    }

    private static MachineInfo machine() {
        return new MachineInfo(2, 4L * 1024 * 1024 * 1024, "AMD EPYC", "OpenJDK 17", "Linux 6.1 amd64",
                "AmazonCorrettoCryptoProvider 2.5.0 (native)");
    }
}
