package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openscis.bench.workload.SampleMessages;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.qr.MpmParser;
import org.openscis.codec.qr.MpmPayload;
import org.openscis.codec.qr.MpmPolicy;
import org.openscis.codec.qr.MpmResult;
import org.openscis.codec.qr.UnionPayAccount;
import org.openscis.server.client.SensitiveFields;

class RequestFactoryTest {

    private static final AccountRange SEEDED = AccountRange.of("100000000001", 500).orElseThrow();
    private static final Workload WORKLOAD = new Workload(SEEDED, "BILLER000000001", "AGENT0000000001", "344");
    private static final TokenPool POOL = new TokenPool(List.of(
            new TokenPool.Enrolled("d1", "u1", "6292000000000000011", "100000000001"),
            new TokenPool.Enrolled("d2", "u2", "6292000000000000029", "100000000002"),
            new TokenPool.Enrolled("d3", "u3", "6292000000000000037", "100000000003")));

    private final RequestFactory factory = new RequestFactory(POOL, WORKLOAD, SEEDED.from(3));

    @Test
    void billPaymentPaysTheBillerASmallAmountFromAWarmUpToken() {
        TrxInfo trx = factory.trxInfo(LoadType.BILL_PAYMENT);

        assertThat(trx.names()).containsExactly("deviceID", "userID", "token", "trxAmt", "trxCurrency", "trxFeeAmt",
                "trxNote", "merchantInfo");
        assertToken(trx);
        assertSmallAmount(trx.string("trxAmt"));
        assertThat(trx.string("trxCurrency")).isEqualTo("344");
        assertThat(trx.string("trxFeeAmt")).isEqualTo("0.00");
        assertThat(trx.object("merchantInfo").string("mid")).isEqualTo("BILLER000000001");
        assertThat(trx.object("merchantInfo").string("merchantName")).isNotBlank();
    }

    @Test
    void mpqrcPaymentEmvPaysTheRunsMerchantQrAsAWalletWould() {
        TrxInfo trx = factory.trxInfo(LoadType.MPQRC_PAYMENT_EMV);
        TrxInfo again = factory.trxInfo(LoadType.MPQRC_PAYMENT_EMV);

        assertThat(trx.names()).containsExactly("deviceID", "userID", "token", "trxAmt", "trxCurrency",
                "mpqrcPayload", "merchantInfo", "additionalData");
        assertToken(trx);
        assertThat(trx.string("trxAmt")).isEqualTo(MerchantQrCode.AMOUNT);
        assertThat(trx.string("trxCurrency")).isEqualTo("344");
        // One code per run: every request scans the same payload.
        assertThat(again.string("mpqrcPayload")).isEqualTo(trx.string("mpqrcPayload"));
        MpmResult parsed = new MpmParser(MpmPolicy.strict()).parse(trx.string("mpqrcPayload"));
        assertThat(parsed).isInstanceOf(MpmResult.Parsed.class);
        MpmPayload qr = ((MpmResult.Parsed) parsed).payload();
        assertThat(qr.transactionAmount()).contains(MerchantQrCode.AMOUNT);
        assertThat(qr.transactionCurrency()).isEqualTo("344");
        assertThat(qr.merchantCategoryCode()).isEqualTo("5411");
        assertThat(qr.unionPay()).contains(new UnionPayAccount(MerchantQrCode.ACQUIRER_IIN,
                MerchantQrCode.FORWARDING_IIN, MerchantQrCode.MID));
        TrxInfo merchant = trx.object("merchantInfo");
        assertThat(merchant.string("acquirerIIN")).isEqualTo(MerchantQrCode.ACQUIRER_IIN);
        assertThat(merchant.string("fwdIIN")).isEqualTo(MerchantQrCode.FORWARDING_IIN);
        assertThat(merchant.string("mid")).isEqualTo(MerchantQrCode.MID);
        assertThat(merchant.string("mcc")).isEqualTo("5411");
        assertThat(merchant.string("merchantName")).isEqualTo(qr.merchantName());
    }

    @Test
    void p2pTransferPaysAnotherWarmUpAccountInAnObjectTheClientEncrypts() {
        for (int i = 0; i < 6; i++) {
            TrxInfo trx = factory.trxInfo(LoadType.P2P_TRANSFER);

            assertThat(trx.names()).containsExactly("deviceID", "userID", "token", "creditAccountInfo", "trxAmt",
                    "trxCurrency", "trxNote");
            assertToken(trx);
            assertSmallAmount(trx.string("trxAmt"));
            // A nested object, not text: the client library's SensitiveFields turns it into a JWE to the switch.
            assertThat(trx.get("creditAccountInfo")).isInstanceOf(TrxInfo.class);
            assertThat(SensitiveFields.REQUEST_FIELDS).contains("creditAccountInfo");
            TrxInfo payee = trx.object("creditAccountInfo");
            assertThat(payee.names()).containsExactly("accountNo");
            String payer = accountOf(trx.string("token"));
            assertThat(payee.string("accountNo")).isNotEqualTo(payer).startsWith("10000000000");
        }
    }

    @Test
    void creditTransactionComesFromTheAgent() {
        TrxInfo trx = factory.trxInfo(LoadType.CREDIT_TRANSACTION);

        assertThat(trx.names()).containsExactly("deviceID", "userID", "token", "trxAmt", "trxCurrency", "trxNote",
                "merchantInfo");
        assertToken(trx);
        assertSmallAmount(trx.string("trxAmt"));
        assertThat(trx.object("merchantInfo").string("mid")).isEqualTo("AGENT0000000001");
    }

    @Test
    void cashOutTokenAsksForAWithdrawalCode() {
        TrxInfo trx = factory.trxInfo(LoadType.GET_CASH_OUT_TOKEN);

        assertThat(trx.names()).containsExactly("deviceID", "userID", "token", "trxTokenType", "trxAmt",
                "trxCurrency");
        assertToken(trx);
        assertThat(trx.string("trxTokenType")).isEqualTo("WITHDRAW");
        assertSmallAmount(trx.string("trxAmt"));
    }

    @Test
    void inquiriesNameAWarmUpTokenWithItsDeviceAndUser() {
        for (LoadType type : List.of(LoadType.CARD_STATUS_INQUIRY, LoadType.CARD_BALANCE_INQUIRY)) {
            TrxInfo trx = factory.trxInfo(type);

            assertThat(trx.names()).containsExactly("deviceID", "userID", "token");
            assertToken(trx);
        }
        assertThat(factory.trxInfo(LoadType.CVM_INQUIRY).isEmpty()).isTrue();
    }

    @Test
    void enrolmentsOfTheLoadPhaseUseAccountsTheWarmUpLeftAlone() {
        Set<String> accounts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            TrxInfo trx = factory.trxInfo(LoadType.CARD_ENROLLMENT);

            assertThat(trx.names()).containsExactly("deviceID", "userID", "prdNo", "cvmInfo");
            assertThat(trx.string("prdNo")).isEqualTo(SampleMessages.PRD_NO);
            assertThat(trx.string("deviceID")).hasSize(RandomIds.DEVICE_ID_HEX_CHARS);
            accounts.add(trx.object("cvmInfo").string("accountNo"));
        }
        assertThat(accounts).allSatisfy(a -> assertThat(Long.parseLong(a)).isBetween(100000000004L, 100000000500L));
        assertThat(accounts.size()).isGreaterThan(50);
    }

    @Test
    void warmUpEnrolmentNamesTheGivenAccountOnAFreshDevice() {
        RequestFactory.Enrollment a = factory.enrollment("100000000007");
        RequestFactory.Enrollment b = factory.enrollment("100000000007");

        assertThat(a.accountNo()).isEqualTo("100000000007");
        assertThat(a.deviceId()).isNotEqualTo(b.deviceId());
        assertThat(a.userId()).isNotEqualTo(b.userId());
    }

    @Test
    void deletionNamesTheTokenWithItsDeviceAndUser() {
        TrxInfo trx = RequestFactory.deletionTrxInfo(POOL.all().get(1));

        assertThat(trx.asMap()).containsEntry("deviceID", "d2").containsEntry("userID", "u2")
                .containsEntry("token", "6292000000000000029").containsEntry("tokenAction", "DELETE");
    }

    @Test
    void tokenTypesRefuseWithoutTokensAndP2pWithoutASecondAccount() {
        RequestFactory empty = new RequestFactory(TokenPool.empty(), WORKLOAD, SEEDED);
        RequestFactory oneAccount = new RequestFactory(new TokenPool(List.of(
                new TokenPool.Enrolled("d1", "u1", "6292000000000000011", "100000000001"),
                new TokenPool.Enrolled("d2", "u2", "6292000000000000029", "100000000001"))), WORKLOAD, SEEDED);

        assertThatThrownBy(() -> empty.trxInfo(LoadType.BILL_PAYMENT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BILL_PAYMENT");
        assertThatThrownBy(() -> oneAccount.trxInfo(LoadType.P2P_TRANSFER))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two accounts");
        assertThat(oneAccount.trxInfo(LoadType.BILL_PAYMENT).has("token")).isTrue();
    }

    private static void assertToken(TrxInfo trx) {
        TokenPool.Enrolled t = POOL.all().stream().filter(e -> e.token().equals(trx.string("token"))).findFirst()
                .orElseThrow();
        assertThat(trx.string("deviceID")).isEqualTo(t.deviceId());
        assertThat(trx.string("userID")).isEqualTo(t.userId());
    }

    private static String accountOf(String token) {
        return POOL.all().stream().filter(e -> e.token().equals(token)).findFirst().orElseThrow().accountNo();
    }

    private static void assertSmallAmount(String amount) {
        assertThat(amount).matches("0\\.\\d\\d");
        assertThat(new BigDecimal(amount)).isBetween(new BigDecimal("0.01"), new BigDecimal("0.50"));
    }
}
