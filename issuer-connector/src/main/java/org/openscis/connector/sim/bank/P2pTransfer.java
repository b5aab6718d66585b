package org.openscis.connector.sim.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;

/**
 * P2P_TRANSFER: one atomic movement of {@code trxAmt} from the payer ({@code debitAccountInfo.accountNo}) to the
 * payee ({@code creditAccountInfo.accountNo}), plus {@code feeAmt} from the payer to the FEE account. Refusals:
 * payer = payee 12, unknown payer or payee 14, currency not theirs 13, payer's available balance too low 51.
 */
final class P2pTransfer implements Processor {

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
        String payerNo = f.accountNo("debitAccountInfo");
        String payeeNo = f.accountNo("creditAccountInfo");
        if (f.failed()) {
            return f.failure();
        }
        if (payerNo.equals(payeeNo)) {
            return Result.declined(ResponseCode.INVALID_TRANSACTION, "payer and payee are the same account");
        }
        long total;
        try {
            total = Math.addExact(amount.minor(), fee.minor());
        } catch (ArithmeticException e) {
            return Result.declined(ResponseCode.INVALID_AMOUNT, "trxAmt plus feeAmt is too large");
        }
        String feeAccount = Funds.feeAccount(ctx.tx(), fee);
        List<String> parties = new ArrayList<>(List.of(payerNo, payeeNo));
        if (feeAccount != null) {
            parties.add(feeAccount);
        }
        Map<String, AccountRow> locked = Accounts.lock(ctx.tx(), parties);
        Result problem = AccountChecks.problem(locked.get(payerNo), AccountKind.CUSTOMER,
                ResponseCode.INVALID_CARD_NUMBER, "payer", currency);
        if (problem == null) {
            problem = AccountChecks.problem(locked.get(payeeNo), AccountKind.CUSTOMER,
                    ResponseCode.INVALID_CARD_NUMBER, "payee", currency);
        }
        if (problem == null && fee.minor() > 0 && feeAccount == null) {
            problem = Result.declined(ResponseCode.ISSUER_SYSTEM_ERROR, "no fee account in this currency");
        }
        if (problem != null) {
            return problem;
        }
        if (!Funds.canPay(ctx.tx(), locked.get(payerNo), total, ctx.nowMillis())) {
            return Result.declined(ResponseCode.INSUFFICIENT_BALANCE, null);
        }
        List<Leg> legs = new ArrayList<>(List.of(new Leg(payerNo, -total), new Leg(payeeNo, amount.minor())));
        if (feeAccount != null) {
            legs.add(new Leg(feeAccount, fee.minor()));
        }
        LedgerWriter.post(ctx.tx(), ctx.msgId(), legs);
        return Result.approved(TrxInfo.builder().put("referNo", f.optionalText("referNo")).build())
                .withAmount(amount);
    }
}
