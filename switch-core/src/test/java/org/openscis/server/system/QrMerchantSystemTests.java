package org.openscis.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.qr.MpmBuilder;
import org.openscis.connector.sim.bank.Ledger;
import org.openscis.router.port.ProductLimits;
import org.openscis.server.client.SignedExchange;
import org.openscis.server.config.IssuerConfig;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.ProductConfig;
import org.openscis.server.config.QrConfig;
import org.openscis.server.config.QrUrlHostConfig;
import org.openscis.server.system.Wallet.Card;

/**
 * The merchant-presented QR flows end to end over loopback with the shipped configuration: QRC_INFO_INQUIRY and
 * MPQRC_PAYMENT_URL against the embedded QR host simulator ({@code conf/qr-host.json}), MPQRC_PAYMENT_EMV with codes
 * built here, the demo promotion (10% off at MCC 5812 from 10.00, at most 5.00). Money is checked in the simulator's
 * ledger: an off-us payment moves the amount from the cardholder to {@code SETTLEMENT-344}, exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QrMerchantSystemTests {

    static final String FIXED_URL = "https://qr.95516.com/00010000/62000000000000000000000001";
    static final String OPEN_URL = "https://qr.95516.com/00010000/62000000000000000000000002";
    static final String SETTLEMENT = "SETTLEMENT-344";
    /** Short, so that a test can let an inquiry expire by moving the switch's clock inside the skew window. */
    private static final Duration INQUIRY_VALIDITY = Duration.ofMinutes(1);
    private static final String BLOCKED_MCC = "7995";
    private static final String ACQUIRER = "25000344";
    private static final String FORWARDER = "00020344";
    private static final String MID = "500034470119999";
    private static final String[] TABLES = {"cards", "tokens", "idempotency", "money_transactions", "url_inquiries"};

    private final ClearTextWatch watch = new ClearTextWatch();
    private RunningSwitch sw;
    private Wallet wallet;
    private Ledger ledger;

    abstract boolean postgres();

    @BeforeAll
    void start() throws Exception {
        watch.start();
        sw = RunningSwitch.start(postgres(), RunningSwitch.Setup.shipped()
                .adjusted(inquiryValidity(INQUIRY_VALIDITY)).adjusted(blockedMcc(BLOCKED_MCC)));
        wallet = new Wallet(sw, watch);
        ledger = sw.simulator().ledger();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            assertThat(ledger.check().ok()).as("ledger invariants: " + ledger.check()).isTrue();
            watch.assertNoneInClear(sw, TABLES);
        } finally {
            watch.stop();
            sw.close();
        }
    }

    // ---- URL mode

    @Test
    void aFixedAmountUrlCodeIsInquiredThenPaidOnceWithTheDemoPromotion() throws Exception {
        Card card = wallet.enrolSeeded();
        long settlement = ledger.balanceMinor(SETTLEMENT);
        String inquiryId = wallet.newMsgId();
        SignedExchange inquiry = wallet.call("QRC_INFO_INQUIRY", inquiry(card, FIXED_URL), inquiryId);
        assertThat(inquiry.responseCode()).isEqualTo("00");
        assertThat(inquiry.trxInfo()).isEqualTo(TrxInfo.builder().put("trxAmt", "25.00").put("trxCurrency", "344")
                .put("qrcUseCase", "10").put("merchantName", "Demo Noodle House").put("mcc", "5812")
                .put("merchantCountry", "344").put("merchantCity", "Hong Kong").put("postalCode", "999077")
                .put("languagePreference", "ZH").put("merchantNameAL", "示範麵家").put("merchantCityAL", "香港")
                .put("terminalID", "T0000001").build());

        String msgId = wallet.newMsgId();
        TrxInfo payment = urlPayment(card, inquiryId, FIXED_URL, "25.00");
        SignedExchange paid = wallet.call("MPQRC_PAYMENT_URL", payment, msgId);
        assertThat(paid.responseCode()).isEqualTo("00");
        TrxInfo t = paid.trxInfo();
        assertThat(t.string("deviceID")).isEqualTo(card.deviceId());
        assertThat(t.string("trxAmt")).as("10% off").isEqualTo("22.50");
        assertThat(t.string("trxCurrency")).isEqualTo("344");
        assertThat(t.string("originalAmount")).isEqualTo("25.00");
        assertThat(t.list("discountDetails")).containsExactly(TrxInfo.builder().put("discountAmt", "2.50")
                .put("discountNote", "Demo promotion: 10% off at restaurants").build());
        assertThat(t.string("qrcVoucherNo")).matches("\\d{20}");
        assertMovedOnce(card, msgId, 2250, settlement + 2250);

        SignedExchange retry = wallet.call("MPQRC_PAYMENT_URL", payment, msgId);
        assertThat(retry.body()).as("a retry gets the original answer, voucher included").isEqualTo(paid.body());
        assertMovedOnce(card, msgId, 2250, settlement + 2250);

        SignedExchange result = wallet.call("TRX_RESULT_INQUIRY", Wallet.resultInquiry(card, msgId,
                "MPQRC_PAYMENT_URL"));
        assertThat(result.responseCode()).isEqualTo("00");
        assertThat(result.trxInfo().string("paymentStatus")).isEqualTo("APPROVED");
    }

    @Test
    void anOpenAmountUrlCodeTakesWhatThePayerEntersUpToItsLimit() throws Exception {
        Card card = wallet.enrolSeeded();
        long settlement = ledger.balanceMinor(SETTLEMENT);
        String inquiryId = wallet.newMsgId();
        SignedExchange inquiry = wallet.call("QRC_INFO_INQUIRY", inquiry(card, OPEN_URL), inquiryId);
        assertThat(inquiry.responseCode()).isEqualTo("00");
        assertThat(inquiry.trxInfo().has("trxAmt")).isFalse();
        assertThat(inquiry.trxInfo().string("upperLimitAmt")).isEqualTo("1000.00");
        assertThat(inquiry.trxInfo().string("mcc")).isEqualTo("5411");

        assertThat(wallet.call("MPQRC_PAYMENT_URL", urlPayment(card, inquiryId, OPEN_URL, "1000.01"))
                .responseCode()).as("above upperLimitAmt").isEqualTo("13");
        String msgId = wallet.newMsgId();
        SignedExchange paid = wallet.call("MPQRC_PAYMENT_URL", urlPayment(card, inquiryId, OPEN_URL, "40"), msgId);
        assertThat(paid.responseCode()).isEqualTo("00");
        assertThat(paid.trxInfo().string("trxAmt")).isEqualTo("40.00");
        assertThat(paid.trxInfo().has("discountDetails")).as("no promotion at MCC 5411").isFalse();
        assertMovedOnce(card, msgId, 4000, settlement + 4000);
    }

    @Test
    void urlRefusalsMoveNothing() throws Exception {
        Card card = wallet.enrolSeeded();
        long settlement = ledger.balanceMinor(SETTLEMENT);
        assertThat(wallet.call("QRC_INFO_INQUIRY", inquiry(card,
                "https://qr.95516.com/00010000/62000000000000000000000099")).responseCode())
                .as("a code the host does not know").isEqualTo("03");
        assertThat(wallet.call("QRC_INFO_INQUIRY", inquiry(card,
                "http://qr.95516.com/00010000/62000000000000000000000001")).responseCode())
                .as("not a UnionPay URL code").isEqualTo("30");
        String inquiryId = wallet.newMsgId();
        assertThat(wallet.call("QRC_INFO_INQUIRY", inquiry(card, FIXED_URL), inquiryId).responseCode())
                .isEqualTo("00");
        assertThat(wallet.call("MPQRC_PAYMENT_URL", urlPayment(card, wallet.newMsgId(), FIXED_URL, "25"))
                .responseCode()).as("no such inquiry").isEqualTo("25");
        assertThat(wallet.call("MPQRC_PAYMENT_URL", urlPayment(card, inquiryId, FIXED_URL + "1", "25"))
                .responseCode()).as("not the inquired URL").isEqualTo("30");
        assertThat(wallet.call("MPQRC_PAYMENT_URL", urlPayment(card, inquiryId, FIXED_URL, "24.00"))
                .responseCode()).as("not the fixed amount").isEqualTo("13");
        assertThat(wallet.call("MPQRC_PAYMENT_URL", urlPayment(card, inquiryId, FIXED_URL, "25").toBuilder()
                .put("trxCurrency", "156").build()).responseCode()).as("not the order's currency").isEqualTo("30");
        assertThat(wallet.call("MPQRC_PAYMENT_URL", urlPayment(card, inquiryId, FIXED_URL, "25").toBuilder()
                .put("deviceID", Wallet.device()).build()).responseCode()).as("another device").isEqualTo("55");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR);
        assertThat(ledger.balanceMinor(SETTLEMENT)).isEqualTo(settlement);
    }

    @Test
    void anInquiryOlderThanItsValidityCannotBePaid() {
        Card card = wallet.enrolSeeded();
        String inquiryId = wallet.newMsgId();
        assertThat(wallet.call("QRC_INFO_INQUIRY", inquiry(card, FIXED_URL), inquiryId).responseCode())
                .isEqualTo("00");
        sw.clock.advance(INQUIRY_VALIDITY.plusSeconds(1));
        assertThat(wallet.call("MPQRC_PAYMENT_URL", urlPayment(card, inquiryId, FIXED_URL, "25")).responseCode())
                .isEqualTo("25");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR);
    }

    // ---- EMV mode

    @Test
    void anEmvCodeWithAnAmountAndAConvenienceFeeDebitsBothOnce() throws Exception {
        Card card = wallet.enrolSeeded();
        long settlement = ledger.balanceMinor(SETTLEMENT);
        long fees = ledger.balanceMinor(Wallet.FEE_ACCOUNT);
        String code = emv("5411").put("54", "100.00").put("55", "02").put("56", "2.00").build();
        String msgId = wallet.newMsgId();
        TrxInfo payment = emvPayment(card, code, "100.00", "5411").toBuilder().put("trxFeeAmt", "2.00").build();
        SignedExchange paid = wallet.call("MPQRC_PAYMENT_EMV", payment, msgId);
        assertThat(paid.responseCode()).isEqualTo("00");
        assertThat(paid.trxInfo().string("trxAmt")).isEqualTo("100.00");
        assertThat(paid.trxInfo().string("qrcVoucherNo")).matches("\\d{20}");
        assertMovedOnce(card, msgId, 10_200, settlement + 10_000);
        assertThat(ledger.balanceMinor(Wallet.FEE_ACCOUNT)).isEqualTo(fees + 200);

        SignedExchange retry = wallet.call("MPQRC_PAYMENT_EMV", payment, msgId);
        assertThat(retry.body()).isEqualTo(paid.body());
        assertMovedOnce(card, msgId, 10_200, settlement + 10_000);
        assertThat(ledger.balanceMinor(Wallet.FEE_ACCOUNT)).isEqualTo(fees + 200);
    }

    @Test
    void anEmvCodeAtARestaurantGetsTheCappedPromotionAndATip() throws Exception {
        Card card = wallet.enrolSeeded();
        long settlement = ledger.balanceMinor(SETTLEMENT);
        String code = emv("5812").put("54", "80.00").put("55", "01").build();
        String msgId = wallet.newMsgId();
        SignedExchange paid = wallet.call("MPQRC_PAYMENT_EMV", emvPayment(card, code, "88.00", "5812"), msgId);
        assertThat(paid.responseCode()).isEqualTo("00");
        assertThat(paid.trxInfo().string("originalAmount")).as("80.00 and an 8.00 tip").isEqualTo("88.00");
        assertThat(paid.trxInfo().string("trxAmt")).as("10% capped at 5.00").isEqualTo("83.00");
        assertThat(paid.trxInfo().list("discountDetails")).singleElement()
                .satisfies(d -> assertThat(((TrxInfo) d).string("discountAmt")).isEqualTo("5.00"));
        assertMovedOnce(card, msgId, 8300, settlement + 8300);
    }

    @Test
    void emvRefusalsMoveNothing() throws Exception {
        Card card = wallet.enrolSeeded();
        long settlement = ledger.balanceMinor(SETTLEMENT);
        String open = emv("5411").build();
        String badCrc = open.substring(0, open.length() - 4) + (open.endsWith("0000") ? "FFFF" : "0000");
        assertThat(wallet.call("MPQRC_PAYMENT_EMV", emvPayment(card, badCrc, "10", "5411")).responseCode())
                .as("CRC mismatch").isEqualTo("30");
        String noUnionPay = MpmBuilder.create().put("01", "11")
                .template("26", Map.of("00", "D4100000014010", "01", "1234567890")).put("52", "5411")
                .put("53", "344").put("58", "HK").put("59", "Demo Corner Store").put("60", "Hong Kong").build();
        assertThat(wallet.call("MPQRC_PAYMENT_EMV", emvPayment(card, noUnionPay, "10", "5411").toBuilder()
                .put("merchantInfo", TrxInfo.builder().put("mcc", "5411").build()).build()).responseCode())
                .as("no UnionPay account").isEqualTo("03");
        assertThat(wallet.call("MPQRC_PAYMENT_EMV", emvPayment(card, open, "10", "5999")).responseCode())
                .as("merchantInfo.mcc disagrees").isEqualTo("30");
        assertThat(wallet.call("MPQRC_PAYMENT_EMV", emvPayment(card, open, "10", "5411").toBuilder()
                .put("trxCurrency", "156").build()).responseCode()).as("not the QR's currency").isEqualTo("30");
        assertThat(wallet.call("MPQRC_PAYMENT_EMV", emvPayment(card, emv("5411").put("54", "10.00").build(),
                "10.50", "5411")).responseCode()).as("not the QR's amount").isEqualTo("13");
        assertThat(wallet.call("MPQRC_PAYMENT_EMV", emvPayment(card, emv(BLOCKED_MCC).build(), "10", BLOCKED_MCC))
                .responseCode()).as("a blocked category").isEqualTo("62");
        assertThat(wallet.call("MPQRC_PAYMENT_EMV", emvPayment(card, open, "5000.01", "5411")).responseCode())
                .as("above the per-transaction limit").isEqualTo("61");
        assertThat(wallet.call("MPQRC_PAYMENT_EMV", emvPayment(card, open, "1000.01", "5411")).responseCode())
                .as("the simulator's ledger has 1000.00").isEqualTo("51");
        assertThat(wallet.call("MPQRC_PAYMENT_EMV", emvPayment(card, open, "10", "5411").toBuilder()
                .put("token", otherToken(card.token())).build()).responseCode())
                .as("an unknown or malformed token").isIn("14", "73");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR);
        assertThat(ledger.balanceMinor(SETTLEMENT)).isEqualTo(settlement);
    }

    // ---- helpers

    private void assertMovedOnce(Card card, String msgId, long debitedMinor, long settlementMinor) throws Exception {
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR - debitedMinor);
        assertThat(ledger.balanceMinor(SETTLEMENT)).isEqualTo(settlementMinor);
        assertThat(ledger.movementState(sw.trxIdOf(msgId))).contains("APPROVED");
    }

    private static TrxInfo inquiry(Card c, String url) {
        return TrxInfo.builder().put("deviceID", c.deviceId()).put("userID", c.userId()).put("mpqrcPayload", url)
                .build();
    }

    private static TrxInfo urlPayment(Card c, String origMsgId, String url, String amount) {
        return Wallet.tokenTrx(c).put("origTrxMsgID", origMsgId).put("trxAmt", amount).put("trxCurrency", "344")
                .put("mpqrcPayload", url).build();
    }

    /** A Hong Kong UnionPay merchant QR of category {@code mcc}, without an amount. */
    private static MpmBuilder emv(String mcc) {
        return MpmBuilder.create().put("01", "12").unionPay(ACQUIRER, FORWARDER, MID).put("52", mcc)
                .put("53", "344").put("58", "HK").put("59", "Demo QR Merchant").put("60", "Hong Kong")
                .template("62", Map.of("05", "REF0001", "07", "T0000099"));
    }

    private static TrxInfo emvPayment(Card c, String payload, String amount, String mcc) {
        return Wallet.tokenTrx(c).put("trxAmt", amount).put("trxCurrency", "344").put("mpqrcPayload", payload)
                .put("merchantInfo", TrxInfo.builder().put("acquirerIIN", ACQUIRER).put("fwdIIN", FORWARDER)
                        .put("mid", MID).put("merchantName", "Demo QR Merchant").put("mcc", mcc).build())
                .put("additionalData", TrxInfo.builder().put("referenceLabel", "REF0001")
                        .put("terminalLabel", "T0000099").build())
                .put("riskInfo", TrxInfo.builder().put("captureMethod", "MANUAL").put("deviceType", "MOBILE").build())
                .build();
    }

    private static UnaryOperator<OpenScisConfig> inquiryValidity(Duration validity) {
        return c -> new OpenScisConfig(c.dataDir(), c.listeners(), c.limits(), c.security(), c.switchKeys(),
                c.participants(), c.issuers(), c.storage(), c.observability(), c.money(), c.outbox(),
                new QrConfig(new QrUrlHostConfig(c.qr().urlHost().file(), validity), c.qr().promotions(),
                        c.qr().codes()));
    }

    /** Every product refuses merchants of category {@code mcc} (62). */
    private static UnaryOperator<OpenScisConfig> blockedMcc(String mcc) {
        return c -> c.withIssuers(c.issuers().stream().map(i -> new IssuerConfig(i.iin(), i.name(),
                i.products().stream().map(p -> {
                    ProductLimits l = p.limits();
                    return new ProductConfig(p.prdNo(), p.bin(), p.panLength(), p.tokenBin(), p.expiryMonths(),
                            p.cardType(), p.currency(), p.cardFaces(), p.allowedMessageTypes(), p.cvmFields(),
                            new ProductLimits(l.perTransactionMinor(), l.dailyMinor(), Set.of(mcc),
                                    l.blockedCountries(), l.cutOffStart(), l.cutOffEnd(), l.cutOffZone(),
                                    l.openingBalanceMinor(), l.defaultTier(), l.minimumTier(),
                                    l.cashOutTokenValidityMinutes()));
                }).toList(), i.cbs(), i.merchants())).toList());
    }

    /** The token with its last digit changed: never the token itself, whatever that digit is. */
    private static String otherToken(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');
    }
}
