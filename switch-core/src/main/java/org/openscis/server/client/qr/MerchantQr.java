package org.openscis.server.client.qr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openscis.codec.qr.MpmBuilder;
import org.openscis.codec.qr.MpmParser;
import org.openscis.codec.qr.MpmPolicy;
import org.openscis.codec.qr.MpmResult;

/**
 * A UnionPay merchant-presented QR as a merchant's tool prints it: ID 15 (acquirer IIN, forwarding IIN, merchant ID),
 * category, currency, country, name, city, and optionally an amount (then the code is dynamic, 01 = 12, else static,
 * 11), a tip or convenience fee and a bill number. {@link #build} writes the EMV payload with the codec's
 * {@link MpmBuilder} and checks it with the strict {@link MpmParser}, so what it returns is what a wallet accepts.
 *
 * @param amount  tag 54, or null for an open amount
 * @param tip     tag 55 (with 56 or 57), or null
 * @param billNo  tag 62-01, or null
 * @param terminalLabel tag 62-07, or null
 */
public record MerchantQr(String acquirerIin, String fwdIin, String mid, String name, String city, String mcc,
        String currency, String country, String amount, MpmTip tip, String billNo, String terminalLabel) {

    static final String STATIC = "11";
    static final String DYNAMIC = "12";

    /** The payload, or why these values make no valid UnionPay QR. */
    public sealed interface Built {
        record Payload(String text) implements Built {}

        record Invalid(String reason) implements Built {}
    }

    /** {@code prompt}, {@code fixed:<amount>} or {@code percent:<value>} as an {@link MpmTip}, if it is one. */
    public static Optional<MpmTip> tipOf(String text) {
        return MpmTip.parse(text);
    }

    public Built build() {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("acquirer IIN", acquirerIin);
        required.put("forwarding IIN", fwdIin);
        required.put("merchant ID", mid);
        required.put("merchant name", name);
        required.put("merchant city", city);
        required.put("MCC", mcc);
        required.put("currency", currency);
        required.put("country", country);
        for (Map.Entry<String, String> r : required.entrySet()) {
            if (r.getValue() == null || r.getValue().isEmpty()) {
                return new Built.Invalid("the " + r.getKey() + " is required");
            }
        }
        String payload;
        try {
            MpmBuilder b = MpmBuilder.create()
                    .put("01", amount == null ? STATIC : DYNAMIC)
                    .unionPay(acquirerIin, fwdIin, mid)
                    .put("52", mcc)
                    .put("53", currency)
                    .put("58", country)
                    .put("59", name)
                    .put("60", city);
            if (amount != null) {
                b.put("54", amount);
            }
            if (tip instanceof MpmTip.Prompt) {
                b.put("55", "01");
            } else if (tip instanceof MpmTip.Fixed f) {
                b.put("55", "02").put("56", f.fee());
            } else if (tip instanceof MpmTip.Percent p) {
                b.put("55", "03").put("57", p.percent());
            }
            Map<String, String> additional = new LinkedHashMap<>();
            if (billNo != null) {
                additional.put("01", billNo);
            }
            if (terminalLabel != null) {
                additional.put("07", terminalLabel);
            }
            if (!additional.isEmpty()) {
                b.template("62", additional);
            }
            payload = b.build();
        } catch (IllegalArgumentException e) {
            return new Built.Invalid(e.getMessage());
        }
        MpmResult checked = new MpmParser(MpmPolicy.strict()).parse(payload);
        if (checked instanceof MpmResult.Failed failed) {
            return new Built.Invalid("the code would not be valid: " + failed.error() + " (" + failed.detail() + ")");
        }
        return new Built.Payload(payload);
    }
}
