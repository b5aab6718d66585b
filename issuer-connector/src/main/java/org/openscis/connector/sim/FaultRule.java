package org.openscis.connector.sim;

import java.util.regex.Pattern;

/**
 * One fault the simulator injects into CBS messages.
 *
 * @param msgType the CBS message type it applies to (by request path), or null for any
 * @param probability the chance, 0 to 1, that a matching message is picked (drawn from the plan's seeded random)
 * @param count how many more messages it may pick; -1 for no limit. A rule whose count reaches 0 is removed
 * @param action what to do to a picked message
 * @param delayMillis for {@link FaultAction#DELAY}: how late the answer comes
 * @param responseCode for {@link FaultAction#RESPOND}: the two-character code to answer
 * @param applyBeforeFault whether the message is processed (ledger effect and movement committed) before the fault
 *     strikes. For NO_ANSWER and DROP it decides whether the CBS acted on a message whose answer never came. For
 *     DELAY, true processes at once and answers late (a slow network back), false waits first and processes after
 *     the delay (the message arrives late, e.g. after a reversal). RESPOND never processes.
 */
public record FaultRule(String msgType, double probability, int count, FaultAction action, long delayMillis,
        String responseCode, boolean applyBeforeFault) {

    /** A delay longer than this is surely a mistake (a client gives up long before). */
    public static final long MAX_DELAY_MILLIS = 10 * 60_000L;
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{2}");

    public FaultRule {
        if (action == null) {
            throw new IllegalArgumentException("action is required");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1");
        }
        if (count < -1) {
            throw new IllegalArgumentException("count must be -1 (unlimited) or at least 0");
        }
        if (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException("delayMillis must be 0 to " + MAX_DELAY_MILLIS);
        }
        if (action == FaultAction.RESPOND && (responseCode == null || !CODE.matcher(responseCode).matches())) {
            throw new IllegalArgumentException("RESPOND needs a two-character responseCode");
        }
        if (msgType != null && msgType.isBlank()) {
            msgType = null;
        }
    }

    /** Every matching message, answered {@code millis} late; {@code processFirst} as in {@link #applyBeforeFault}. */
    public static FaultRule delay(String msgType, long millis, boolean processFirst) {
        return new FaultRule(msgType, 1, -1, FaultAction.DELAY, millis, null, processFirst);
    }

    /** Every matching message goes unanswered; {@code processFirst}: the CBS applied it all the same. */
    public static FaultRule noAnswer(String msgType, boolean processFirst) {
        return new FaultRule(msgType, 1, -1, FaultAction.NO_ANSWER, 0, null, processFirst);
    }

    /** Every matching message has its connection closed; {@code processFirst}: the CBS applied it all the same. */
    public static FaultRule drop(String msgType, boolean processFirst) {
        return new FaultRule(msgType, 1, -1, FaultAction.DROP, 0, null, processFirst);
    }

    /** Every matching message is answered {@code code} with no effect. */
    public static FaultRule respond(String msgType, String code) {
        return new FaultRule(msgType, 1, -1, FaultAction.RESPOND, 0, code, false);
    }

    /** This rule limited to {@code n} messages. */
    public FaultRule times(int n) {
        return new FaultRule(msgType, probability, n, action, delayMillis, responseCode, applyBeforeFault);
    }

    /** This rule picking each matching message with probability {@code p}. */
    public FaultRule withProbability(double p) {
        return new FaultRule(msgType, p, count, action, delayMillis, responseCode, applyBeforeFault);
    }

    boolean matches(String type) {
        return msgType == null || msgType.equals(type);
    }
}
