package org.openscis.bench.load;

import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.client.MerchantQrPayment;
import org.openscis.server.client.QrPayer;
import org.openscis.server.client.QrPlan;
import org.openscis.server.client.qr.MerchantQr;

/**
 * The merchant-presented EMV QR that MPQRC_PAYMENT_EMV requests of a run pay: a dynamic UnionPay code (ID 15) in
 * Hong Kong dollars with a fixed amount (tag 54), built once per run with the merchant tool's {@link MerchantQr}.
 * Each request is what a wallet sends after scanning it ({@link MerchantQrPayment}: the payload re-parsed, the
 * merchant fields copied from it), so the generator does the wallet's work as well as the switch does its own.
 * The category is a grocery store (5411), outside the demo promotion (restaurants), so no discount changes the
 * amount the CBS sees.
 */
final class MerchantQrCode {

    static final String ACQUIRER_IIN = "25000344";
    static final String FORWARDING_IIN = "00020344";
    static final String MID = "500034470110001";
    static final String MCC = "5411";
    static final String CURRENCY_HKD = "344";
    /** Small, like {@link Workload#amount()}, so the seeded accounts pay thousands of them. */
    static final String AMOUNT = "0.25";

    private final String payload;
    private final MerchantQrPayment wallet = new MerchantQrPayment();

    private MerchantQrCode(String payload) {
        this.payload = payload;
    }

    /** The run's code; fails (a programming error) if the fixed values stop making a valid code. */
    static MerchantQrCode build() {
        MerchantQr qr = new MerchantQr(ACQUIRER_IIN, FORWARDING_IIN, MID, "Bench Grocery", "Hong Kong", MCC,
                CURRENCY_HKD, "HK", AMOUNT, null, null, "BENCH001");
        MerchantQr.Built built = qr.build();
        if (built instanceof MerchantQr.Built.Payload p) {
            return new MerchantQrCode(p.text());
        }
        throw new IllegalStateException("the bench merchant QR is invalid: " + ((MerchantQr.Built.Invalid) built)
                .reason());
    }

    String payload() {
        return payload;
    }

    /** The MPQRC_PAYMENT_EMV trxInfo of {@code t} paying the code. */
    TrxInfo payment(TokenPool.Enrolled t) {
        QrPlan plan = wallet.plan(new QrPayer(t.deviceId(), t.userId(), t.token()), payload, null, null);
        if (plan instanceof QrPlan.Send send) {
            return send.trxInfo();
        }
        throw new IllegalStateException("the wallet refuses the bench merchant QR: "
                + ((QrPlan.Refused) plan).reason());
    }
}
