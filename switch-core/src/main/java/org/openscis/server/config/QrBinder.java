package org.openscis.server.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;
import org.openscis.router.MessageType;

/** Binds the {@code qr:} section ({@link QrConfig}). */
final class QrBinder {

    /** The message types a promotion may name. */
    static final Set<MessageType> PROMOTION_TYPES = EnumSet.of(MessageType.MPQRC_PAYMENT_EMV,
            MessageType.MPQRC_PAYMENT_URL);
    private static final Duration MAX_INQUIRY_VALIDITY = Duration.ofDays(1);
    private static final Duration MAX_CODE_VALIDITY = Duration.ofDays(1);
    /** {@code cpqrcNo} has two digits. */
    private static final int MAX_CODES_PER_REQUEST = 99;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_NOTE_CHARS = 120;

    private final ConfigFilePaths paths;

    QrBinder(ConfigFilePaths paths) {
        this.paths = paths;
    }

    private static final Duration MAX_VERIFICATION_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MAX_VERIFICATION_POLL = Duration.ofSeconds(10);

    QrConfig qr(Fields f) {
        QrUrlHostConfig urlHost = urlHost(f.mapping("urlHost"));
        List<QrPromotionConfig> promotions = f.list("promotions", List.of(), e -> {
            Fields p = e.fields();
            return p == null ? null : promotion(p);
        });
        QrCodesConfig codes = codes(f.mapping("codes"));
        QrVerificationConfig verification = verification(f.mapping("verification"));
        f.finish();
        return new QrConfig(urlHost, promotions, codes, verification);
    }

    private static QrCodesConfig codes(Fields f) {
        QrCodesConfig d = QrCodesConfig.defaults();
        QrCodesConfig codes = new QrCodesConfig(
                f.duration("validity", d.validity(), MAX_CODE_VALIDITY),
                f.integer("maxPerRequest", d.maxPerRequest(), 1, MAX_CODES_PER_REQUEST));
        f.finish();
        return codes;
    }

    private static QrVerificationConfig verification(Fields f) {
        QrVerificationConfig d = QrVerificationConfig.defaults();
        QrVerificationConfig v = new QrVerificationConfig(
                f.duration("timeout", d.timeout(), MAX_VERIFICATION_TIMEOUT),
                f.duration("pollInterval", d.pollInterval(), MAX_VERIFICATION_POLL));
        f.finish();
        if (v.timeout().isZero()) {
            f.problem("timeout", "must be positive");
        }
        if (v.pollInterval().isZero()) {
            f.problem("pollInterval", "must be positive");
        }
        return v;
    }

    private QrUrlHostConfig urlHost(Fields f) {
        String file = ConfigBinder.file(f, "file", f.text("file"), paths);
        Duration validity = f.duration("inquiryValidity", QrUrlHostConfig.DEFAULT_INQUIRY_VALIDITY,
                MAX_INQUIRY_VALIDITY);
        f.finish();
        return new QrUrlHostConfig(file, validity.isZero() ? QrUrlHostConfig.DEFAULT_INQUIRY_VALIDITY : validity);
    }

    private QrPromotionConfig promotion(Fields f) {
        String issuer = f.text("issuer");
        if (issuer != null) {
            report(f, "issuer", Formats.match(issuer, Formats.IIN, "an issuer IIN (8 digits)"));
        }
        List<MessageType> types = f.list("types", List.copyOf(PROMOTION_TYPES), e -> {
            String name = e.text();
            if (name == null) {
                return null;
            }
            Optional<MessageType> type = Fields.parseEnum(name, MessageType.class)
                    .filter(PROMOTION_TYPES::contains);
            if (type.isEmpty()) {
                e.problem("must be MPQRC_PAYMENT_EMV or MPQRC_PAYMENT_URL, found \"" + name + "\"");
                return null;
            }
            return type.get();
        });
        f.rejectEmpty("types", "must name at least one type (leave it out for both)");
        String mcc = f.text("mcc");
        if (mcc != null) {
            report(f, "mcc", Formats.match(mcc, Formats.MCC, "a merchant category code (4 digits)"));
        }
        String currencyCode = f.required("currency");
        Currency currency = null;
        if (currencyCode != null) {
            currency = Currency.byNumeric(currencyCode).orElse(null);
            if (currency == null) {
                f.problem("currency", "is not an ISO 4217 numeric currency code, found \"" + currencyCode + "\"");
            }
        }
        long minAmount = amount(f, "minAmount", currency, true);
        long discountAmt = amount(f, "discountAmt", currency, false);
        BigDecimal percent = percent(f);
        long maxDiscount = amount(f, "maxDiscount", currency, false);
        String note = f.required("note");
        if (note != null && (note.isBlank() || note.length() > MAX_NOTE_CHARS)) {
            f.problem("note", "must be 1 to " + MAX_NOTE_CHARS + " characters");
        }
        boolean hasAmount = f.has("discountAmt");
        boolean hasPercent = f.has("discountPercent");
        if (hasAmount == hasPercent) {
            f.problem("discountAmt", "exactly one of discountAmt and discountPercent is required");
        }
        if (hasAmount && f.has("maxDiscount")) {
            f.problem("maxDiscount", "only caps a discountPercent");
        }
        f.finish();
        return new QrPromotionConfig(issuer, Set.copyOf(types), mcc, currencyCode, minAmount, discountAmt, percent,
                maxDiscount, note);
    }

    /** Minor units; 0 when absent. {@code zeroAllowed}: the value may be 0 (a minimum), else it must be positive. */
    private static long amount(Fields f, String key, Currency currency, boolean zeroAllowed) {
        String text = f.text(key);
        if (text == null || currency == null) {
            return 0;
        }
        AmountParse parsed = zeroAllowed ? Amount.parseAllowZero(text, currency) : Amount.parse(text, currency);
        if (parsed instanceof AmountParse.Ok ok) {
            return ok.amount().minor();
        }
        f.problem(key, "must be a" + (zeroAllowed ? "n" : " positive") + " amount in the promotion's currency with at"
                + " most " + currency.exponent() + " decimals, found \"" + text + "\"");
        return 0;
    }

    private static BigDecimal percent(Fields f) {
        String text = f.text("discountPercent");
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.signum() > 0 && value.compareTo(HUNDRED) < 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        f.problem("discountPercent", "must be a number above 0 and below 100, found \"" + text + "\"");
        return null;
    }

    private static void report(Fields f, String key, String problem) {
        if (problem != null) {
            f.problem(key, problem);
        }
    }
}
