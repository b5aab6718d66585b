package org.openscis.server.client;

import java.util.List;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;
import org.openscis.codec.qr.UrlQr;

/**
 * What a wallet sends for a UnionPay URL-mode QR (qr.md §8, protocol.md §3.18, §3.20, §7.10): first
 * QRC_INFO_INQUIRY with the URL verbatim, then MPQRC_PAYMENT_URL with {@code origTrxMsgID} = the inquiry's msgID,
 * the same URL, the order's currency, {@code merchantInfo} (name, mcc) from the inquiry's answer, and the order's
 * amount for a fixed-amount code or the payer's amount for an open one.
 */
public final class UrlQrPayment {

    public static final String INQUIRY = "QRC_INFO_INQUIRY";
    public static final String PAYMENT = "MPQRC_PAYMENT_URL";

    private UrlQrPayment() {}

    /** True when {@code payload} is a UnionPay URL-mode code rather than an EMV string. */
    public static boolean isUrl(String payload) {
        return UrlQr.parse(payload).isPresent();
    }

    public static QrPlan inquiry(QrPayer payer, String url) {
        if (!isUrl(url)) {
            return new QrPlan.Refused("not a UnionPay URL-mode QR (https://qr.95516.com/<8 digits>/<digits>)");
        }
        return new QrPlan.Send(INQUIRY, TrxInfo.builder().put("deviceID", payer.deviceId())
                .put("userID", payer.userId()).put("mpqrcPayload", url).build(), List.of());
    }

    /**
     * @param order         the inquiry response's trxInfo
     * @param enteredAmount the payer's amount: required for an open-amount order, must match a fixed one; or null
     */
    public static QrPlan payment(QrPayer payer, String url, String inquiryMsgId, TrxInfo order, String enteredAmount) {
        String currencyCode = order.string("trxCurrency");
        Currency currency = currencyCode == null ? null : Currency.byNumeric(currencyCode).orElse(null);
        if (currency == null) {
            return new QrPlan.Refused("the order has no known currency");
        }
        String fixed = order.string("trxAmt");
        String amount;
        String note;
        if (fixed != null) {
            if (enteredAmount != null && !sameAmount(fixed, enteredAmount, currency)) {
                return new QrPlan.Refused("the order fixes the amount at " + fixed + "; the amount given differs");
            }
            amount = fixed;
            note = "fixed-amount order: " + fixed;
        } else {
            if (enteredAmount == null) {
                return new QrPlan.Refused("the order has no amount: give the amount to pay"
                        + (order.string("upperLimitAmt") == null ? "" : " (at most " + order.string("upperLimitAmt")
                                + ")"));
            }
            AmountParse parsed = Amount.parse(enteredAmount, currency);
            if (parsed instanceof AmountParse.Invalid invalid) {
                return new QrPlan.Refused("amount: " + invalid.reason());
            }
            amount = ((AmountParse.Ok) parsed).amount().toWire();
            note = "open-amount order: paying " + amount;
        }
        TrxInfo merchantInfo = TrxInfo.builder().put("merchantName", order.string("merchantName"))
                .put("mcc", order.string("mcc")).build();
        TrxInfo trx = payer.trx()
                .put("origTrxMsgID", inquiryMsgId)
                .put("trxAmt", amount)
                .put("trxCurrency", currency.numeric())
                .put("mpqrcPayload", url)
                .put("merchantInfo", merchantInfo.isEmpty() ? null : merchantInfo)
                .build();
        return new QrPlan.Send(PAYMENT, trx, List.of(note));
    }

    private static boolean sameAmount(String a, String b, Currency currency) {
        return Amount.parse(a, currency) instanceof AmountParse.Ok x && Amount.parse(b, currency) instanceof AmountParse.Ok y
                && x.amount().minor() == y.amount().minor();
    }
}
