package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoadCommandTest {

    @Test
    void defaultsNameTheEmbeddedCbsSeed() {
        LoadCommand c = parsed("--profile", "p", "--rate", "10");

        assertThat(c.invalidOption()).isEmpty();
        assertThat(c.firstAccount).isEqualTo("100000000001");
        assertThat(c.accountCount).isEqualTo(500);
        assertThat(c.billerMid).isEqualTo("BILLER000000001");
        assertThat(c.agentMid).isEqualTo("AGENT0000000001");
        assertThat(c.currency).isEqualTo("344");
        assertThat(c.rounds).isEqualTo(1);
        assertThat(c.adminUrl).startsWith("http://127.0.0.1:");
        assertThat(c.versusText).isNull();
        assertThat(c.callbackPort).isNull();
    }

    @Test
    void refusesBadMoneyOptionsAllAtOnce() {
        LoadCommand c = parsed("--profile", "p", "--rate", "10", "--biller", "BILLER-0000001!", "--agent", "",
                "--currency", "HKD", "--rounds", "0", "--callback-port", "70000", "--switch-pid", "0");

        assertThat(c.invalidOption()).get().asString().contains("--biller", "--agent", "--currency", "--rounds",
                "--callback-port", "--switch-pid");
    }

    @Test
    void roundsCannotBeShorterThanASecond() {
        assertThat(parsed("--profile", "p", "--rate", "10", "--duration", "5", "--rounds", "6").invalidOption())
                .get().asString().contains("--rounds must be from 1 to 5");
        assertThat(parsed("--profile", "p", "--rate", "10", "--duration", "30", "--rounds", "3").invalidOption())
                .isEmpty();
    }

    @Test
    void notesWarnOfUnreceivedCallbacksAndAnUnobservedCbsLink() {
        Mix money = ((MixParse.Ok) Mix.parse("BILL_PAYMENT=1,P2P_TRANSFER=1")).mix();
        PhaseResult phase = new PhaseResult(10, List.of(), Map.of(), 0, LatencySummary.EMPTY, LatencySummary.EMPTY);
        MixRun run = new MixRun(money, phase, null, CpuMeter.Use.UNKNOWN,
                SwitchObservation.unavailable("u", 3, "ConnectException"), null);

        List<String> notes = LoadCommand.notes(List.of(run), "ACCP", false);

        assertThat(notes).anyMatch(n -> n.contains("two TRX_RESULT_NOTIFICATION callbacks")
                && n.contains("--callback-port"));
        assertThat(notes).anyMatch(n -> n.contains("CBS link could not be observed (ConnectException)"));
        assertThat(LoadCommand.notes(List.of(run), "ACCP", true))
                .noneMatch(n -> n.contains("TRX_RESULT_NOTIFICATION"));
        assertThat(notes).noneMatch(n -> n.contains("are operations"));
    }

    @Test
    void notesExplainThatAConsumerPresentedRequestIsAnOperation() {
        Mix qr = ((MixParse.Ok) Mix.parse("MPQRC_PAYMENT_EMV=2,CPQRC_PAYMENT=1,CPQRC_PAYMENT_CVM=1")).mix();
        PhaseResult phase = new PhaseResult(10, List.of(), Map.of(), 0, LatencySummary.EMPTY, LatencySummary.EMPTY);
        MixRun run = new MixRun(qr, phase, null, CpuMeter.Use.UNKNOWN,
                SwitchObservation.unavailable("u", 3, "ConnectException"), null);

        assertThat(LoadCommand.notes(List.of(run), "ACCP", true))
                .anyMatch(n -> n.contains("are operations") && n.contains("ADDITIONAL_PROCESSING_RESULT"));
    }

    private static LoadCommand parsed(String... args) {
        LoadCommand c = new LoadCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void consumerPresentedOperationsNeedTheAcquirerAndForVerificationTheCallbackPort() {
        Mix cpqrc = ((MixParse.Ok) Mix.parse("CPQRC_PAYMENT=1")).mix();
        Mix cvm = ((MixParse.Ok) Mix.parse("CPQRC_PAYMENT_CVM=1,BILL_PAYMENT=1")).mix();
        Mix money = ((MixParse.Ok) Mix.parse("BILL_PAYMENT=1")).mix();

        assertThat(LoadCommand.consumerPresentedProblem(List.of(money), false, false)).isEmpty();
        assertThat(LoadCommand.consumerPresentedProblem(List.of(money, cpqrc), false, false)).get().asString()
                .contains("--acquirer-profile");
        assertThat(LoadCommand.consumerPresentedProblem(List.of(cpqrc), true, false)).isEmpty();
        assertThat(LoadCommand.consumerPresentedProblem(List.of(cvm), true, false)).get().asString()
                .contains("--callback-port");
        assertThat(LoadCommand.consumerPresentedProblem(List.of(cvm), true, true)).isEmpty();
        assertThat(parsed("--profile", "p", "--rate", "10", "--acquirer-fwd-iin", "123").invalidOption()).get()
                .asString().contains("--acquirer-fwd-iin");
    }
}
