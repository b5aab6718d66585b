package org.openscis.server.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openscis.connector.sim.FaultAction;
import org.openscis.connector.sim.FaultRule;

/**
 * The simulator's fault rules of one run, their probabilities drawn from the run's seed. Money movements meet every
 * fault the simulator has: answers a little late, too late but applied, arriving late (after the switch may already
 * have reversed them), no answer and dropped connections with and without the movement applied, and refusals (51,
 * 91, 71). The resolver's own messages (TRANSACTION_INQUIRY, REVERSAL) meet fewer, so that it has to retry.
 */
final class FaultSchedule {

    static final List<String> MOVEMENTS = List.of("DEBIT_TRANSACTION", "CREDIT_TRANSACTION", "P2P_TRANSFER",
            "GET_CASH_OUT_TOKEN");
    static final List<String> RESOLUTION = List.of("TRANSACTION_INQUIRY", "REVERSAL");

    /** Late, but within the CBS call timeout. */
    static final long SHORT_DELAY_MILLIS = 300;
    /** Longer than the CBS call timeout: the switch stops waiting. */
    static final long LONG_DELAY_MILLIS = 1_600;
    /** Processed after the resolver first looks at the movement: it may find nothing and reverse it first. */
    static final long LATE_ARRIVAL_MILLIS = 3_500;

    private FaultSchedule() {}

    static List<FaultRule> rules(SplittableRandom random) {
        List<FaultRule> rules = new ArrayList<>();
        for (String type : MOVEMENTS) {
            rules.add(rule(random, 0.04, type, FaultAction.DELAY, SHORT_DELAY_MILLIS, null, true));
            rules.add(rule(random, 0.02, type, FaultAction.DELAY, LONG_DELAY_MILLIS, null, true));
            rules.add(rule(random, 0.02, type, FaultAction.DELAY, LATE_ARRIVAL_MILLIS, null, false));
            rules.add(rule(random, 0.02, type, FaultAction.NO_ANSWER, 0, null, true));
            rules.add(rule(random, 0.02, type, FaultAction.NO_ANSWER, 0, null, false));
            rules.add(rule(random, 0.02, type, FaultAction.DROP, 0, null, true));
            rules.add(rule(random, 0.02, type, FaultAction.DROP, 0, null, false));
            rules.add(rule(random, 0.015, type, FaultAction.RESPOND, 0, "51", false));
            rules.add(rule(random, 0.015, type, FaultAction.RESPOND, 0, "91", false));
            rules.add(rule(random, 0.01, type, FaultAction.RESPOND, 0, "71", false));
        }
        for (String type : RESOLUTION) {
            rules.add(rule(random, 0.04, type, FaultAction.NO_ANSWER, 0, null, true));
            rules.add(rule(random, 0.03, type, FaultAction.NO_ANSWER, 0, null, false));
            rules.add(rule(random, 0.03, type, FaultAction.DROP, 0, null, true));
            rules.add(rule(random, 0.03, type, FaultAction.DELAY, LONG_DELAY_MILLIS, null, true));
            rules.add(rule(random, 0.03, type, FaultAction.RESPOND, 0, "91", false));
        }
        return List.copyOf(rules);
    }

    /** A rule firing with probability between half and one and a half times {@code typical}. */
    private static FaultRule rule(SplittableRandom random, double typical, String type, FaultAction action,
            long delayMillis, String code, boolean applyFirst) {
        double p = typical * (0.5 + random.nextDouble());
        return new FaultRule(type, p, -1, action, delayMillis, code, applyFirst);
    }
}
