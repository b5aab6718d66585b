package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rounds of one mix add up to one phase. */
class MergeTest {

    @Test
    void switchObservationsAddCountsAndKeepMaxima() {
        SwitchObservation a = new SwitchObservation("u", 10, 0, null, List.of(new LinkObservation("cbs-1", 100, 1, 0,
                2.0, 5, 4, 0, 8, 9, Map.of("overloaded", 1L))), 16, 3, 10, 4, 90, 1);
        SwitchObservation b = new SwitchObservation("u", 11, 1, null, List.of(new LinkObservation("cbs-1", 300, 0, 2,
                6.0, 7, 3, 1, 8, 12, Map.of("overloaded", 2L, "timeout", 2L))), 12, 5, 20, 2, 310, 0);
        SwitchObservation lost = SwitchObservation.unavailable("u", 2, "refused");

        SwitchObservation m = SwitchObservation.merge(List.of(a, lost, b));

        assertThat(m.observed()).isTrue();
        assertThat(m.samples()).isEqualTo(21);
        assertThat(m.failedSamples()).isEqualTo(3);
        LinkObservation l = m.links().get(0);
        assertThat(l.answered()).isEqualTo(400);
        assertThat(l.notSent()).isEqualTo(1);
        assertThat(l.noAnswer()).isEqualTo(2);
        // (100 * 2 + 300 * 6) / 400
        assertThat(l.answeredMeanMs()).isCloseTo(5.0, within(1e-9));
        assertThat(l.connectionsMax()).isEqualTo(7);
        assertThat(l.inFlightMax()).isEqualTo(4);
        assertThat(l.queuedMax()).isEqualTo(1);
        assertThat(l.inFlightPeak()).isEqualTo(12);
        assertThat(l.errors()).containsEntry("overloaded", 3L).containsEntry("timeout", 2L);
        assertThat(m.workersActiveMax()).isEqualTo(16);
        assertThat(m.workersQueueMax()).isEqualTo(5);
        assertThat(m.callbacksPendingMax()).isEqualTo(20);
        assertThat(m.callbacksPendingEnd()).isEqualTo(2);
        assertThat(m.callbacksDelivered()).isEqualTo(400);
        assertThat(m.callbacksRetried()).isEqualTo(1);
    }

    @Test
    void roundsThatWereNeverObservedStayUnobserved() {
        SwitchObservation m = SwitchObservation.merge(List.of(SwitchObservation.unavailable("u", 2, "refused"),
                SwitchObservation.unavailable("u", 2, "refused again")));

        assertThat(m.observed()).isFalse();
        assertThat(m.problem()).isEqualTo("refused again");
        assertThat(m.failedSamples()).isEqualTo(4);
    }

    @Test
    void callbackCountsAddUp() {
        CallbackCounter.Counts m = CallbackCounter.Counts.merge(List.of(
                new CallbackCounter.Counts("http://cb", Map.of("T / P2P_TRANSFER", 4L), 0, 1),
                new CallbackCounter.Counts("http://cb", Map.of("T / P2P_TRANSFER", 6L, "T / BILL_PAYMENT", 1L), 1,
                        0)));

        assertThat(m.byType()).containsEntry("T / P2P_TRANSFER", 10L).containsEntry("T / BILL_PAYMENT", 1L);
        assertThat(m.total()).isEqualTo(11);
        assertThat(m.invalid()).isEqualTo(1);
        assertThat(m.duplicate()).isEqualTo(1);
        assertThat(m.url()).isEqualTo("http://cb");
    }

    @Test
    void cpuIntervalsAddUp() {
        assertThat(new CpuMeter().use()).isEqualTo(new CpuMeter.Use(-1, -1, -1, -1));
        CpuMeter cpu = new CpuMeter(ProcessHandle.current().pid());
        cpu.start();
        cpu.stop();
        cpu.start();
        cpu.stop();

        CpuMeter.Use use = cpu.use();

        // Intervals this short are below the clocks' resolution: only "known or -1, never an exception" holds.
        assertThat(use.machineBusy()).isGreaterThanOrEqualTo(-1);
        assertThat(use.generator()).isGreaterThanOrEqualTo(-1);
        assertThat(use.switchSeconds()).isGreaterThanOrEqualTo(-1);
        assertThat(CpuMeter.Use.UNKNOWN.others()).isEqualTo(-1);
        assertThat(new CpuMeter.Use(0.9, 0.3).others()).isCloseTo(0.6, within(1e-9));
        assertThat(new CpuMeter.Use(0.9, 0.3, 0.5, 2.0).switchMillisPer(400)).isCloseTo(5.0, within(1e-9));
        assertThat(new CpuMeter.Use(0.9, 0.3).switchMillisPer(400)).isEqualTo(-1);
    }

    @Test
    void processTicksAreUserPlusSystemTimeAfterTheCommandName() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (java (serve) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 0 0 20 0 40 0";

        assertThat(CpuMeter.parseProcessTicks(stat)).isEqualTo(1801);
        assertThat(CpuMeter.parseProcessTicks("4242 (java) S 1")).isEqualTo(-1);
        assertThat(CpuMeter.parseProcessTicks("garbage")).isEqualTo(-1);
        assertThat(CpuMeter.parseProcessTicks(null)).isEqualTo(-1);
        if (Files.isReadable(Path.of("/proc/self/stat"))) {
            assertThat(CpuMeter.processTicks(ProcessHandle.current().pid())).isNotNegative();
        }
        assertThat(CpuMeter.processTicks(-1)).isEqualTo(-1);
    }
}
