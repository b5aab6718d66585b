package org.openscis.router.handler;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.router.Outcome;
import org.openscis.router.money.DailyLimit;
import org.openscis.router.money.MoneyMovement;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.ProductLimits;
import org.openscis.router.port.TokenRecord;

/** What {@link MovementChecks} decided. */
public sealed interface CheckResult {

    /**
     * Every check passed.
     *
     * @param amount     the parsed amount
     * @param fee        the parsed fee (zero when none was given), in the same currency
     * @param totalMinor amount + fee: what leaves (or reaches) the account, the figure limits apply to
     * @param merchant   the configured merchant-side party, or null when the movement has none
     * @param dailyLimit the daily limit the movement was counted against, or null when none applies; {@link
     *                   MoneyMovement} checks it again once the movement is recorded, so that concurrent requests
     *                   cannot together exceed it
     */
    record Passed(TokenRecord token, CardRecord card, CardProduct product, ProductLimits limits, Amount amount,
            Amount fee, long totalMinor, Merchant merchant, DailyLimit dailyLimit) implements CheckResult {}

    /** The refusal; {@code detail} is a {@code responseMsg} that never contains card data (null: the standard one). */
    record Refused(ResponseCode code, String detail) implements CheckResult {

        public Outcome toOutcome(TrxInfo echo) {
            return Outcome.fail(code, detail, echo);
        }
    }
}
