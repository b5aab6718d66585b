package org.openscis.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openscis.codec.card.Luhn;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.bank.AccountKind;
import org.openscis.connector.sim.bank.Ledger;
import org.openscis.server.client.ReceivedCallback;
import org.openscis.server.client.SignedExchange;
import org.openscis.server.system.Wallet.Card;

/**
 * The issue-3 message types end to end over loopback: the App Gateway client against the real switch, whose CBS is
 * the embedded simulator. Money is checked where it lives, in the simulator's double-entry ledger; callbacks arrive
 * at a {@link org.openscis.server.client.CallbackReceiver} configured as the App Gateway's callback URL. Each test
 * uses its own seeded accounts, devices and msgIDs, so the order does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MoneySystemTests {

    /** Short, so that a test can let a KYC approval expire by moving the switch's clock inside the skew window. */
    private static final Duration KYC_VALIDITY = Duration.ofMinutes(1);
    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(20);
    private static final String[] TABLES = {"cards", "tokens", "idempotency", "money_transactions", "kyc_records",
        "outbox", "account_tiers"};

    private final ClearTextWatch watch = new ClearTextWatch();
    private RunningSwitch sw;
    private Wallet wallet;
    private Ledger ledger;
    private Card badInputCard;
    private String badInputPayee;

    abstract boolean postgres();

    @BeforeAll
    void start() throws Exception {
        watch.start();
        sw = RunningSwitch.start(postgres(), RunningSwitch.Setup.shipped().withCallbacks()
                .adjusted(TestSettings.kycValidity(KYC_VALIDITY)));
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

    // ---- onboarding

    @Test
    void kycThenOpenAccountIssuesAVirtualCardOnANewAccountWithTheOpeningBalance() {
        String device = Wallet.device();
        String user = Wallet.user();
        int customers = ledger.accountsOfKind(AccountKind.CUSTOMER).size();
        String kycMsgId = wallet.newMsgId();
        SignedExchange kyc = wallet.call("KYC_VERIFICATION", wallet.kyc(device, user, Wallet.idNo()), kycMsgId);
        assertThat(kyc.responseCode()).isEqualTo("00");
        assertThat(kyc.trxInfo().string("deviceID")).isEqualTo(device);
        String referNo = kyc.trxInfo().string("referNo");
        assertThat(referNo).isNotBlank();

        SignedExchange open = wallet.call("OPEN_ACCOUNT", Wallet.openAccount(device, user, kycMsgId, referNo));
        assertThat(open.responseCode()).isEqualTo("00");
        TrxInfo t = open.trxInfo();
        assertThat(t.string("deviceID")).isEqualTo(device);
        assertThat(t.string("referNo")).isEqualTo(referNo);
        assertThat(t.string("token")).hasSize(19).startsWith("62920000");
        assertThat(Luhn.isValid(t.string("token"))).isTrue();
        assertThat(t.string("pan")).as("pan travels as JWE").matches("[^.]+\\.[^.]*\\.[^.]+\\.[^.]+\\.[^.]+");
        String pan = watch.secret(sw.client.decryptResponseFields(t).trxInfo().string("pan"));
        assertThat(pan).hasSize(16).startsWith("62351000");
        assertThat(Luhn.isValid(pan)).isTrue();
        assertThat(t.string("maskedPan")).isEqualTo(pan.substring(0, 4) + "********" + pan.substring(12));
        assertThat(t.string("cardType")).isEqualTo("Virtual Card");
        assertThat(ledger.accountsOfKind(AccountKind.CUSTOMER)).hasSize(customers + 1);

        TrxInfo balance = wallet.balanceOf(new Card(t.string("token"), device, user, null, pan));
        assertThat(balance.string("balAmt")).isEqualTo("100.00");
        assertThat(balance.string("balCurrency")).isEqualTo(Wallet.CURRENCY);
        assertThat(balance.string("accountTier")).isEqualTo("1");
    }

    @Test
    void openAccountWithAWrongReferenceIs25AndASecondOneWithTheSameKycIs78() {
        String device = Wallet.device();
        String user = Wallet.user();
        String kycMsgId = wallet.newMsgId();
        SignedExchange kyc = wallet.call("KYC_VERIFICATION", wallet.kyc(device, user, Wallet.idNo()), kycMsgId);
        String referNo = kyc.trxInfo().string("referNo");
        int customers = ledger.accountsOfKind(AccountKind.CUSTOMER).size();

        assertThat(wallet.call("OPEN_ACCOUNT", Wallet.openAccount(device, user, kycMsgId, referNo + "1"))
                .responseCode()).as("wrong referNo").isEqualTo("25");
        assertThat(wallet.call("OPEN_ACCOUNT", Wallet.openAccount(device, user, wallet.newMsgId(), referNo))
                .responseCode()).as("unknown KYC msgID").isEqualTo("25");
        assertThat(wallet.call("OPEN_ACCOUNT", Wallet.openAccount(Wallet.device(), user, kycMsgId, referNo))
                .responseCode()).as("another device").isEqualTo("93");
        assertThat(ledger.accountsOfKind(AccountKind.CUSTOMER)).as("nothing opened yet").hasSize(customers);

        assertThat(wallet.call("OPEN_ACCOUNT", Wallet.openAccount(device, user, kycMsgId, referNo)).responseCode())
                .isEqualTo("00");
        assertThat(wallet.call("OPEN_ACCOUNT", Wallet.openAccount(device, user, kycMsgId, referNo)).responseCode())
                .as("the KYC is used up").isEqualTo("78");
        assertThat(ledger.accountsOfKind(AccountKind.CUSTOMER)).hasSize(customers + 1);
    }

    @Test
    void aRejectedKycIs05AndCannotOpenAnAccount() throws Exception {
        String device = Wallet.device();
        String user = Wallet.user();
        String kycMsgId = wallet.newMsgId();
        long kycRows = sw.count("kyc_records");
        SignedExchange kyc = wallet.call("KYC_VERIFICATION", wallet.kyc(device, user, "REJECT" + Wallet.idNo()),
                kycMsgId);
        assertThat(kyc.responseCode()).isEqualTo("05");
        assertThat(kyc.trxInfo().string("deviceID")).isEqualTo(device);
        String referNo = kyc.trxInfo().string("referNo");
        assertThat(referNo).as("the rejected KYC's reference").isNotBlank();
        assertThat(sw.count("kyc_records")).isEqualTo(kycRows + 1);
        assertThat(wallet.call("OPEN_ACCOUNT", Wallet.openAccount(device, user, kycMsgId, referNo)).responseCode())
                .isEqualTo("93");
    }

    @Test
    void anExpiredKycApprovalIs95() {
        String device = Wallet.device();
        String user = Wallet.user();
        String kycMsgId = wallet.newMsgId();
        SignedExchange kyc = wallet.call("KYC_VERIFICATION", wallet.kyc(device, user, Wallet.idNo()), kycMsgId);
        assertThat(kyc.responseCode()).isEqualTo("00");
        int customers = ledger.accountsOfKind(AccountKind.CUSTOMER).size();
        sw.clock.advance(KYC_VALIDITY.plusSeconds(1));
        assertThat(wallet.call("OPEN_ACCOUNT", Wallet.openAccount(device, user, kycMsgId,
                kyc.trxInfo().string("referNo"))).responseCode()).isEqualTo("95");
        assertThat(ledger.accountsOfKind(AccountKind.CUSTOMER)).hasSize(customers);
    }

    // ---- balances and tiers

    @Test
    void balanceInquiryShowsTheCbsAvailableBalanceAndTheReportedTier() {
        Card card = wallet.enrolSeeded();
        TrxInfo before = wallet.balanceOf(card);
        assertThat(before.string("deviceID")).isEqualTo(card.deviceId());
        assertThat(before.string("balAmt")).isEqualTo("1000.00");
        assertThat(before.string("balCurrency")).isEqualTo(Wallet.CURRENCY);
        assertThat(before.string("accountTier")).isEqualTo("1");

        SignedExchange update = wallet.call("ACCOUNT_UPDATE_NOTIFICATION", TrxInfo.builder()
                .put("deviceID", card.deviceId()).put("token", card.token()).put("accountTier", "2").build());
        assertThat(update.responseCode()).isEqualTo("00");
        assertThat(wallet.balanceOf(card).string("accountTier")).isEqualTo("2");
    }

    @Test
    void exchangeRateInquiryConvertsAtTheConfiguredRate() {
        SignedExchange ex = wallet.call("EXCHANGE_RATE_INQUIRY", TrxInfo.builder().put("origCurrency", "344")
                .put("origAmt", "100").put("exchangeCurrency", "156").build());
        assertThat(ex.responseCode()).isEqualTo("00");
        assertThat(ex.trxInfo().string("exchangeAmt")).isEqualTo("92.00");
        assertThat(ex.trxInfo().string("origAmt")).isEqualTo("100");
        assertThat(wallet.call("EXCHANGE_RATE_INQUIRY", TrxInfo.builder().put("origCurrency", "344")
                .put("origAmt", "100").put("exchangeCurrency", "978").build()).responseCode())
                .as("no rate configured").isEqualTo("40");
        assertThat(wallet.call("EXCHANGE_RATE_INQUIRY", TrxInfo.builder().put("origCurrency", "344")
                .put("origAmt", "1.234").put("exchangeCurrency", "156").build()).responseCode())
                .as("three decimals").isEqualTo("13");
    }

    // ---- payments

    @Test
    void billPaymentDebitsAmountAndFeeCreditsTheBillerAndIsApprovedOnInquiry() throws Exception {
        Card card = wallet.enrolSeeded();
        long biller = ledger.balanceMinor(Wallet.BILLER);
        long fees = ledger.balanceMinor(Wallet.FEE_ACCOUNT);
        String msgId = wallet.newMsgId();
        TrxInfo payment = Wallet.billPayment(card, "12.50").toBuilder().put("trxFeeAmt", "1.00").build();
        SignedExchange paid = wallet.call("BILL_PAYMENT", payment, msgId);
        assertThat(paid.responseCode()).isEqualTo("00");
        assertThat(paid.trxInfo().string("deviceID")).isEqualTo(card.deviceId());

        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR - 1350);
        assertThat(ledger.balanceMinor(Wallet.BILLER)).isEqualTo(biller + 1250);
        assertThat(ledger.balanceMinor(Wallet.FEE_ACCOUNT)).isEqualTo(fees + 100);
        String trxId = sw.trxIdOf(msgId);
        assertThat(ledger.movementState(trxId)).contains("APPROVED");
        assertThat(wallet.balanceOf(card).string("balAmt")).isEqualTo("986.50");

        SignedExchange retry = wallet.call("BILL_PAYMENT", payment, msgId);
        assertThat(retry.body()).as("a retry gets the original answer").isEqualTo(paid.body());
        assertThat(ledger.balanceMinor(card.accountNo())).as("and moves nothing")
                .isEqualTo(SeededAccounts.SEED_BALANCE_MINOR - 1350);

        SignedExchange inquiry = wallet.call("TRX_RESULT_INQUIRY", Wallet.resultInquiry(card, msgId, "BILL_PAYMENT"));
        assertThat(inquiry.responseCode()).isEqualTo("00");
        assertThat(inquiry.trxInfo().string("paymentStatus")).isEqualTo("APPROVED");
        assertThat(inquiry.trxInfo().string("rejectionReason")).isEqualTo("APPROVED");
        assertThat(inquiry.trxInfo().string("trxAmt")).isEqualTo("12.50");
        assertThat(inquiry.trxInfo().string("trxCurrency")).isEqualTo(Wallet.CURRENCY);
    }

    @Test
    void billPaymentRefusalsMoveNothing() {
        Card card = wallet.enrolSeeded();
        long biller = ledger.balanceMinor(Wallet.BILLER);
        assertThat(wallet.call("BILL_PAYMENT", Wallet.billPayment(card, "10.00", "NOSUCHBILLER001")).responseCode())
                .as("unknown biller").isEqualTo("03");
        assertThat(wallet.call("BILL_PAYMENT", Wallet.billPayment(card, "10.00", Wallet.AGENT)).responseCode())
                .as("an agent is no biller").isEqualTo("03");
        assertThat(wallet.call("BILL_PAYMENT", Wallet.billPayment(card, "10.001")).responseCode())
                .as("three decimals").isEqualTo("13");
        assertThat(wallet.call("BILL_PAYMENT", Wallet.billPayment(card, "5000.01")).responseCode())
                .as("above the per-transaction limit").isEqualTo("61");
        assertThat(wallet.call("BILL_PAYMENT", Wallet.billPayment(card, "1000.01")).responseCode())
                .as("the simulator's ledger has 1000.00").isEqualTo("51");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR);
        assertThat(ledger.balanceMinor(Wallet.BILLER)).isEqualTo(biller);
    }

    @Test
    void resultInquiryTellsADeclineAndDoesNotKnowWhatWasNeverSent() {
        Card card = wallet.enrolSeeded();
        String declined = wallet.newMsgId();
        assertThat(wallet.call("BILL_PAYMENT", Wallet.billPayment(card, "2000.00"), declined).responseCode())
                .isEqualTo("51");
        SignedExchange inquiry = wallet.call("TRX_RESULT_INQUIRY",
                Wallet.resultInquiry(card, declined, "BILL_PAYMENT"));
        assertThat(inquiry.responseCode()).isEqualTo("00");
        assertThat(inquiry.trxInfo().string("paymentStatus")).isEqualTo("DECLINED");
        assertThat(inquiry.trxInfo().string("rejectionReason")).startsWith("51 ");

        assertThat(wallet.call("TRX_RESULT_INQUIRY", Wallet.resultInquiry(card, wallet.newMsgId(), "BILL_PAYMENT"))
                .responseCode()).as("never sent").isEqualTo("25");
        assertThat(wallet.call("TRX_RESULT_INQUIRY", Wallet.resultInquiry(card, declined, "P2P_TRANSFER"))
                .responseCode()).as("another type").isEqualTo("25");
    }

    @Test
    void creditTransactionMovesFromTheAgentToTheCard() {
        Card card = wallet.enrolSeeded();
        long agent = ledger.balanceMinor(Wallet.AGENT);
        assertThat(wallet.call("CREDIT_TRANSACTION", Wallet.credit(card, "20.00")).responseCode()).isEqualTo("00");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR + 2000);
        assertThat(ledger.balanceMinor(Wallet.AGENT)).isEqualTo(agent - 2000);
        assertThat(wallet.balanceOf(card).string("balAmt")).isEqualTo("1020.00");
    }

    @Test
    void p2pTransferMovesExactlyTheAmountAndNotifiesPayerAndPayee() throws Exception {
        Card payer = wallet.enrolSeeded();
        Card payee = wallet.enrolSeeded();
        long total = ledger.totalMinor();
        String msgId = wallet.newMsgId();
        assertThat(wallet.call("P2P_TRANSFER", Wallet.p2p(payer, payee.accountNo(), "5.00"), msgId).responseCode())
                .isEqualTo("00");

        assertThat(ledger.balanceMinor(payer.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR - 500);
        assertThat(ledger.balanceMinor(payee.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR + 500);
        assertThat(ledger.postingCount(sw.trxIdOf(msgId))).as("one transfer, two postings").isEqualTo(2);
        assertThat(ledger.totalMinor()).isEqualTo(total);

        ReceivedCallback toPayer = notification(payer.token(), "APPROVED");
        assertThat(toPayer.signatureValid()).as(toPayer.signature().reason()).isTrue();
        assertThat(toPayer.trxInfo().string("trxMsgType")).isEqualTo("P2P_TRANSFER");
        assertThat(toPayer.trxInfo().string("trxAmt")).isEqualTo("5.00");
        assertThat(toPayer.trxInfo().string("trxCurrency")).isEqualTo(Wallet.CURRENCY);
        assertThat(toPayer.trxInfo().string("deviceID")).isEqualTo(payer.deviceId());
        ReceivedCallback toPayee = notification(payee.token(), "APPROVED");
        assertThat(toPayee.signatureValid()).as(toPayee.signature().reason()).isTrue();
        assertThat(toPayee.trxInfo().string("deviceID")).isEqualTo(payee.deviceId());
    }

    @Test
    void p2pTransferToAnAccountTheCbsDoesNotKnowIs14AndMovesNothing() {
        Card payer = wallet.enrolSeeded();
        String unknown = watch.secret(SeededAccounts.unknown());
        assertThat(wallet.call("P2P_TRANSFER", Wallet.p2p(payer, unknown, "5.00")).responseCode()).isEqualTo("14");
        assertThat(ledger.balanceMinor(payer.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR);
        ReceivedCallback declined = notification(payer.token(), "DECLINED");
        assertThat(declined.signatureValid()).isTrue();
        assertThat(declined.trxInfo().string("rejectionReason")).startsWith("14 ");
    }

    @Test
    void cashOutTokenHoldsTheAmountUntilWithdrawn() {
        Card card = wallet.enrolSeeded();
        SignedExchange ex = wallet.call("GET_CASH_OUT_TOKEN", Wallet.cashOut(card, "10.00"));
        assertThat(ex.responseCode()).isEqualTo("00");
        String trxToken = watch.secret(ex.trxInfo().string("trxToken"));
        assertThat(trxToken).matches("\\d{18}");
        assertThat(ex.trxInfo().string("tokenExpiry")).matches("\\d{14}");
        assertThat(ex.trxInfo().string("referNo")).isNotBlank();

        assertThat(ledger.balanceMinor(card.accountNo())).as("ledger balance").isEqualTo(
                SeededAccounts.SEED_BALANCE_MINOR);
        assertThat(ledger.availableMinor(card.accountNo())).as("available").isEqualTo(
                SeededAccounts.SEED_BALANCE_MINOR - 1000);
        assertThat(ledger.holdState(trxToken)).contains("HELD");
        assertThat(wallet.balanceOf(card).string("balAmt")).isEqualTo("990.00");
    }

    // ---- bad input never changes state

    Stream<Arguments> badMoneyInput() {
        List<String> types = List.of("BILL_PAYMENT", "CREDIT_TRANSACTION", "P2P_TRANSFER", "GET_CASH_OUT_TOKEN");
        List<Arguments> all = new java.util.ArrayList<>();
        for (String type : types) {
            all.add(Arguments.of(type, "trxAmt", "12.345", "13"));
            all.add(Arguments.of(type, "trxAmt", "-5.00", "13"));
            all.add(Arguments.of(type, "trxAmt", "0.00", "13"));
            all.add(Arguments.of(type, "trxAmt", "1O.00", "13"));
            all.add(Arguments.of(type, "trxCurrency", "840", "13"));
            all.add(Arguments.of(type, "trxCurrency", "999", "30"));
            all.add(Arguments.of(type, "trxCurrency", "HKD", "30"));
            all.add(Arguments.of(type, "trxAmt", null, "30"));
            all.add(Arguments.of(type, "trxCurrency", null, "30"));
            all.add(Arguments.of(type, "token", null, "30"));
        }
        all.add(Arguments.of("BILL_PAYMENT", "merchantInfo", null, "30"));
        all.add(Arguments.of("CREDIT_TRANSACTION", "merchantInfo", null, "30"));
        all.add(Arguments.of("P2P_TRANSFER", "creditAccountInfo", null, "30"));
        all.add(Arguments.of("GET_CASH_OUT_TOKEN", "trxTokenType", null, "30"));
        all.add(Arguments.of("BILL_PAYMENT", "trxFeeAmt", "-1.00", "13"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} with {1} = {2} is {3}")
    @MethodSource("badMoneyInput")
    void badMoneyInputIsRefusedAndChangesNothing(String type, String field, String value, String code)
            throws Exception {
        Card card = badInputCard();
        TrxInfo valid = switch (type) {
            case "BILL_PAYMENT" -> Wallet.billPayment(card, "10.00");
            case "CREDIT_TRANSACTION" -> Wallet.credit(card, "10.00");
            case "P2P_TRANSFER" -> Wallet.p2p(card, badInputPayee, "10.00");
            default -> Wallet.cashOut(card, "10.00");
        };
        TrxInfo bad = value == null ? valid.toBuilder().remove(field).build()
                : valid.toBuilder().put(field, value).build();
        int movements = ledger.movementCount();
        long transactions = sw.count("money_transactions");
        long callbacks = sw.count("outbox");

        assertThat(wallet.call(type, bad).responseCode()).isEqualTo(code);
        assertThat(ledger.movementCount()).as("CBS movements").isEqualTo(movements);
        assertThat(sw.count("money_transactions")).as("transactions").isEqualTo(transactions);
        assertThat(sw.count("outbox")).as("callbacks").isEqualTo(callbacks);
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR);
        assertThat(ledger.availableMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR);
    }

    @Test
    void badOnboardingInputIsRefusedAndStoresNothing() throws Exception {
        String device = Wallet.device();
        String user = Wallet.user();
        long kycRows = sw.count("kyc_records");
        long cards = sw.count("cards");
        int customers = ledger.accountsOfKind(AccountKind.CUSTOMER).size();
        TrxInfo noIdNo = wallet.kyc(device, user, Wallet.idNo()).toBuilder().put("cvmInfo", TrxInfo.builder()
                .put("firstName", "Mei").put("lastName", "Lin").put("idType", "ID card").put("idCountry", "344")
                .build()).build();
        assertThat(wallet.call("KYC_VERIFICATION", noIdNo).responseCode()).as("idNo missing").isEqualTo("30");
        assertThat(wallet.call("KYC_VERIFICATION", wallet.kyc(device, user, Wallet.idNo()).toBuilder()
                .remove("deviceID").build()).responseCode()).as("deviceID missing").isEqualTo("30");
        assertThat(wallet.call("OPEN_ACCOUNT", Wallet.openAccount(device, user, wallet.newMsgId(), "1").toBuilder()
                .remove("origReferNo").build()).responseCode()).as("origReferNo missing").isEqualTo("30");
        assertThat(sw.count("kyc_records")).isEqualTo(kycRows);
        assertThat(sw.count("cards")).isEqualTo(cards);
        assertThat(ledger.accountsOfKind(AccountKind.CUSTOMER)).hasSize(customers);
    }

    // ---- helpers

    /** One card for every bad-input case: none of them may move its money. */
    private synchronized Card badInputCard() {
        if (badInputCard == null) {
            badInputCard = wallet.enrolSeeded();
            badInputPayee = wallet.seededAccount();
        }
        return badInputCard;
    }

    /** The TRX_RESULT_NOTIFICATION with {@code paymentStatus} for {@code token}, waiting for it to arrive. */
    private ReceivedCallback notification(String token, String paymentStatus) {
        return await().atMost(CALLBACK_WAIT).until(() -> sw.callbacks.received("TRX_RESULT_NOTIFICATION").stream()
                .filter(c -> token.equals(c.trxInfo().string("token"))
                        && paymentStatus.equals(c.trxInfo().string("paymentStatus")))
                .findFirst().orElse(null), c -> c != null);
    }
}
