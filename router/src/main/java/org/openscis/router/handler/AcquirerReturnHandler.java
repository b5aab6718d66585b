package org.openscis.router.handler;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.money.CbsFields;
import org.openscis.router.money.CutOffWindow;
import org.openscis.router.money.FinalNotifications;
import org.openscis.router.money.MoneyMovement;
import org.openscis.router.money.Movement;
import org.openscis.router.money.RecordedCheck;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.ProductCatalog;
import org.openscis.router.port.ProductLimits;
import org.openscis.router.port.SwitchIds;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What REFUND and CANCELLATION (decisions.md §7.1) share: an acquirer gives money of an earlier CPQRC_PAYMENT back to
 * the card it was paid with. Request {@code trxInfo}: {@code origMsgID} (the acquirer's msgID of the payment),
 * {@code trxAmt}, {@code trxCurrency}, {@code merchantInfo} ({@code mid} required; {@code acquirerIIN},
 * {@code fwdIIN}, {@code merchantName}, {@code mcc}, {@code merchantCountry}, {@code termId} optional),
 * {@code retrivlRefNum} (12 digits), {@code traceNum} (6), {@code transDatetime} ({@code MMDDhhmmss}). Checks, the
 * first failure decides:
 * <ol>
 *   <li>fields present and well formed, currency ISO 4217 → 30; amount zero, negative or malformed → 13;</li>
 *   <li>the original: this acquirer's CPQRC_PAYMENT with that msgID → else 25;</li>
 *   <li>the original moved money (approved, also after a 04) → else 12: declined, cancelled, or still pending (the
 *       acquirer tries again once the payment is settled; 04 would claim this request's outcome is open);</li>
 *   <li>the currency is the original's → else 13; the {@code mid} is the original's → else 12;</li>
 *   <li>the original's card and token are still known → else 14; its product configured → else 89 and allowing the
 *       type → else 40;</li>
 *   <li>the type's own rule against the original and its other refunds and cancellations that still count (pending
 *       ones included; see {@link RefundHandler}, {@link CancellationHandler}) → 12 or 13;</li>
 *   <li>the product's cut-off window contains the request's arrival → 90.</li>
 * </ol>
 * Then one CBS CREDIT_TRANSACTION through {@link MoneyMovement} (exactly once; 04 and the resolver as for every
 * movement) with {@code onUsFlag} {@code "N"} (the simulator debits the currency's settlement account),
 * {@code relTrxType} the type, {@code origMsgID} the original's CBS msgID, {@code origMsgType} CPQRC_PAYMENT, the
 * original's {@code merchantInfo} and the card's {@code creditAccountInfo}. The type's rule is checked again once
 * the movement is recorded ({@link RecordedCheck}), so two concurrent refunds that together exceed the payment never
 * both reach the CBS. Approved: {@code trxAmt}, {@code trxCurrency}, {@code qrcVoucherNo}; the token's App Gateway
 * gets a TRX_RESULT_NOTIFICATION ({@link org.openscis.router.money.AcquirerReturnNotifications}). The original's
 * record is not changed: its refunds and cancellation are linked to it through their CBS {@code origMsgID}.
 */
abstract class AcquirerReturnHandler extends MoneyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AcquirerReturnHandler.class);

    static final int MSG_ID_MIN_CHARS = 17;
    static final int MSG_ID_MAX_CHARS = 49;
    static final int RETRIEVAL_REF_DIGITS = 12;
    static final int TRACE_NUM_DIGITS = 6;
    static final int TRANS_DATETIME_DIGITS = 10;
    static final int IIN_DIGITS = 8;
    static final int MCC_DIGITS = 4;
    static final int COUNTRY_DIGITS = 3;
    static final int TERM_ID_MAX_CHARS = 16;
    /** {@code onUsFlag} of a movement with an off-us (acquirer's) merchant. */
    static final String OFF_US = "N";

    private final TransactionStore transactions;
    private final CardRepository cards;
    private final ProductCatalog catalog;
    private final MoneyMovement movement;
    private final FinalNotifications notifications;
    private final SwitchIds ids;

    AcquirerReturnHandler(MessageType type, TransactionStore transactions, CardRepository cards,
            ProductCatalog catalog, MoneyMovement movement, FinalNotifications notifications, SwitchIds ids) {
        super(type);
        this.transactions = transactions;
        this.cards = cards;
        this.catalog = catalog;
        this.movement = movement;
        this.notifications = notifications;
        this.ids = ids;
    }

    /**
     * The type's own rule.
     *
     * @param original    the payment
     * @param others      the payment's other refunds and cancellations whose state still counts (pending or moved)
     * @param amountMinor this request's amount, in the payment's currency
     * @param limits      the card product's money rules
     * @param now         when the rule is judged
     * @return null if the request may go on, else the refusal
     */
    abstract RecordedCheck.Refusal rule(MoneyTransaction original, List<MoneyTransaction> others, long amountMinor,
            ProductLimits limits, Instant now);

    @Override
    final CompletionStage<Outcome> decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String origMsgId = reader.required("origMsgID", MSG_ID_MIN_CHARS, MSG_ID_MAX_CHARS, CharClass.AN);
        String trxAmt = MoneyFields.trxAmt(reader);
        String trxCurrency = MoneyFields.trxCurrency(reader);
        TrxReader merchant = reader.requiredObject("merchantInfo");
        String mid = merchant.required("mid", 1, MoneyFields.MID_MAX_CHARS, CharClass.ANS);
        merchant.optional("acquirerIIN", IIN_DIGITS, IIN_DIGITS, CharClass.N);
        merchant.optional("fwdIIN", IIN_DIGITS, IIN_DIGITS, CharClass.N);
        merchant.optional("merchantName", 1, MoneyFields.MERCHANT_NAME_MAX_CHARS, CharClass.S);
        merchant.optional("mcc", MCC_DIGITS, MCC_DIGITS, CharClass.N);
        merchant.optional("merchantCountry", COUNTRY_DIGITS, COUNTRY_DIGITS, CharClass.N);
        merchant.optional("termId", 1, TERM_ID_MAX_CHARS, CharClass.ANS);
        String retrivlRefNum = reader.required("retrivlRefNum", RETRIEVAL_REF_DIGITS, RETRIEVAL_REF_DIGITS,
                CharClass.N);
        reader.required("traceNum", TRACE_NUM_DIGITS, TRACE_NUM_DIGITS, CharClass.N);
        reader.required("transDatetime", TRANS_DATETIME_DIGITS, TRANS_DATETIME_DIGITS, CharClass.N);
        if (reader.failed()) {
            return done(RequestFields.formatError(reader));
        }
        Optional<Currency> currency = Currency.byNumeric(trxCurrency);
        if (currency.isEmpty()) {
            return refuse(ResponseCode.FORMAT_ERROR, "trxCurrency: is not an ISO 4217 currency with a minor unit");
        }
        AmountParse parsed = Amount.parse(trxAmt, currency.get());
        if (parsed instanceof AmountParse.Invalid invalid) {
            return refuse(ResponseCode.INVALID_AMOUNT, "trxAmt: " + invalid.reason());
        }
        Amount amount = ((AmountParse.Ok) parsed).amount();

        String insId = request.participant().insId();
        Optional<MoneyTransaction> found = transactions.findByRequest(insId, origMsgId)
                .filter(t -> t.msgType() == MessageType.CPQRC_PAYMENT);
        if (found.isEmpty()) {
            return refuse(ResponseCode.ORIGINAL_NOT_FOUND, "origMsgID: no CPQRC_PAYMENT of this acquirer");
        }
        MoneyTransaction original = found.get();
        if (!original.state().moved()) {
            return refuse(ResponseCode.INVALID_TRANSACTION, "the original payment is "
                    + original.state().paymentStatus().toLowerCase(Locale.ROOT));
        }
        if (!original.currency().equals(currency.get().numeric())) {
            return refuse(ResponseCode.INVALID_AMOUNT, "trxCurrency: is not the original payment's currency");
        }
        TrxInfo originalMerchant = original.cbsRequest() == null ? null
                : original.cbsRequest().object("merchantInfo");
        String originalMid = originalMerchant == null ? null : originalMerchant.string("mid");
        if (originalMid != null && !originalMid.equals(mid)) {
            return refuse(ResponseCode.INVALID_TRANSACTION, "merchantInfo.mid: not the original payment's merchant");
        }
        Optional<CardRecord> card = original.cardId() == null ? Optional.empty()
                : cards.findCardById(original.cardId());
        Optional<TokenRecord> token = original.token() == null ? Optional.empty() : cards.findToken(original.token());
        if (card.isEmpty() || token.isEmpty()) {
            LOG.warn("{} of {}: the original's card or token is no longer known", type(), original.trxId());
            return refuse(ResponseCode.INVALID_CARD_NUMBER, "the original payment's card is no longer known");
        }
        Optional<CardProduct> product = catalog.byPrdNo(card.get().productId());
        if (product.isEmpty()) {
            LOG.warn("card {} has product {} which is not configured", card.get().cardId(), card.get().productId());
            return refuse(ResponseCode.CARD_PROFILE_NOT_FOUND, "the card's product is not configured");
        }
        if (!product.get().allows(type())) {
            return refuse(ResponseCode.NOT_SUPPORTED, "the card's product does not allow " + type());
        }
        ProductLimits limits = catalog.limits(product.get().prdNo());
        String msgId = request.msgInfo().msgID();
        List<MoneyTransaction> others = counting(original, t -> !(t.insId().equals(insId) && t.msgId().equals(msgId)));
        RecordedCheck.Refusal refusal = rule(original, others, amount.minor(), limits, request.receivedAt());
        if (refusal != null) {
            return refuse(refusal.code(), refusal.detail());
        }
        if (new CutOffWindow(limits.cutOffStart(), limits.cutOffEnd(), limits.cutOffZone())
                .contains(request.receivedAt())) {
            return refuse(ResponseCode.CUT_OFF, null);
        }

        TrxInfo merchantInfo = originalMerchant != null ? originalMerchant : request.trxInfo().object("merchantInfo");
        TrxInfo reply = TrxInfo.builder()
                .put("trxAmt", amount.toWire())
                .put("trxCurrency", amount.currency().numeric())
                .put("qrcVoucherNo", ids.voucherNo())
                .build();
        CardRecord c = card.get();
        TokenRecord t = token.get();
        return movement.execute(Movement.of(request, original.issuerIin(), c.cardId(), t.token(), t.deviceId(),
                CbsOperation.CREDIT_TRANSACTION, amount.minor(), amount.currency().numeric(),
                (cbsMsgId, now) -> TrxInfo.builder()
                        .put("relTrxMsgID", msgId)
                        .put("relTrxType", type().name())
                        .put("origMsgID", original.trxId())
                        .put("origMsgType", MessageType.CPQRC_PAYMENT.name())
                        .put("onUsFlag", OFF_US)
                        .put("merchantInfo", merchantInfo)
                        .put("creditAccountInfo", CbsFields.accountInfo(t, c))
                        .put("trxAmt", amount.toWire())
                        .put("trxCurrency", amount.currency().numeric())
                        .put("billAmt", amount.toWire())
                        .put("billCurrency", amount.currency().numeric())
                        .put("retrivlRefNum", retrivlRefNum)
                        .put("transDatetime", CbsFields.transDatetime(now))
                        .put("traceNum", CbsFields.traceNum(cbsMsgId))
                        .build())
                .withApprovedReply(reply)
                .withNotifications(notifications)
                .withRecheck(recorded -> rule(original,
                        counting(original, other -> !other.trxId().equals(recorded.trxId())), amount.minor(), limits,
                        request.receivedAt())));
    }

    /** The original's refunds and cancellations that still count (not declined), {@code keep} ones only. */
    private List<MoneyTransaction> counting(MoneyTransaction original,
            Predicate<MoneyTransaction> keep) {
        return transactions.findRelated(original.trxId()).stream()
                .filter(t -> t.msgType() == MessageType.REFUND || t.msgType() == MessageType.CANCELLATION)
                .filter(t -> t.state().countsAgainstLimits())
                .filter(keep)
                .toList();
    }

    private static CompletionStage<Outcome> refuse(ResponseCode code, String detail) {
        return done(Outcome.fail(code, detail));
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }
}
