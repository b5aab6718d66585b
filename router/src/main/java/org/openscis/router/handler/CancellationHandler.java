package org.openscis.router.handler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.openscis.codec.ResponseCode;
import org.openscis.router.MessageType;
import org.openscis.router.money.FinalNotifications;
import org.openscis.router.money.MoneyMovement;
import org.openscis.router.money.RecordedCheck;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.ProductCatalog;
import org.openscis.router.port.ProductLimits;
import org.openscis.router.port.SwitchIds;
import org.openscis.router.port.TransactionStore;

/**
 * CANCELLATION (decisions.md §7.1, {@code /scis/acquirer/cancellation}): voids a whole CPQRC_PAYMENT on its business
 * day. On top of {@link AcquirerReturnHandler}'s checks: the amount must be the payment's whole amount → 13; a
 * payment with a cancellation or a refund that still counts (pending or done) → 12; the business day must be the
 * payment's → 12.
 *
 * <p>The business day ends at the start of the card product's cut-off window, read in the window's zone, or at
 * midnight in that zone (UTC by default) when the product has no cut-off: a cancellation at or after the cut-off
 * start is "after the cut-off" and belongs to the next business day. Inside the window itself every money movement
 * is 90 anyway.
 */
final class CancellationHandler extends AcquirerReturnHandler {

    private static final int SECONDS_PER_DAY = 24 * 60 * 60;
    private static final int SECONDS_TO_NOON = SECONDS_PER_DAY / 2;

    CancellationHandler(TransactionStore transactions, CardRepository cards, ProductCatalog catalog,
            MoneyMovement movement, FinalNotifications notifications, SwitchIds ids) {
        super(MessageType.CANCELLATION, transactions, cards, catalog, movement, notifications, ids);
    }

    @Override
    RecordedCheck.Refusal rule(MoneyTransaction original, List<MoneyTransaction> others, long amountMinor,
            ProductLimits limits, Instant now) {
        if (amountMinor != original.amountMinor()) {
            return new RecordedCheck.Refusal(ResponseCode.INVALID_AMOUNT,
                    "trxAmt: a cancellation is for the original payment's whole amount");
        }
        if (others.stream().anyMatch(t -> t.msgType() == MessageType.CANCELLATION)) {
            return new RecordedCheck.Refusal(ResponseCode.INVALID_TRANSACTION,
                    "the original payment is already cancelled");
        }
        if (!others.isEmpty()) {
            return new RecordedCheck.Refusal(ResponseCode.INVALID_TRANSACTION,
                    "the original payment was refunded; refund the rest instead");
        }
        if (!businessDay(original.createdAt(), limits).equals(businessDay(now, limits))) {
            return new RecordedCheck.Refusal(ResponseCode.INVALID_TRANSACTION,
                    "past the original payment's business day (cut-off); refund it instead");
        }
        return null;
    }

    /**
     * The business day {@code at} belongs to: days start at the cut-off start, else at midnight. A day that starts in
     * the evening is named by the date it mostly covers (with a 23:00 cut-off, 23:00 on the 15th starts the 16th), one
     * that starts in the morning by the date it starts on.
     */
    static LocalDate businessDay(Instant at, ProductLimits limits) {
        ZoneId zone = limits.cutOffZone() == null ? ZoneId.of("UTC") : limits.cutOffZone();
        boolean window = limits.cutOffStart() != null && limits.cutOffEnd() != null
                && !limits.cutOffStart().equals(limits.cutOffEnd());
        int dayStart = window ? limits.cutOffStart().toSecondOfDay() : 0;
        long shift = dayStart >= SECONDS_TO_NOON ? SECONDS_PER_DAY - dayStart : -dayStart;
        return at.atZone(zone).toLocalDateTime().plusSeconds(shift).toLocalDate();
    }
}
