package org.openscis.connector.sim.bank;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;

/**
 * REVERSAL of the movement {@code origMsgId}. An approved money movement gets a new movement with the opposite
 * postings (postings are never edited) or, for a cash-out token, its hold is released; the original becomes
 * REVERSED. An original the simulator never saw gets a tombstone, so that if it arrives later it is refused (12) and
 * never applied. Reversing a declined, tombstoned or already reversed message changes nothing. The whole original is
 * always reversed; {@code trxAmt}/{@code trxCurrency} are informational.
 *
 * <p>Answers 00 with {@code reversalStatus} REVERSED or NOTHING_TO_REVERSE; 12 when the original is not a money
 * movement or its cash was already withdrawn; 51 when undoing a credit would overdraw the account it went to.
 */
final class Reversal implements Processor {

    static final String REVERSED = "REVERSED";
    static final String NOTHING_TO_REVERSE = "NOTHING_TO_REVERSE";
    /** What a tombstone records as the type when the reversal did not name one. */
    static final String UNKNOWN_TYPE = "UNKNOWN";
    private static final Set<String> REVERSIBLE = Set.of("DEBIT_TRANSACTION", "CREDIT_TRANSACTION", "P2P_TRANSFER",
            CashOutToken.TYPE);

    @Override
    public boolean recorded() {
        return true;
    }

    @Override
    public Result process(Context ctx, TrxInfo trx) {
        Fields f = new Fields(trx);
        String origMsgId = trx.string("origMsgId") == null && trx.string("origMsgID") != null
                ? f.text("origMsgID") : f.text("origMsgId");
        if (f.failed()) {
            return f.failure();
        }
        if (origMsgId.equals(ctx.msgId())) {
            return Result.declined(ResponseCode.INVALID_TRANSACTION, "a reversal cannot reverse itself");
        }
        MovementRow orig = Movements.lock(ctx.tx(), origMsgId).orElse(null);
        if (orig == null) {
            String type = f.optionalText("origMsgType");
            Movements.insertTombstone(ctx.tx(), origMsgId, type == null ? UNKNOWN_TYPE : type, ctx.nowMillis());
            return answer(NOTHING_TO_REVERSE, origMsgId, null);
        }
        Amount amount = amountOf(orig);
        switch (orig.state()) {
            case TOMBSTONE:
            case DECLINED:
                return answer(NOTHING_TO_REVERSE, origMsgId, amount);
            case REVERSED:
                return answer(REVERSED, origMsgId, amount);
            case APPROVED:
                break;
            default:
                throw new IllegalStateException("a committed movement is never " + orig.state());
        }
        if (!REVERSIBLE.contains(orig.msgType())) {
            return Result.declined(ResponseCode.INVALID_TRANSACTION, "only money movements can be reversed");
        }
        Result refusal = CashOutToken.TYPE.equals(orig.msgType()) ? releaseHold(ctx, orig)
                : postOpposite(ctx, orig);
        if (refusal != null) {
            return refusal;
        }
        Movements.setState(ctx.tx(), origMsgId, MovementState.REVERSED, ctx.nowMillis());
        return answer(REVERSED, origMsgId, amount);
    }

    private static Result releaseHold(Context ctx, MovementRow orig) {
        HoldRow unlocked = Holds.ofMovement(ctx.tx(), orig.msgId())
                .orElseThrow(() -> new IllegalStateException("an approved cash-out token has no hold"));
        Accounts.lock(ctx.tx(), List.of(unlocked.accountNo()));
        HoldRow hold = Holds.lock(ctx.tx(), unlocked.trxToken()).orElseThrow();
        if (hold.state() == HoldState.WITHDRAWN) {
            return Result.declined(ResponseCode.INVALID_TRANSACTION, "the cash was already withdrawn");
        }
        if (hold.state() == HoldState.HELD) {
            Holds.setState(ctx.tx(), hold.trxToken(), HoldState.RELEASED, ctx.nowMillis());
        }
        return null;
    }

    private static Result postOpposite(Context ctx, MovementRow orig) {
        List<Leg> opposite = LedgerWriter.legsOf(ctx.tx(), orig.msgId()).stream().map(Leg::negated).toList();
        Map<String, AccountRow> locked = Accounts.lock(ctx.tx(),
                opposite.stream().map(Leg::accountNo).collect(Collectors.toSet()));
        for (Leg leg : opposite) {
            if (leg.amountMinor() < 0
                    && !Funds.canPay(ctx.tx(), locked.get(leg.accountNo()), -leg.amountMinor(), ctx.nowMillis())) {
                return Result.declined(ResponseCode.INSUFFICIENT_BALANCE, "the money was spent meanwhile");
            }
        }
        LedgerWriter.post(ctx.tx(), ctx.msgId(), opposite);
        return null;
    }

    private static Amount amountOf(MovementRow orig) {
        if (orig.amountMinor() == null || orig.currency() == null) {
            return null;
        }
        return Currency.byNumeric(orig.currency()).map(c -> new Amount(orig.amountMinor(), c)).orElse(null);
    }

    private static Result answer(String status, String origMsgId, Amount amount) {
        return Result.approved(TrxInfo.builder().put("reversalStatus", status).build())
                .withAmount(amount)
                .withOrigMsgId(origMsgId);
    }
}
