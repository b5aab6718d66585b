package org.openscis.router.testing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;
import org.openscis.router.MessageType;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Participant;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;

/**
 * Acquirer-side test data on top of {@link MoneyFixture}: an acquirer participant, a product that allows the
 * acquirer's message types, and CPQRC_PAYMENT records as an approved (or otherwise settled) payment leaves them.
 */
public final class Acquirers {

    public static final String ACQUIRER_ID = "48000344";
    public static final String OTHER_ACQUIRER_ID = "48000999";
    public static final String MID = "123456789012345";
    public static final String MERCHANT_NAME = "Harbour Noodles";

    public static final Set<MessageType> QR_TYPES = EnumSet.of(MessageType.CPQRC_PAYMENT, MessageType.REFUND,
            MessageType.CANCELLATION, MessageType.QRC_GENERATION);

    /** A product of {@link MoneyFixture#ISSUER} allowing the QR types, in CNY. */
    public static final CardProduct QR_WALLET = new CardProduct("3002", MoneyFixture.ISSUER, "62900310", 16,
            "629266", 36, "QR Wallet Card", List.of(RouterFixture.FACE_ID), QR_TYPES, List.of(), MoneyFixture.CNY);

    private Acquirers() {}

    public static Participant acquirer(String insId) {
        return new Participant(insId, Participant.Kind.ACQUIRER, EnumSet.of(MessageType.CPQRC_PAYMENT,
                MessageType.REFUND, MessageType.CANCELLATION), null, null, null, null);
    }

    /** {@code merchantInfo} as the acquirer sends it and a CPQRC_PAYMENT's CBS request carries it. */
    public static TrxInfo merchantInfo(String mid) {
        return TrxInfo.builder()
                .put("acquirerIIN", ACQUIRER_ID)
                .put("fwdIIN", "00010344")
                .put("mid", mid)
                .put("merchantName", MERCHANT_NAME)
                .put("mcc", "5812")
                .put("merchantCountry", "344")
                .put("termId", "T0000001")
                .build();
    }

    /**
     * Stores the acquirer's CPQRC_PAYMENT {@code msgId} of {@code amountMinor} CNY paid with {@code token} as
     * {@code state}: a DEBIT_TRANSACTION with {@code onUsFlag} N whose CBS request carries the merchant.
     */
    public static MoneyTransaction payment(MoneyFixture m, String trxId, String insId, String msgId, CardRecord card,
            TokenRecord token, long amountMinor, TrxState state, Instant createdAt) {
        String amount = new Amount(amountMinor, Currency.byNumeric(MoneyFixture.CNY).orElseThrow()).toWire();
        TrxInfo cbsRequest = TrxInfo.builder()
                .put("relTrxMsgID", msgId)
                .put("relTrxType", MessageType.CPQRC_PAYMENT.name())
                .put("onUsFlag", "N")
                .put("merchantInfo", merchantInfo(MID))
                .put("trxAmt", amount)
                .put("trxCurrency", MoneyFixture.CNY)
                .put("retrivlRefNum", "101588094295")
                .build();
        String code = switch (state) {
            case APPROVED, RESOLVED_APPROVED -> "00";
            case DECLINED, RESOLVED_DECLINED -> "51";
            default -> null;
        };
        return m.transactions.put(new MoneyTransaction(trxId, insId, msgId, MessageType.CPQRC_PAYMENT, "1.0.0",
                "20250615100000", card.issuerIin(), card.cardId(), token.token(), token.deviceId(),
                CbsOperation.DEBIT_TRANSACTION, amountMinor, MoneyFixture.CNY, cbsRequest,
                TrxInfo.builder().put("trxAmt", amount).put("trxCurrency", MoneyFixture.CNY).build(), state, code,
                true, 0, state.isFinal() ? null : createdAt.plusSeconds(6), createdAt, createdAt));
    }
}
