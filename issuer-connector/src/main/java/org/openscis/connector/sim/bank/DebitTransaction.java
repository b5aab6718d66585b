package org.openscis.connector.sim.bank;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;

/**
 * DEBIT_TRANSACTION: takes {@code trxAmt + feeAmt} from the customer ({@code debitAccountInfo.accountNo}), gives
 * {@code trxAmt} to the merchant ({@code merchantInfo.mid}) — or, off-us ({@code onUsFlag} N), to the currency's
 * settlement account (see {@link OffUs}) — and {@code feeAmt} to the currency's FEE account.
 * Refusals: unknown account 14, unknown mid 03, currency not the accounts' 13, available balance too low 51,
 * {@code onUsFlag} neither Y nor N 30, no settlement account in the currency 91.
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
        boolean offUs = OffUs.offUs(f);
        if (f.failed()) {
            return f.failure();
        }
        if (offUs) {
            return new PaymentWithFee(accountNo, "account", OffUs.settlementAccount(currency), AccountKind.CLEARING,
                    OffUs.NO_SETTLEMENT_ACCOUNT, "settlement account").execute(ctx, f, currency, amount, fee);
        }
        return new PaymentWithFee(accountNo, "account", mid, AccountKind.MERCHANT, ResponseCode.INVALID_MERCHANT, "merchant")
                .execute(ctx, f, currency, amount, fee);
    }
}
