package org.openscis.connector.sim.bank;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Cash handed out at an agent against a cash-out token: the held amount moves from the customer to the agent's
 * account in a movement {@code W<trxToken>} and the hold becomes WITHDRAWN. An expired hold found here is released.
 */
final class Withdrawals {

    /** Movement type of withdrawals; never a CBS message type. */
    static final String TYPE = "WITHDRAWAL";

    /** The outcome, and what to tell listeners when the money moved. */
    record Outcome(WithdrawalResult result, Withdrawal withdrawal) {}

    private Withdrawals() {}

    static Outcome withdraw(DSLContext tx, String trxToken, String agentMid, Instant now) {
        long nowMillis = now.toEpochMilli();
        HoldRow unlocked = Holds.find(tx, trxToken).orElse(null);
        if (unlocked == null) {
            return new Outcome(WithdrawalResult.UNKNOWN_TOKEN, null);
        }
        Map<String, AccountRow> locked = Accounts.lock(tx, List.of(unlocked.accountNo(), agentMid));
        AccountRow agent = locked.get(agentMid);
        if (agent == null || agent.kind() != AccountKind.MERCHANT || !agent.active()) {
            return new Outcome(WithdrawalResult.UNKNOWN_AGENT, null);
        }
        HoldRow hold = Holds.lock(tx, trxToken).orElseThrow();
        switch (hold.state()) {
            case WITHDRAWN:
                return new Outcome(WithdrawalResult.ALREADY_WITHDRAWN, null);
            case RELEASED:
                return new Outcome(WithdrawalResult.RELEASED, null);
            default:
                break;
        }
        if (!hold.activeAt(nowMillis)) {
            Holds.setState(tx, trxToken, HoldState.RELEASED, nowMillis);
            return new Outcome(WithdrawalResult.EXPIRED, null);
        }
        if (!agent.currency().equals(hold.currency())) {
            return new Outcome(WithdrawalResult.WRONG_CURRENCY, null);
        }
        String movementId = "W" + trxToken;
        Movements.insertApproved(tx, movementId, TYPE, hold.amountMinor(), hold.currency(), nowMillis);
        // The hold reserved this amount, so the customer's balance covers it (holds never exceed the balance).
        LedgerWriter.post(tx, movementId, List.of(new Leg(hold.accountNo(), -hold.amountMinor()),
                new Leg(agentMid, hold.amountMinor())));
        Holds.setState(tx, trxToken, HoldState.WITHDRAWN, nowMillis);
        return new Outcome(WithdrawalResult.WITHDRAWN, new Withdrawal(trxToken, hold.accountNo(), agentMid,
                hold.amountMinor(), hold.currency(), now, hold.movementId()));
    }
}
