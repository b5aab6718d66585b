package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.client.qr.QrVectors;

/** Whatever a scan gives the wallet, planning a payment yields a value: a request to send or a reason not to. */
class QrPlanProperties {

    private static final QrPayer PAYER = new QrPayer("device-1", "user-1", "6292610358444335641");
    private static final String BASE = QrVectors.validMpm("mpm-p02-rrtx-hk-restored");

    @Property(tries = 300)
    void randomTextIsPlannedOrRefusedNeverThrown(@ForAll("scans") String payload, @ForAll("amounts") String amount,
            @ForAll("amounts") String tip) {
        QrPlan plan = UrlQrPayment.isUrl(payload) ? UrlQrPayment.inquiry(PAYER, payload)
                : new MerchantQrPayment().plan(PAYER, payload, amount, tip);

        assertThat(plan).isNotNull();
        if (plan instanceof QrPlan.Send send) {
            assertThat(send.trxInfo().string("mpqrcPayload")).isEqualTo(payload);
        }
    }

    @Property(tries = 300)
    void mutatedUnionPayCodesAreRefusedOrKeepTheirMerchant(@ForAll @IntRange(min = 0, max = 175) int at,
            @ForAll("chars") char replacement) {
        int index = Math.min(at, BASE.length() - 1);
        String mutated = BASE.substring(0, index) + replacement + BASE.substring(index + 1);

        QrPlan plan = new MerchantQrPayment().plan(PAYER, mutated, "1.00", null);

        if (plan instanceof QrPlan.Send send) {
            TrxInfo merchant = send.trxInfo().object("merchantInfo");
            assertThat(merchant.string("acquirerIIN") + merchant.string("fwdIIN") + merchant.string("mid"))
                    .hasSize(31);
        } else {
            assertThat(((QrPlan.Refused) plan).reason()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void anyInquiryAnswerGivesAPlan(@ForAll("amounts") String trxAmt, @ForAll("amounts") String currency,
            @ForAll("amounts") String entered) {
        TrxInfo order = TrxInfo.builder().put("trxAmt", trxAmt).put("trxCurrency", currency).build();

        assertThat(UrlQrPayment.payment(PAYER, "https://qr.95516.com/00010000/62000000000000000000000001", "A1",
                order, entered)).isNotNull();
    }

    @Provide
    Arbitrary<String> scans() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("0123456789ABCDEF .").ofMaxLength(300),
                Arbitraries.of(BASE, QrVectors.validMpm("mpm-c05-up-percent-fee"),
                        QrVectors.validMpm("mpm-c04-up-fixed-fee"), QrVectors.validMpm("mpm-c03-up-static-tip-prompt"),
                        "https://qr.95516.com/00010000/62000000000000000000000001"));
    }

    @Provide
    Arbitrary<String> amounts() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().withChars("0123456789.-e")
                .ofMaxLength(16), Arbitraries.of("1", "0.01", "12.50", "344", "999999999999.99"));
    }

    @Provide
    Arbitrary<Character> chars() {
        return Arbitraries.chars().with("0123456789AZaz .*".toCharArray());
    }
}
