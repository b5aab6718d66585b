package org.openscis.connector.sim.bank;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;

/**
 * GET_CASH_OUT_TOKEN: holds {@code trxAmt} on the customer's account until {@code tokenExpiry} (UTC) under the
 * switch-made {@code trxToken}; an agent later withdraws it ({@link Bank#withdraw}). A hold posts nothing; it only
 * lowers the available balance. Refusals: token type other than {@value #TOKEN_TYPE} 12, token already used 94,
 * expiry not in the future 70, unknown account 14, currency not the account's 13, available balance too low 51.
 */
final class CashOutToken implements Processor {

    static final String TYPE = "GET_CASH_OUT_TOKEN";
    static final String TOKEN_TYPE = "WITHDRAW";
    private static final Pattern TOKEN = Pattern.compile("\\d{18}");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public boolean recorded() {
        return true;
    }

    @Override
    public Result process(Context ctx, TrxInfo trx) {
        Fields f = new Fields(trx);
        String tokenType = f.text("trxTokenType");
        String token = f.text("trxToken");
        String expiryText = f.text("tokenExpiry");
        Currency currency = f.currency("trxCurrency");
        Amount amount = f.amount("trxAmt", currency);
        String accountNo = f.accountNo("debitAccountInfo");
        if (!f.failed() && !TOKEN.matcher(token).matches()) {
            f.fail(ResponseCode.FORMAT_ERROR, "trxToken must be 18 digits");
        }
        Long expiresAt = f.failed() ? null : expiry(expiryText);
        if (!f.failed() && expiresAt == null) {
            f.fail(ResponseCode.FORMAT_ERROR, "tokenExpiry must be yyyyMMddHHmmss");
        }
        if (f.failed()) {
            return f.failure();
        }
        if (!TOKEN_TYPE.equals(tokenType)) {
            return Result.declined(ResponseCode.INVALID_TRANSACTION, "trxTokenType must be " + TOKEN_TYPE);
        }
        if (expiresAt <= ctx.nowMillis()) {
            return Result.declined(ResponseCode.ISSUER_VALIDATION_ERROR, "tokenExpiry is not in the future");
        }
        AccountRow account = Accounts.lock(ctx.tx(), List.of(accountNo)).get(accountNo);
        Result problem = AccountChecks.problem(account, AccountKind.CUSTOMER, ResponseCode.INVALID_CARD_NUMBER,
                "account", currency);
        if (problem != null) {
            return problem;
        }
        if (Holds.find(ctx.tx(), token).isPresent()) {
            return Result.declined(ResponseCode.DUPLICATED_TRANSACTION, "trxToken already used");
        }
        if (!Funds.canPay(ctx.tx(), account, amount.minor(), ctx.nowMillis())) {
            return Result.declined(ResponseCode.INSUFFICIENT_BALANCE, null);
        }
        Holds.insert(ctx.tx(), new HoldRow(token, ctx.msgId(), accountNo, amount.minor(), currency.numeric(),
                expiresAt, HoldState.HELD), ctx.nowMillis());
        return Result.approved(TrxInfo.builder()
                        .put("trxToken", token)
                        .put("tokenExpiry", expiryText)
                        .put("referNo", f.optionalText("referNo"))
                        .build())
                .withAmount(amount);
    }

    /** Epoch millis of a UTC {@code yyyyMMddHHmmss}, or null if it is not one. */
    static Long expiry(String text) {
        if (text == null || text.length() != 14) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, EXPIRY).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
