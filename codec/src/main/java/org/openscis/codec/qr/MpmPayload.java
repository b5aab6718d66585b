package org.openscis.codec.qr;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed EMVCo MPM payload. Immutable; every string is exactly as in the QR (leading zeros kept). Only
 * {@link MpmParser} creates it, so every accessor can rely on the checks of qr.md §10 having passed.
 */
public final class MpmPayload {

    private final String raw;
    private final String[] values;

    MpmPayload(String raw, String[] values) {
        this.raw = raw;
        this.values = values;
    }

    /** The payload string as scanned. */
    public String raw() {
        return raw;
    }

    /** The raw value of a root object by its two-digit ID ({@code "15"}), templates included. */
    public Optional<String> value(String rootId) {
        int id = MpmText.idOf(rootId);
        return id < 0 ? Optional.empty() : Optional.ofNullable(values[id]);
    }

    public String payloadFormatIndicator() {
        return values[MpmParser.PFI];
    }

    /** ID 01: {@code "11"} static, {@code "12"} dynamic; absent means unspecified. */
    public Optional<String> pointOfInitiation() {
        return Optional.ofNullable(values[MpmParser.POI]);
    }

    /** The UnionPay account of ID 15 (8/8/15). Templates 26-51 are never read as UnionPay data (qr.md §7.1). */
    public Optional<UnionPayAccount> unionPay() {
        String v = values[MpmParser.UNIONPAY];
        if (v == null) {
            return Optional.empty();
        }
        int fwd = UnionPayAccount.IIN_CHARS;
        int mid = fwd + UnionPayAccount.IIN_CHARS;
        return Optional.of(new UnionPayAccount(v.substring(0, fwd), v.substring(fwd, mid), v.substring(mid)));
    }

    /** Merchant account information 02-51 by ID, raw (templates as their TLV text). */
    public Map<String, String> merchantAccounts() {
        return range(MpmParser.ACCOUNT_FIRST, MpmParser.ACCOUNT_LAST);
    }

    public String merchantCategoryCode() {
        return values[MpmParser.MCC];
    }

    public String transactionCurrency() {
        return values[MpmParser.CURRENCY];
    }

    public Optional<String> transactionAmount() {
        return Optional.ofNullable(values[MpmParser.AMOUNT]);
    }

    /** ID 54 as a number ("98." reads as 98). */
    public Optional<BigDecimal> amount() {
        return transactionAmount().map(MpmPayload::decimal);
    }

    public Optional<String> tipIndicator() {
        return Optional.ofNullable(values[MpmParser.TIP]);
    }

    public Optional<String> convenienceFeeFixed() {
        return Optional.ofNullable(values[MpmParser.FEE_FIXED]);
    }

    public Optional<String> convenienceFeePercentage() {
        return Optional.ofNullable(values[MpmParser.FEE_PERCENT]);
    }

    public String countryCode() {
        return values[MpmParser.COUNTRY];
    }

    public String merchantName() {
        return values[MpmParser.NAME];
    }

    public String merchantCity() {
        return values[MpmParser.CITY];
    }

    public Optional<String> postalCode() {
        return Optional.ofNullable(values[MpmParser.POSTAL]);
    }

    public Optional<AdditionalData> additionalData() {
        String v = values[MpmParser.ADDITIONAL];
        return v == null ? Optional.empty() : Optional.of(new AdditionalData(MpmText.subObjects(v)));
    }

    public Optional<LanguageTemplate> language() {
        String v = values[MpmParser.LANGUAGE];
        if (v == null) {
            return Optional.empty();
        }
        Map<String, String> sub = MpmText.subObjects(v);
        return Optional.of(new LanguageTemplate(sub.get("00"), sub.get("01"), Optional.ofNullable(sub.get("02"))));
    }

    /** The CRC exactly as written (may be lower case, see the parse warnings). */
    public String crc() {
        return values[MpmParser.CRC];
    }

    /** Templates 26-51 and 80-99: ID to (sub-ID to value). */
    public Map<String, Map<String, String>> templates() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        putTemplates(out, MpmParser.ACCOUNT_TEMPLATE_FIRST, MpmParser.ACCOUNT_LAST);
        putTemplates(out, MpmParser.UNRESERVED_FIRST, MpmParser.UNRESERVED_LAST);
        return Collections.unmodifiableMap(out);
    }

    /** Objects 65-79, reserved for EMVCo, kept as found. */
    public Map<String, String> rfu() {
        return range(MpmParser.RFU_FIRST, MpmParser.RFU_LAST);
    }

    private void putTemplates(Map<String, Map<String, String>> out, int first, int last) {
        for (int id = first; id <= last; id++) {
            if (values[id] != null) {
                out.put(MpmText.id2(id), MpmText.subObjects(values[id]));
            }
        }
    }

    private Map<String, String> range(int first, int last) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int id = first; id <= last; id++) {
            if (values[id] != null) {
                out.put(MpmText.id2(id), values[id]);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static BigDecimal decimal(String amount) {
        return new BigDecimal(amount.endsWith(".") ? amount.substring(0, amount.length() - 1) : amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MpmPayload other && raw.equals(other.raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return "MpmPayload[mcc=" + merchantCategoryCode() + ", currency=" + transactionCurrency()
                + ", amount=" + transactionAmount().orElse("-") + ", merchant=" + merchantName() + "]";
    }
}
