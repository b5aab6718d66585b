package org.openscis.connector.sim.bank;

import java.util.List;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;

/**
 * ACCOUNT_BALANCE_INQUIRY: the AVAILABLE (balance minus active holds) and LEDGER balances of a customer account,
 * and its tier. Unknown account 14. Not recorded: it changes nothing and always reports the current balances.
 */
final class BalanceInquiry implements Processor {

    @Override
    public boolean recorded() {
        return false;
    }

    @Override
    public Result process(Context ctx, TrxInfo trx) {
        Fields f = new Fields(trx);
        String accountNo = f.accountNo("accountInfo");
        if (f.failed()) {
            return f.failure();
        }
        AccountRow account = Accounts.find(ctx.tx(), accountNo).orElse(null);
        if (account == null || account.kind() != AccountKind.CUSTOMER) {
            return Result.declined(ResponseCode.INVALID_CARD_NUMBER, "unknown account");
        }
        Currency currency = Currency.byNumeric(account.currency()).orElseThrow();
        long available = Funds.available(ctx.tx(), account, ctx.nowMillis());
        List<Object> balances = List.of(
                balance("AVAILABLE", new Amount(available, currency)),
                balance("LEDGER", new Amount(account.balanceMinor(), currency)));
        return Result.approved(TrxInfo.builder()
                .put("balList", balances)
                .put("accountTier", account.tier())
                .put("referNo", f.optionalText("referNo"))
                .build());
    }

    private static TrxInfo balance(String type, Amount amount) {
        return TrxInfo.builder()
                .put("balType", type)
                .put("balAmt", amount.toWire())
                .put("balCurrency", amount.currency().numeric())
                .build();
    }
}
