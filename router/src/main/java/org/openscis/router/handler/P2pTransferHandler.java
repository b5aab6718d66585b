package org.openscis.router.handler;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.card.Luhn;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.jose.JweResult;
import org.openscis.codec.mask.Masking;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.money.CbsFields;
import org.openscis.router.money.MoneyMovement;
import org.openscis.router.money.Movement;
import org.openscis.router.money.TrxResultNotifications;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.FieldCrypto;
import org.openscis.router.port.TokenRecord;

/**
 * P2P_TRANSFER (protocol.md §3.12): the cardholder sends money to another account of the same issuer. Request:
 * {@code deviceID}, {@code userID}, {@code token} (the payer), {@code creditAccountInfo} (a compact JWE to the
 * switch whose content names the payee), {@code trxAmt}, {@code trxCurrency}, {@code trxNote}?, {@code riskInfo}?,
 * {@code referNo}?.
 *
 * <p>Order: field format 30; {@code creditAccountInfo} that cannot be decrypted (malformed, unknown kid, tampered)
 * A0; its content must be a JSON object naming the payee by {@code token} (16-19 digits, Luhn), else {@code pan}
 * (13-19 digits, Luhn), else {@code accountNo} (6-34 digits): no payee or a malformed accountNo is 30, a malformed
 * token or PAN 14 (optional {@code firstName}/{@code lastName} go to the CBS as given). Then the payer's {@link
 * MovementChecks} (daily limit included). Then the payee: a token or PAN must be known to the switch, with a card
 * that is not deleted and has an account (14), at the payer's issuer (12: the payer's CBS cannot credit another
 * issuer's account); an account number is the CBS's to know (it answers 14). Payer and payee on the same account →
 * 12. Then one CBS P2P_TRANSFER: two postings, atomically.
 *
 * <p>The response carries no {@code trxInfo} (as in the real sample). Every final state also goes to the payer's App
 * Gateway as TRX_RESULT_NOTIFICATION, with the state change (immediately for an approval or decline, after
 * resolution for a 04), and an approval also to the App Gateway of each live token on the payee's account ({@link
 * TrxResultNotifications}).
 */
public final class P2pTransferHandler extends MoneyHandler {

    /** Bounds the JWE text; the whole body is limited to 64 KiB anyway. */
    public static final int MAX_CREDIT_ACCOUNT_INFO_CHARS = 64 * 1024;
    public static final int ACCOUNT_NO_MIN_DIGITS = 6;
    public static final int ACCOUNT_NO_MAX_DIGITS = 34;
    public static final int PAN_MIN_DIGITS = 13;
    public static final int PAN_MAX_DIGITS = 19;
    /** Names are passed to the CBS as given, if they are strings of a sane length; they are never checked here. */
    static final int NAME_MAX_CHARS = 64;

    private final MovementChecks checks;
    private final MoneyMovement movement;
    private final TrxResultNotifications notifications;
    private final CardRepository cards;
    private final FieldCrypto crypto;
    private final EnvelopeCodec json;

    public P2pTransferHandler(MovementChecks checks, MoneyMovement movement, TrxResultNotifications notifications,
            CardRepository cards, FieldCrypto crypto, EnvelopeCodec json) {
        super(MessageType.P2P_TRANSFER);
        this.checks = checks;
        this.movement = movement;
        this.notifications = notifications;
        this.cards = cards;
        this.crypto = crypto;
        this.json = json;
    }

    @Override
    CompletionStage<Outcome> decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String deviceId = RequestFields.deviceId(reader);
        RequestFields.userId(reader);
        String token = RequestFields.token(reader);
        String sealed = reader.required("creditAccountInfo", 1, MAX_CREDIT_ACCOUNT_INFO_CHARS, CharClass.ANS);
        String trxAmt = MoneyFields.trxAmt(reader);
        String trxCurrency = MoneyFields.trxCurrency(reader);
        String note = MoneyFields.trxNote(reader);
        MoneyFields.riskInfo(reader);
        String referNo = MoneyFields.referNo(reader);
        if (reader.failed()) {
            return done(RequestFields.formatError(reader));
        }
        PayeeRef ref = readPayee(sealed);
        if (ref instanceof Refusal refusal) {
            return done(Outcome.fail(refusal.code(), refusal.detail()));
        }
        CheckResult result = checks.check(MovementCheck.debit(request, token, deviceId, trxAmt, trxCurrency));
        if (result instanceof CheckResult.Refused refused) {
            return done(refused.toOutcome(null));
        }
        CheckResult.Passed p = (CheckResult.Passed) result;
        PayeeRef payee = resolve(ref, p.card());
        if (payee instanceof Refusal refusal) {
            return done(Outcome.fail(refusal.code(), refusal.detail()));
        }
        TrxInfo creditAccountInfo = ((ByAccount) payee).toCbs();
        String msgId = request.msgInfo().msgID();
        return movement.execute(Movement.of(request, p.card().issuerIin(), p.card().cardId(), p.token().token(),
                        p.token().deviceId(), CbsOperation.P2P_TRANSFER, p.totalMinor(),
                        p.amount().currency().numeric(),
                        (cbsMsgId, now) -> TrxInfo.builder()
                                .put("relTrxMsgID", msgId)
                                .put("debitAccountInfo", CbsFields.accountInfo(p.token(), p.card()))
                                .put("creditAccountInfo", creditAccountInfo)
                                .put("trxAmt", p.amount().toWire())
                                .put("trxCurrency", p.amount().currency().numeric())
                                .put("billAmt", p.amount().toWire())
                                .put("billCurrency", p.amount().currency().numeric())
                                .put("feeAmt", "0")
                                .put("markupAmt", "0")
                                .put("trxNote", note)
                                .put("traceNum", CbsFields.traceNum(cbsMsgId))
                                .put("transDatetime", CbsFields.transDatetime(now))
                                .put("referNo", referNo)
                                .build())
                .withNotifications(notifications)
                .withDailyLimit(p.dailyLimit()));
    }

    /** Decrypts and reads {@code creditAccountInfo}; the plaintext is wiped once read. */
    private PayeeRef readPayee(String sealed) {
        JweResult decrypted = crypto.decryptForSwitch(sealed);
        if (decrypted instanceof JweResult.Failed failed) {
            return new Refusal(ResponseCode.SIGNATURE_FAILURE, jweFailure(failed.failure()));
        }
        byte[] plaintext = ((JweResult.Ok) decrypted).plaintext();
        TrxInfo content;
        try {
            content = json.decodeObject(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        if (content == null) {
            return new Refusal(ResponseCode.FORMAT_ERROR, "creditAccountInfo: content is not a JSON object");
        }
        String firstName = name(content, "firstName");
        String lastName = name(content, "lastName");
        if (content.has("token")) {
            String token = content.string("token");
            return TokenResolver.wellFormed(token) ? new ByToken(token) : new Refusal(ResponseCode.INVALID_CARD_NUMBER,
                    "creditAccountInfo.token: must be 16 to 19 digits with a valid check digit");
        }
        if (content.has("pan")) {
            String pan = content.string("pan");
            return isPan(pan) ? new ByPan(pan) : new Refusal(ResponseCode.INVALID_CARD_NUMBER,
                    "creditAccountInfo.pan: must be " + PAN_MIN_DIGITS + " to " + PAN_MAX_DIGITS
                            + " digits with a valid check digit");
        }
        if (content.has("accountNo")) {
            String accountNo = content.string("accountNo");
            return isAccountNo(accountNo) ? new ByAccount(accountNo, firstName, lastName)
                    : new Refusal(ResponseCode.FORMAT_ERROR, "creditAccountInfo.accountNo: must be "
                            + ACCOUNT_NO_MIN_DIGITS + " to " + ACCOUNT_NO_MAX_DIGITS + " digits");
        }
        return new Refusal(ResponseCode.FORMAT_ERROR, "creditAccountInfo: token, pan or accountNo is missing");
    }

    /** The payee's account, or why there is none to credit. */
    private PayeeRef resolve(PayeeRef ref, CardRecord payer) {
        if (ref instanceof ByAccount account) {
            return account.accountNo().equals(payer.accountNo()) ? sameAccount() : account;
        }
        CardRecord payeeCard;
        if (ref instanceof ByToken byToken) {
            TokenRecord token = cards.findToken(byToken.token())
                    .filter(t -> t.state() != CardState.DELETED)
                    .orElse(null);
            payeeCard = token == null ? null : cards.findCardById(token.cardId()).orElse(null);
        } else {
            payeeCard = cards.findCardByPan(((ByPan) ref).pan()).orElse(null);
        }
        if (payeeCard == null || payeeCard.state() == CardState.DELETED || payeeCard.accountNo() == null) {
            return new Refusal(ResponseCode.INVALID_CARD_NUMBER, "the payee is not known");
        }
        if (payeeCard.cardId().equals(payer.cardId()) || payeeCard.accountNo().equals(payer.accountNo())) {
            return sameAccount();
        }
        if (!payeeCard.issuerIin().equals(payer.issuerIin())) {
            return new Refusal(ResponseCode.INVALID_TRANSACTION, "the payee's account is at another issuer");
        }
        return new ByAccount(payeeCard.accountNo(), null, null);
    }

    private static Refusal sameAccount() {
        return new Refusal(ResponseCode.INVALID_TRANSACTION, "payer and payee are the same account");
    }

    private static String name(TrxInfo content, String field) {
        String value = content.string(field);
        return value != null && !value.isEmpty() && value.length() <= NAME_MAX_CHARS && CharClass.S.accepts(value)
                ? value : null;
    }

    private static boolean isPan(String pan) {
        return pan != null && pan.length() >= PAN_MIN_DIGITS && pan.length() <= PAN_MAX_DIGITS && Luhn.isValid(pan);
    }

    private static boolean isAccountNo(String accountNo) {
        return accountNo != null && accountNo.length() >= ACCOUNT_NO_MIN_DIGITS
                && accountNo.length() <= ACCOUNT_NO_MAX_DIGITS && Luhn.allDigits(accountNo);
    }

    private static String jweFailure(JweResult.Failure failure) {
        return switch (failure) {
            case MALFORMED -> "creditAccountInfo: not a compact JWE";
            case ALGORITHM_NOT_ALLOWED -> "creditAccountInfo: JWE algorithms not accepted";
            case UNKNOWN_KID -> "creditAccountInfo: JWE kid is not a switch encryption key";
            case DECRYPT_FAILED -> "creditAccountInfo: JWE cannot be decrypted";
        };
    }

    private static CompletionStage<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /** Who the payee is, as far as it is known; a {@link Refusal} when it cannot be. */
    private sealed interface PayeeRef permits ByToken, ByPan, ByAccount, Refusal {}

    private record ByToken(String token) implements PayeeRef {
        @Override
        public String toString() {
            return "ByToken[" + Masking.pan(token) + "]";
        }
    }

    private record ByPan(String pan) implements PayeeRef {
        @Override
        public String toString() {
            return "ByPan[" + Masking.pan(pan) + "]";
        }
    }

    /** The account to credit, with the names the requester gave (if any). */
    private record ByAccount(String accountNo, String firstName, String lastName) implements PayeeRef {
        TrxInfo toCbs() {
            return TrxInfo.builder()
                    .put("accountNo", accountNo)
                    .put("firstName", firstName)
                    .put("lastName", lastName)
                    .build();
        }

        @Override
        public String toString() {
            return "ByAccount[" + Masking.pan(accountNo) + "]";
        }
    }

    private record Refusal(ResponseCode code, String detail) implements PayeeRef {}
}
