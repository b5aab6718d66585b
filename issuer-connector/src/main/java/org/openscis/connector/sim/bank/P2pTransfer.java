package org.openscis.connector.sim.bank;

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
        return new PaymentWithFee(payerNo, "payer", payeeNo, AccountKind.CUSTOMER, ResponseCode.INVALID_CARD_NUMBER,
                "payee").execute(ctx, f, currency, amount, fee);
    }
}
