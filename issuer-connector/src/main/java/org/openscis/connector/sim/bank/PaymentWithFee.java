package org.openscis.connector.sim.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;

/**
 * The movement DEBIT_TRANSACTION and P2P_TRANSFER share: a customer pays {@code amount + fee}; the receiver gets
 * {@code amount} and the currency's FEE account {@code fee}, all in one balanced posting set. Refusals: the payer
 * unknown 14, the receiver unknown ({@code receiverUnknown}), a currency not the accounts' 13, too little available 51.
 */
record PaymentWithFee(String payerNo, String payerRole, String receiverNo, AccountKind receiverKind, ResponseCode receiverUnknown,
        String receiverRole) {

    Result execute(Context ctx, Fields f, Currency currency, Amount amount, Amount fee) {
        long total;
        try {
            total = Math.addExact(amount.minor(), fee.minor());
        } catch (ArithmeticException e) {
            return Result.declined(ResponseCode.INVALID_AMOUNT, "trxAmt plus feeAmt is too large");
        }
        String feeAccount = Funds.feeAccount(ctx.tx(), fee);
        List<String> parties = new ArrayList<>(List.of(payerNo, receiverNo));
        if (feeAccount != null) {
            parties.add(feeAccount);
        }
        Map<String, AccountRow> locked = Accounts.lock(ctx.tx(), parties);
        AccountRow payer = locked.get(payerNo);
        Result problem = AccountChecks.problem(payer, AccountKind.CUSTOMER, ResponseCode.INVALID_CARD_NUMBER,
                payerRole, currency);
        if (problem == null) {
            problem = AccountChecks.problem(locked.get(receiverNo), receiverKind, receiverUnknown, receiverRole,
                    currency);
        }
        if (problem == null && fee.minor() > 0 && feeAccount == null) {
            problem = Result.declined(ResponseCode.ISSUER_SYSTEM_ERROR, "no fee account in this currency");
        }
        if (problem != null) {
            return problem;
        }
        if (!Funds.canPay(ctx.tx(), payer, total, ctx.nowMillis())) {
            return Result.declined(ResponseCode.INSUFFICIENT_BALANCE, null);
        }
        List<Leg> legs = new ArrayList<>(List.of(new Leg(payerNo, -total), new Leg(receiverNo, amount.minor())));
        if (feeAccount != null) {
            legs.add(new Leg(feeAccount, fee.minor()));
        }
        LedgerWriter.post(ctx.tx(), ctx.msgId(), legs);
        return Result.approved(TrxInfo.builder().put("referNo", f.optionalText("referNo")).build())
                .withAmount(amount);
    }
}
