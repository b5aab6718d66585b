package org.openscis.connector.sim.bank;

import java.util.List;
import java.util.Map;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;

/**
 * CREDIT_TRANSACTION: takes {@code trxAmt} from the funding agent or merchant ({@code merchantInfo.mid}) and gives
 * it to the customer ({@code creditAccountInfo.accountNo}). Refusals: unknown account 14, unknown mid 03, currency
 * not the accounts' 13, the agent's float exhausted 51.
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
        if (f.failed()) {
            return f.failure();
        }
        Map<String, AccountRow> locked = Accounts.lock(ctx.tx(), List.of(accountNo, mid));
        Result problem = AccountChecks.problem(locked.get(accountNo), AccountKind.CUSTOMER,
                ResponseCode.INVALID_CARD_NUMBER, "account", currency);
        if (problem == null) {
            problem = AccountChecks.problem(locked.get(mid), AccountKind.MERCHANT, ResponseCode.INVALID_MERCHANT,
                    "merchant", currency);
        }
        if (problem != null) {
            return problem;
        }
        if (!Funds.canPay(ctx.tx(), locked.get(mid), amount.minor(), ctx.nowMillis())) {
            return Result.declined(ResponseCode.INSUFFICIENT_BALANCE, "merchant or agent float exhausted");
        }
        LedgerWriter.post(ctx.tx(), ctx.msgId(), List.of(new Leg(mid, -amount.minor()),
                new Leg(accountNo, amount.minor())));
        return Result.approved(TrxInfo.builder().put("referNo", f.optionalText("referNo")).build())
                .withAmount(amount);
    }
}
