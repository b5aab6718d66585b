package org.openscis.server.client.qr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openscis.codec.qr.MpmParser;
import org.openscis.codec.qr.MpmPayload;
import org.openscis.codec.qr.MpmPolicy;
import org.openscis.codec.qr.MpmResult;
import org.openscis.codec.qr.UnionPayAccount;

class MerchantQrTest {

    private static MerchantQr cafe(String amount, MpmTip tip, String billNo) {
        return new MerchantQr("25000344", "00020344", "500034470110001", "Demo Cafe", "Hong Kong", "5812", "344", "HK",
                amount, tip, billNo, null);
    }

    private static MpmPayload parsed(MerchantQr qr) {
        MerchantQr.Built built = qr.build();
        assertThat(built).isInstanceOf(MerchantQr.Built.Payload.class);
        MpmResult result = new MpmParser(MpmPolicy.strict()).parse(((MerchantQr.Built.Payload) built).text());
        assertThat(result).isInstanceOf(MpmResult.Parsed.class);
        return ((MpmResult.Parsed) result).payload();
    }

    @Test
    void staticCodeWithTheUnionPayAccount() {
        MpmPayload qr = parsed(cafe(null, null, null));

        assertThat(qr.pointOfInitiation()).contains("11");
        assertThat(qr.unionPay()).contains(new UnionPayAccount("25000344", "00020344", "500034470110001"));
        assertThat(qr.merchantName()).isEqualTo("Demo Cafe");
        assertThat(qr.merchantCity()).isEqualTo("Hong Kong");
        assertThat(qr.merchantCategoryCode()).isEqualTo("5812");
        assertThat(qr.transactionCurrency()).isEqualTo("344");
        assertThat(qr.countryCode()).isEqualTo("HK");
        assertThat(qr.transactionAmount()).isEmpty();
        assertThat(qr.additionalData()).isEmpty();
    }

    @Test
    void dynamicCodeWithAmountBillAndTerminal() {
        MpmPayload qr = parsed(new MerchantQr("25000344", "00020344", "500034470110001", "Demo Cafe", "Hong Kong",
                "5812", "344", "HK", "12.50", null, "INV-0001", "T0000001"));

        assertThat(qr.pointOfInitiation()).contains("12");
        assertThat(qr.transactionAmount()).contains("12.50");
        assertThat(qr.additionalData().orElseThrow().billNumber()).contains("INV-0001");
        assertThat(qr.additionalData().orElseThrow().terminalLabel()).contains("T0000001");
    }

    @Test
    void tipPromptFixedFeeAndPercentage() {
        assertThat(parsed(cafe("10.00", MerchantQr.tipOf("prompt").orElseThrow(), null)).tipIndicator())
                .contains("01");
        MpmPayload fixed = parsed(cafe("10.00", MerchantQr.tipOf("fixed:1.00").orElseThrow(), null));
        assertThat(fixed.tipIndicator()).contains("02");
        assertThat(fixed.convenienceFeeFixed()).contains("1.00");
        MpmPayload percent = parsed(cafe(null, MerchantQr.tipOf("percent:5").orElseThrow(), null));
        assertThat(percent.tipIndicator()).contains("03");
        assertThat(percent.convenienceFeePercentage()).contains("5");
        assertThat(MerchantQr.tipOf("sometimes")).isEmpty();
        assertThat(MerchantQr.tipOf("fixed:")).isEmpty();
        assertThat(MerchantQr.tipOf(null)).isEmpty();
    }

    @Test
    void valuesNoWalletWouldAcceptAreRefusedWithAReason() {
        assertThat(new MerchantQr("25000344", "00020344", "5000344", "Demo Cafe", "Hong Kong", "5812", "344", "HK",
                null, null, null, null).build()).isInstanceOf(MerchantQr.Built.Invalid.class);
        assertThat(cafe("0.00", null, null).build()).isInstanceOf(MerchantQr.Built.Invalid.class);
        assertThat(cafe("12.5x", null, null).build()).isInstanceOf(MerchantQr.Built.Invalid.class);
        assertThat(new MerchantQr("25000344", "00020344", "500034470110001", "Demo Cafe", "Hong Kong", "58a2", "344",
                "HK", null, null, null, null).build()).isInstanceOf(MerchantQr.Built.Invalid.class);
        assertThat(new MerchantQr("25000344", "00020344", "500034470110001", null, "Hong Kong", "5812", "344",
                "HK", null, null, null, null).build()).isEqualTo(new MerchantQr.Built.Invalid(
                        "the merchant name is required"));
        assertThat(cafe(null, null, "x".repeat(100)).build()).isInstanceOf(MerchantQr.Built.Invalid.class);
    }
}
