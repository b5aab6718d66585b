package org.openscis.connector.sim.bank;

import java.util.List;
import java.util.Map;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;

/**
 * CREDIT_TRANSACTION: takes {@code trxAmt} from the funding agent or merchant ({@code merchantInfo.mid}) — or, off-us
 * ({@code onUsFlag} N: a refund or cancellation of a QR payment), from the currency's settlement account, which is
 * never refused for funds (see {@link OffUs}) — and gives it to the customer ({@code creditAccountInfo.accountNo}).
 * Refusals: unknown account 14, unknown mid 03, currency not the accounts' 13, the agent's float exhausted 51,
 * {@code onUsFlag} neither Y nor N 30, no settlement account in the currency 91.
 */
final class CreditTransaction implements Processor {

    @Override
    public boolean recorded() {
        return true;
    }

    @Override
    public Result process(Context ctx, TrxInfo trx) {
        Fields f = new Fields(trx);
        Currency currency = f.currency("trxCurrency");
        Amount amount = f.amount("trxAmt", currency);
        String accountNo = f.accountNo("creditAccountInfo");
        String mid = f.member("merchantInfo", "mid");
        boolean offUs = OffUs.offUs(f);
        if (f.failed()) {
            return f.failure();
        }
        String source = offUs ? OffUs.settlementAccount(currency) : mid;
        Map<String, AccountRow> locked = Accounts.lock(ctx.tx(), List.of(accountNo, source));
        Result problem = AccountChecks.problem(locked.get(accountNo), AccountKind.CUSTOMER,
                ResponseCode.INVALID_CARD_NUMBER, "account", currency);
        if (problem == null) {
            problem = offUs
                    ? AccountChecks.problem(locked.get(source), AccountKind.CLEARING, OffUs.NO_SETTLEMENT_ACCOUNT,
                            "settlement account", currency)
                    : AccountChecks.problem(locked.get(source), AccountKind.MERCHANT, ResponseCode.INVALID_MERCHANT,
                            "merchant", currency);
        }
        if (problem != null) {
            return problem;
        }
        if (!offUs && !Funds.canPay(ctx.tx(), locked.get(source), amount.minor(), ctx.nowMillis())) {
            return Result.declined(ResponseCode.INSUFFICIENT_BALANCE, "merchant or agent float exhausted");
        }
        LedgerWriter.post(ctx.tx(), ctx.msgId(), List.of(new Leg(source, -amount.minor()),
                new Leg(accountNo, amount.minor())));
        return Result.approved(TrxInfo.builder().put("referNo", f.optionalText("referNo")).build())
                .withAmount(amount);
    }
}
