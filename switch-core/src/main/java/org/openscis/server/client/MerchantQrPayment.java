package org.openscis.server.client;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;
import org.openscis.codec.qr.AdditionalData;
import org.openscis.codec.qr.MpmParser;
import org.openscis.codec.qr.MpmPayload;
import org.openscis.codec.qr.MpmPolicy;
import org.openscis.codec.qr.MpmResult;
import org.openscis.codec.qr.UnionPayAccount;

/**
 * What a wallet sends for a scanned EMV merchant QR (protocol.md §3.19, §5.5, §7.11, qr.md §7.2): MPQRC_PAYMENT_EMV
 * with the raw {@code mpqrcPayload}, {@code merchantInfo} from IDs 15 (acquirer IIN, forwarding IIN, mid), 59 and 52,
 * {@code additionalData} from ID 62, {@code trxCurrency} from 53 and {@code trxAmt} from 54, or the amount the payer
 * entered when the code has none. Tag 55: 01 adds the payer's tip to the amount; 02 (fixed fee, 56) and 03
 * (percentage, 57, rounded half up to the minor unit) send the fee as {@code trxFeeAmt}. A code that does not parse,
 * has no UnionPay account (ID 15), or whose amount is missing or contradicted is refused here, before anything is sent.
 */
public final class MerchantQrPayment {

    public static final String MSG_TYPE = "MPQRC_PAYMENT_EMV";
    static final String TIP_BY_PAYER = "01";
    static final String FIXED_FEE = "02";
    static final String PERCENTAGE_FEE = "03";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** ID 62 sub-IDs 01-08 and their protocol.md §2.6 names; 09 asks for consumer data the wallet does not send. */
    private static final Map<String, String> ADDITIONAL_NAMES = Map.of("01", "billNo", "02", "mobileNo",
            "03", "storeLabel", "04", "loyaltyNumber", "05", "referenceLabel", "06", "customerLabel",
            "07", "terminalLabel", "08", "trxPurpose");

    private final MpmParser parser = new MpmParser(MpmPolicy.strict());

    /**
     * @param enteredAmount the amount the payer typed (needed when the code has no amount; else it must match), or
     *                      null
     * @param tip           the payer's tip for a code with 55 = 01, or null for none
     */
    public QrPlan plan(QrPayer payer, String payload, String enteredAmount, String tip) {
        MpmResult result = parser.parse(payload);
        if (result instanceof MpmResult.Failed f) {
            return new QrPlan.Refused("not a valid EMV merchant QR: " + f.error() + " (" + f.detail() + ")");
        }
        MpmPayload qr = ((MpmResult.Parsed) result).payload();
        Optional<UnionPayAccount> account = qr.unionPay();
        if (account.isEmpty()) {
            return new QrPlan.Refused("the QR has no UnionPay merchant account (ID 15)");
        }
        Optional<Currency> currency = Currency.byNumeric(qr.transactionCurrency());
        if (currency.isEmpty()) {
            return new QrPlan.Refused("the QR's currency " + qr.transactionCurrency() + " is not an ISO 4217 currency");
        }
        List<String> notes = new ArrayList<>();
        String indicator = qr.tipIndicator().orElse(null);
        AmountParse base = base(qr, enteredAmount, currency.get());
        if (base instanceof AmountParse.Invalid invalid) {
            return new QrPlan.Refused(invalid.reason());
        }
        Amount amount = ((AmountParse.Ok) base).amount();
        if (tip != null && !TIP_BY_PAYER.equals(indicator)) {
            return new QrPlan.Refused("the QR does not ask for a tip (55 is not 01)");
        }
        String fee = null;
        if (TIP_BY_PAYER.equals(indicator) && tip != null) {
            AmountParse t = Amount.parseAllowZero(tip, currency.get());
            if (t instanceof AmountParse.Invalid invalid) {
                return new QrPlan.Refused("tip: " + invalid.reason());
            }
            Amount tipAmount = ((AmountParse.Ok) t).amount();
            notes.add("tip " + tipAmount.toWire() + " added to " + amount.toWire());
            amount = new Amount(Math.addExact(amount.minor(), tipAmount.minor()), currency.get());
        } else if (FIXED_FEE.equals(indicator)) {
            fee = qr.convenienceFeeFixed().orElseThrow();
            notes.add("convenience fee " + fee + " (fixed, tag 56)");
        } else if (PERCENTAGE_FEE.equals(indicator)) {
            String percent = qr.convenienceFeePercentage().orElseThrow();
            long minor;
            try {
                minor = BigDecimal.valueOf(amount.minor()).multiply(new BigDecimal(percent))
                        .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return new QrPlan.Refused("the QR's fee percentage (tag 57) is not a number");
            }
            fee = new Amount(minor, currency.get()).toWire();
            notes.add("convenience fee " + fee + " (" + percent + " %, tag 57)");
        }
        UnionPayAccount up = account.get();
        TrxInfo merchantInfo = TrxInfo.builder()
                .put("acquirerIIN", up.acquirerIin())
                .put("fwdIIN", up.forwardingIin())
                .put("mid", up.merchantId())
                .put("merchantName", qr.merchantName())
                .put("mcc", qr.merchantCategoryCode())
                .build();
        TrxInfo trx = payer.trx()
                .put("trxAmt", amount.toWire())
                .put("trxCurrency", currency.get().numeric())
                .put("trxFeeAmt", fee)
                .put("mpqrcPayload", payload)
                .put("merchantInfo", merchantInfo)
                .put("additionalData", qr.additionalData().map(a -> additionalData(a, notes)).orElse(null))
                .build();
        return new QrPlan.Send(MSG_TYPE, trx, notes);
    }

    /** The amount before tip or fee: tag 54, else what the payer entered; an entered amount must agree with 54. */
    private static AmountParse base(MpmPayload qr, String entered, Currency currency) {
        Optional<String> fixed = qr.transactionAmount();
        if (fixed.isEmpty()) {
            if (entered == null) {
                return new AmountParse.Invalid("the QR has no amount (tag 54): give the amount to pay");
            }
            AmountParse parsed = Amount.parse(entered, currency);
            return parsed instanceof AmountParse.Invalid i ? new AmountParse.Invalid("amount: " + i.reason()) : parsed;
        }
        AmountParse qrAmount = Amount.parse(fixed.get(), currency);
        if (qrAmount instanceof AmountParse.Invalid i) {
            return new AmountParse.Invalid("the QR's amount (tag 54): " + i.reason());
        }
        if (entered != null) {
            AmountParse parsed = Amount.parse(entered, currency);
            if (!(parsed instanceof AmountParse.Ok ok)
                    || ok.amount().minor() != ((AmountParse.Ok) qrAmount).amount().minor()) {
                return new AmountParse.Invalid("the QR fixes the amount at " + fixed.get()
                        + "; the amount given differs");
            }
        }
        return qrAmount;
    }

    /** Sub-IDs 01-08 by their protocol names; a "***" (the consumer is to be asked) is left out with a note. */
    private static TrxInfo additionalData(AdditionalData data, List<String> notes) {
        TrxInfo.Builder b = TrxInfo.builder();
        data.bySubId().forEach((subId, value) -> {
            String name = ADDITIONAL_NAMES.get(subId);
            if (name == null) {
                return;
            }
            if (AdditionalData.PROMPT.equals(value)) {
                notes.add("the QR asks the payer for " + name + " (62-" + subId + "); not sent");
            } else {
                b.put(name, value);
            }
        });
        TrxInfo built = b.build();
        return built.isEmpty() ? null : built;
    }
}
