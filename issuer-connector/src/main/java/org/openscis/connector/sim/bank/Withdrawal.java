package org.openscis.connector.sim.bank;

import java.time.Instant;
import org.openscis.codec.mask.Masking;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;

/**
 * A cash-out token was used at an agent: {@code amountMinor} of {@code currency} (ISO 4217 numeric) moved from the
 * customer's {@code accountNo} to the agent's account ({@code agentMid}) at {@code time}. {@code holdMsgId} is the
 * CBS msgID of the GET_CASH_OUT_TOKEN that placed the hold (the switch's transaction id of that movement), so that a
 * listener can tie the cash handed out to the request that asked for the token.
 */
public record Withdrawal(String trxToken, String accountNo, String agentMid, long amountMinor, String currency,
        Instant time, String holdMsgId) {

    /** The amount with its currency; the currency is one the ledger accepted, so it is always known. */
    public Amount amount() {
        return new Amount(amountMinor, Currency.byNumeric(currency).orElseThrow());
    }

    @Override
    public String toString() {
        return "Withdrawal[" + Masking.pan(trxToken) + " " + Masking.pan(accountNo) + " -> " + agentMid + " "
                + amountMinor + " " + currency + " at " + time + ", hold " + holdMsgId + "]";
    }
}
