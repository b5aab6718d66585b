package org.openscis.router.handler;

import java.time.Instant;
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
 * REFUND (decisions.md §7.1, {@code /scis/acquirer/refund}): gives back part or all of a CPQRC_PAYMENT, as often as
 * the acquirer likes, up to the payment's amount. On top of {@link AcquirerReturnHandler}'s checks: a payment with a
 * cancellation that still counts (pending or done) cannot be refunded → 12; the amount must not exceed the payment's
 * amount minus its refunds that still count, pending ones included → 13 (so a fully refunded payment answers 13).
 */
final class RefundHandler extends AcquirerReturnHandler {

    RefundHandler(TransactionStore transactions, CardRepository cards, ProductCatalog catalog, MoneyMovement movement,
            FinalNotifications notifications, SwitchIds ids) {
        super(MessageType.REFUND, transactions, cards, catalog, movement, notifications, ids);
    }

    @Override
    RecordedCheck.Refusal rule(MoneyTransaction original, List<MoneyTransaction> others, long amountMinor,
            ProductLimits limits, Instant now) {
        if (others.stream().anyMatch(t -> t.msgType() == MessageType.CANCELLATION)) {
            return new RecordedCheck.Refusal(ResponseCode.INVALID_TRANSACTION, "the original payment was cancelled");
        }
        long refunded = others.stream()
                .filter(t -> t.msgType() == MessageType.REFUND)
                .mapToLong(MoneyTransaction::amountMinor)
                .sum();
        if (amountMinor > original.amountMinor() - refunded) {
            return new RecordedCheck.Refusal(ResponseCode.INVALID_AMOUNT,
                    "trxAmt: above what is left to refund of the original payment");
        }
        return null;
    }
}
