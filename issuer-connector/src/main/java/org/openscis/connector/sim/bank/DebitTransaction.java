package org.openscis.connector.sim.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;

/**
 * DEBIT_TRANSACTION: takes {@code trxAmt + feeAmt} from the customer ({@code debitAccountInfo.accountNo}), gives
 * {@code trxAmt} to the merchant ({@code merchantInfo.mid}) and {@code feeAmt} to the currency's FEE account.
 * Refusals: unknown account 14, unknown mid 03, currency not the accounts' 13, available balance too low 51.
 */
final class DebitTransaction implements Processor {

    @Override
    public boolean recorded() {
        return true;
    }

    @Override
    public Result process(Context ctx, TrxInfo trx) {
        Fields f = new Fields(trx);
        Currency currency = f.currency("trxCurrency");
        Amount amount = f.amount("trxAmt", currency);
        Amount fee = f.amountOrZero("feeAmt", currency);
        String accountNo = f.accountNo("debitAccountInfo");
        String mid = f.member("merchantInfo", "mid");
        if (f.failed()) {
            return f.failure();
        }
        long total;
        try {
            total = Math.addExact(amount.minor(), fee.minor());
        } catch (ArithmeticException e) {
            return Result.declined(ResponseCode.INVALID_AMOUNT, "trxAmt plus feeAmt is too large");
        }
        String feeAccount = Funds.feeAccount(ctx.tx(), fee);
        List<String> parties = new ArrayList<>(List.of(accountNo, mid));
        if (feeAccount != null) {
            parties.add(feeAccount);
        }
        Map<String, AccountRow> locked = Accounts.lock(ctx.tx(), parties);
        AccountRow customer = locked.get(accountNo);
        Result problem = AccountChecks.problem(customer, AccountKind.CUSTOMER, ResponseCode.INVALID_CARD_NUMBER,
                "account", currency);
        if (problem == null) {
            problem = AccountChecks.problem(locked.get(mid), AccountKind.MERCHANT, ResponseCode.INVALID_MERCHANT,
                    "merchant", currency);
        }
        if (problem == null && fee.minor() > 0 && feeAccount == null) {
            problem = Result.declined(ResponseCode.ISSUER_SYSTEM_ERROR, "no fee account in this currency");
        }
        if (problem != null) {
            return problem;
        }
        if (!Funds.canPay(ctx.tx(), customer, total, ctx.nowMillis())) {
            return Result.declined(ResponseCode.INSUFFICIENT_BALANCE, null);
        }
        List<Leg> legs = new ArrayList<>(List.of(new Leg(accountNo, -total), new Leg(mid, amount.minor())));
        if (feeAccount != null) {
            legs.add(new Leg(feeAccount, fee.minor()));
        }
        LedgerWriter.post(ctx.tx(), ctx.msgId(), legs);
        return Result.approved(TrxInfo.builder().put("referNo", f.optionalText("referNo")).build())
                .withAmount(amount);
    }
}
