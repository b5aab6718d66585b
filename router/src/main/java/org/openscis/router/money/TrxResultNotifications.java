package org.openscis.router.money;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;
import org.openscis.router.MessageType;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardState;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;

/**
 * TRX_RESULT_NOTIFICATION (protocol.md §3.16) for a money movement's state, built the same way whether the handler
 * reached the state or the background resolver did later.
 *
 * <p>{@code trxInfo}: {@code deviceID}, {@code token}, {@code trxMsgType} (the requester's message type name, e.g.
 * {@code P2P_TRANSFER}, {@code BILL_PAYMENT}, {@code GET_CASH_OUT_TOKEN}: the notification is about that request;
 * protocol.md's {@code WITHDRAW} names the later cash withdrawal, which is not this movement), {@code trxAmt} and
 * {@code trxCurrency} (the amount as sent to the CBS, without fee), {@code trxNote}, {@code merchantName} and
 * {@code retrivlRefNum} when the movement has them, {@code paymentStatus} ({@link TrxState#paymentStatus()}),
 * {@code rejectionReason} ({@link #rejectionReason}) and {@code referNo}.
 */
public final class TrxResultNotifications implements FinalNotifications {

    private final CardRepository cards;
    private final Map<MessageType, FinalNotifications> byType;

    public TrxResultNotifications(CardRepository cards) {
        this(cards, Map.of());
    }

    private TrxResultNotifications(CardRepository cards, Map<MessageType, FinalNotifications> byType) {
        this.cards = cards;
        this.byType = byType;
    }

    /**
     * A copy in which movements requested with {@code type} get {@code own} callbacks instead: those an acquirer
     * requested notify the token's App Gateway, with fields of their own, not the acquirer.
     */
    public TrxResultNotifications with(MessageType type, FinalNotifications own) {
        Map<MessageType, FinalNotifications> copy = new EnumMap<>(MessageType.class);
        copy.putAll(byType);
        copy.put(type, own);
        return new TrxResultNotifications(cards, Map.copyOf(copy));
    }

    /**
     * Every callback of a final state: one to the requester ({@link #forTransaction}); for an approved P2P_TRANSFER
     * also one per live (ACTIVE or SUSPENDED) token on the payee's account, to that token's App Gateway. A declined
     * transfer is the payer's business only: the payee is not told of attempts that moved nothing.
     */
    @Override
    public List<Notification> forFinal(MoneyTransaction trx, TrxState finalState, String responseCode) {
        FinalNotifications own = byType.get(trx.msgType());
        if (own != null) {
            return own.forFinal(trx, finalState, responseCode);
        }
        List<Notification> all = new ArrayList<>();
        all.add(forTransaction(trx, finalState, responseCode));
        if (trx.msgType() == MessageType.P2P_TRANSFER && finalState.moved()) {
            for (TokenRecord payee : payeeTokens(trx)) {
                all.add(new Notification(payee.insId(), MessageType.TRX_RESULT_NOTIFICATION, payee.token(),
                        trxInfo(trx, finalState, responseCode, payee.deviceId(), payee.token(), false)));
            }
        }
        return all;
    }

    /**
     * The requester's notification: to {@code trx.insId()}, in order per token ({@code orderKey} = the token, or the
     * trxId of a movement without one), for any message type.
     */
    public static Notification forTransaction(MoneyTransaction trx, TrxState finalState, String responseCode) {
        return new Notification(trx.insId(), MessageType.TRX_RESULT_NOTIFICATION,
                trx.token() == null ? trx.trxId() : trx.token(),
                trxInfo(trx, finalState, responseCode, trx.deviceId(), trx.token(), true));
    }

    /**
     * {@code rejectionReason}: {@code "APPROVED"} for code 00, {@code "<code> <message>"} otherwise (e.g.
     * {@code "51 Insufficient balance"}), null while the outcome is open (nothing was rejected yet).
     */
    public static String rejectionReason(TrxState state, String responseCode) {
        if (!state.isFinal()) {
            return null;
        }
        if (responseCode == null || ResponseCode.APPROVED.code().equals(responseCode)) {
            return state.moved() ? "APPROVED" : null;
        }
        return ResponseCode.fromCode(responseCode).map(c -> c.code() + " " + c.message()).orElse(responseCode);
    }

    /** The movement's amount as sent to the CBS (without fee), else its stored total, in wire form. */
    public static String trxAmt(MoneyTransaction trx) {
        String sent = trx.cbsRequest() == null ? null : trx.cbsRequest().string("trxAmt");
        if (sent != null) {
            return sent;
        }
        return Currency.byNumeric(trx.currency())
                .map(c -> new Amount(trx.amountMinor(), c).toWire())
                .orElse(Long.toString(trx.amountMinor()));
    }

    /** The reference of the movement: the switch's one from the approved reply, else the requester's. */
    public static String referNo(MoneyTransaction trx) {
        String switchMade = trx.approvedReply() == null ? null : trx.approvedReply().string("referNo");
        if (switchMade != null) {
            return switchMade;
        }
        return trx.cbsRequest() == null ? null : trx.cbsRequest().string("referNo");
    }

    private static TrxInfo trxInfo(MoneyTransaction trx, TrxState state, String responseCode, String deviceId,
            String token, boolean withReferNo) {
        TrxInfo cbs = trx.cbsRequest() == null ? TrxInfo.EMPTY : trx.cbsRequest();
        TrxInfo merchant = cbs.object("merchantInfo");
        return TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("token", token)
                .put("trxMsgType", trx.msgType().name())
                .put("trxAmt", trxAmt(trx))
                .put("trxCurrency", trx.currency())
                .put("trxNote", cbs.string("trxNote"))
                .put("merchantName", merchant == null ? null : merchant.string("merchantName"))
                .put("retrivlRefNum", cbs.string("retrivlRefNum"))
                .put("paymentStatus", state.paymentStatus())
                .put("rejectionReason", rejectionReason(state, responseCode))
                .put("referNo", withReferNo ? referNo(trx) : null)
                .build();
    }

    /** Live tokens of live cards on the payee account (at the payer's issuer), the payer's own token excluded. */
    private List<TokenRecord> payeeTokens(MoneyTransaction trx) {
        TrxInfo credit = trx.cbsRequest() == null ? null : trx.cbsRequest().object("creditAccountInfo");
        String accountNo = credit == null ? null : credit.string("accountNo");
        if (accountNo == null) {
            return List.of();
        }
        Set<TokenRecord> tokens = new LinkedHashSet<>();
        for (CardRecord card : cards.findCardsByAccount(trx.issuerIin(), accountNo)) {
            if (card.state() == CardState.DELETED) {
                continue;
            }
            cards.findTokensByCard(card.cardId()).stream()
                    .filter(t -> t.state() != CardState.DELETED)
                    .filter(t -> !t.token().equals(trx.token()))
                    .forEach(tokens::add);
        }
        return List.copyOf(tokens);
    }
}
