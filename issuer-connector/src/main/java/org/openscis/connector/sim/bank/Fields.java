package org.openscis.connector.sim.bank;

import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;

/**
 * Reads request fields and keeps the first problem: once a read fails, later reads return null and
 * {@link #failure()} says why (30 for a missing or malformed field or an unknown currency, 13 for a bad amount).
 * Reasons name fields, never values.
 */
final class Fields {

    private final TrxInfo trx;
    private Result failure;

    Fields(TrxInfo trx) {
        this.trx = trx == null ? TrxInfo.EMPTY : trx;
    }

    boolean failed() {
        return failure != null;
    }

    Result failure() {
        return failure;
    }

    /** Records {@code code} unless an earlier problem is already recorded. */
    void fail(ResponseCode code, String reason) {
        if (failure == null) {
            failure = Result.declined(code, reason);
        }
    }

    /** A mandatory non-blank string member. */
    String text(String name) {
        return text(trx, name, name);
    }

    /** A mandatory non-blank string member of a nested object; {@code path} names it in the reason. */
    String text(TrxInfo object, String name, String path) {
        if (failed() || object == null) {
            return null;
        }
        String value = object.string(name);
        if (value == null || value.isBlank()) {
            fail(ResponseCode.FORMAT_ERROR, path + " is missing");
            return null;
        }
        return value;
    }

    /** An optional string member: null when absent or not a string. */
    String optionalText(String name) {
        String value = trx.string(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** A mandatory nested object (a decrypted JWE field arrives as one). */
    TrxInfo object(String name) {
        if (failed()) {
            return null;
        }
        TrxInfo value = trx.object(name);
        if (value == null) {
            fail(ResponseCode.FORMAT_ERROR, name + " is missing");
        }
        return value;
    }

    /** The mandatory string {@code member} of the mandatory object {@code objectName}. */
    String member(String objectName, String member) {
        TrxInfo object = object(objectName);
        return text(object, member, objectName + "." + member);
    }

    /** The {@code accountNo} inside the mandatory object {@code name}. */
    String accountNo(String name) {
        return member(name, "accountNo");
    }

    /** A mandatory ISO 4217 numeric currency code. */
    Currency currency(String name) {
        String code = text(name);
        if (code == null) {
            return null;
        }
        Optional<Currency> currency = Currency.byNumeric(code);
        if (currency.isEmpty()) {
            fail(ResponseCode.FORMAT_ERROR, name + " is not a known ISO 4217 numeric currency");
            return null;
        }
        return currency.get();
    }

    /** A mandatory amount greater than zero in {@code currency}. */
    Amount amount(String name, Currency currency) {
        if (failed()) {
            return null;
        }
        return parsed(name, Amount.parse(trx.string(name), currency));
    }

    /** An optional amount, zero allowed; absent is zero. */
    Amount amountOrZero(String name, Currency currency) {
        if (failed()) {
            return null;
        }
        String text = trx.string(name);
        if (text == null && !trx.has(name)) {
            return new Amount(0, currency);
        }
        return parsed(name, Amount.parseAllowZero(text, currency));
    }

    private Amount parsed(String name, AmountParse parse) {
        if (parse instanceof AmountParse.Ok ok) {
            return ok.amount();
        }
        fail(ResponseCode.INVALID_AMOUNT, name + " " + ((AmountParse.Invalid) parse).reason());
        return null;
    }
}
