package org.openscis.connector.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.connector.sim.Messages.AGENT;
import static org.openscis.connector.sim.Messages.BILLER;
import static org.openscis.connector.sim.Messages.customer;
import static org.openscis.connector.sim.Messages.obj;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.bank.Ledger;
import org.openscis.connector.sim.bank.LedgerCheck;
import org.openscis.connector.sim.bank.Withdrawal;
import org.openscis.connector.sim.bank.WithdrawalResult;
import org.openscis.testing.Race;

/** Every CBS message over loopback HTTP: signatures both ways, JWE fields, idempotency, the admin endpoints. */
class CbsSimulatorIT {

    private static CbsSimulator sim;
    private static SimTestClient client;
    private static final List<Withdrawal> WITHDRAWALS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sim = CbsSimulator.start(SimKeys.config(), Clock.systemUTC());
        sim.onWithdrawal(WITHDRAWALS::add);
        client = new SimTestClient(sim.baseUrl(), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void ledgerStaysSound() {
        LedgerCheck check = sim.ledger().check();
        assertThat(check.ok()).as("%s", check).isTrue();
    }

    private static SimTestClient.Reply send(String msgType, TrxInfo trx) throws Exception {
        return client.send(msgType, Messages.msgId(), trx);
    }

    private static void assertAnswer(SimTestClient.Reply reply, String code) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.signed()).as("response signature").isTrue();
        assertThat(reply.code()).as(reply.envelope() == null ? "no envelope" : reply.message()).isEqualTo(code);
    }

    @Test
    void theWholeJourneyOfEveryMessageType() throws Exception {
        Ledger ledger = sim.ledger();
        String kycMsgId = Messages.msgId();
        SimTestClient.Reply kyc = client.send("KYC_VERIFICATION", kycMsgId, Messages.kyc("IT-KYC-1", "P1234567"));
        assertAnswer(kyc, "00");
        MsgInfo echo = kyc.envelope().msgInfo();
        assertThat(echo.msgID()).isEqualTo(kycMsgId);
        assertThat(echo.msgType()).isEqualTo("KYC_VERIFICATION");
        assertThat(echo.insID()).isEqualTo(SimKeys.IIN);
        assertThat(echo.versionNo()).isEqualTo("1.0.0");
        assertThat(echo.timeStamp()).matches("\\d{14}");
        assertThat(kyc.plainTrxInfo().string("referNo")).isEqualTo("IT-KYC-1");

        SimTestClient.Reply open = send("OPEN_ACCOUNT", Messages.openAccount("IT-KYC-1"));
        assertAnswer(open, "00");
        assertThat(open.envelope().trxInfo().get("accountInfo")).as("encrypted on the wire").isInstanceOf(String.class);
        String accountNo = open.plainTrxInfo().object("accountInfo").string("accountNo");
        assertThat(accountNo).matches("2\\d{11}");
        assertThat(new String(open.body(), StandardCharsets.UTF_8)).doesNotContain(accountNo);

        SimTestClient.Reply balance = send("ACCOUNT_BALANCE_INQUIRY", Messages.balance(accountNo));
        assertAnswer(balance, "00");
        assertThat(balance.plainTrxInfo().list("balList")).contains(
                obj("balType", "LEDGER", "balAmt", "100.00", "balCurrency", "344"));

        assertAnswer(send("CREDIT_TRANSACTION", Messages.credit(accountNo, AGENT, "400.00")), "00");
        String debit = Messages.msgId();
        assertAnswer(client.send("DEBIT_TRANSACTION", debit, Messages.debit(accountNo, BILLER, "50.00", "1.00")), "00");
        assertAnswer(send("P2P_TRANSFER", Messages.p2p(accountNo, customer(100), "49.00", "0")), "00");
        assertThat(ledger.balanceMinor(accountNo)).isEqualTo(40_000);

        String token = "500000000000000001";
        String cashOut = Messages.msgId();
        assertAnswer(client.send("GET_CASH_OUT_TOKEN", cashOut, Messages.cashOut(token,
                Messages.stamp(Instant.now().plus(Duration.ofMinutes(30))), accountNo, "100.00")), "00");
        assertThat(ledger.availableMinor(accountNo)).isEqualTo(30_000);
        SimTestClient.Reply withdrawn = client.call("POST", "/sim/withdraw",
                ("{\"trxToken\":\"" + token + "\",\"agentMid\":\"" + AGENT + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(new String(withdrawn.body(), StandardCharsets.UTF_8)).contains("\"result\":\"WITHDRAWN\"")
                .contains("\"responseCode\":\"00\"");
        assertThat(WITHDRAWALS).filteredOn(w -> w.trxToken().equals(token)).singleElement().satisfies(w -> {
            assertThat(w.amountMinor()).isEqualTo(10_000L);
            assertThat(w.holdMsgId()).isEqualTo(cashOut);
        });
        assertThat(ledger.balanceMinor(accountNo)).isEqualTo(30_000);

        SimTestClient.Reply reversal = send("REVERSAL", Messages.reversal(debit, "DEBIT_TRANSACTION", "50.00"));
        assertAnswer(reversal, "00");
        assertThat(reversal.plainTrxInfo().string("reversalStatus")).isEqualTo("REVERSED");
        assertThat(ledger.balanceMinor(accountNo)).isEqualTo(35_100);

        SimTestClient.Reply inquiry = send("TRANSACTION_INQUIRY", Messages.inquiry(debit, "DEBIT_TRANSACTION"));
        assertAnswer(inquiry, "00");
        assertThat(inquiry.plainTrxInfo().string("paymentStatus")).isEqualTo("REVERSED");
        assertThat(inquiry.plainTrxInfo().string("origRespCode")).isEqualTo("00");
    }

    @Test
    void aRetryOverTheWireGetsTheIdenticalAnswerAndOneSetOfPostings() throws Exception {
        String msgId = Messages.msgId();
        byte[] body = client.body("DEBIT_TRANSACTION", msgId, Messages.debit(customer(101), BILLER, "10.00", "0"));
        SimTestClient.Reply first = client.post("/cbs/debit_transaction", body);
        SimTestClient.Reply second = client.post("/cbs/debit_transaction", body);
        byte[] reEncrypted = client.body("DEBIT_TRANSACTION", msgId, Messages.debit(customer(101), BILLER, "10.00",
                "0"));
        SimTestClient.Reply third = client.post("/cbs/debit_transaction", reEncrypted);
        assertAnswer(first, "00");
        for (SimTestClient.Reply retry : List.of(second, third)) {
            assertAnswer(retry, "00");
            assertThat(retry.envelope().msgResponse()).isEqualTo(first.envelope().msgResponse());
            assertThat(retry.envelope().trxInfo()).isEqualTo(first.envelope().trxInfo());
        }
        assertThat(sim.ledger().postingCount(msgId)).isEqualTo(2);
        assertThat(sim.ledger().balanceMinor(customer(101))).isEqualTo(99_000);

        SimTestClient.Reply otherType = client.send("CREDIT_TRANSACTION", msgId,
                Messages.credit(customer(101), AGENT, "1.00"));
        assertAnswer(otherType, "94");
        assertThat(sim.ledger().balanceMinor(customer(101))).isEqualTo(99_000);
    }

    @Test
    void openAccountReplaysTheSameAccountEncryptedAfresh() throws Exception {
        assertAnswer(send("KYC_VERIFICATION", Messages.kyc("IT-KYC-2", "Q1")), "00");
        String msgId = Messages.msgId();
        SimTestClient.Reply first = client.send("OPEN_ACCOUNT", msgId, Messages.openAccount("IT-KYC-2"));
        SimTestClient.Reply again = client.send("OPEN_ACCOUNT", msgId, Messages.openAccount("IT-KYC-2"));
        assertAnswer(first, "00");
        assertAnswer(again, "00");
        assertThat(again.plainTrxInfo()).isEqualTo(first.plainTrxInfo());
        assertThat(sim.ledger().postingCount(msgId)).isEqualTo(2);
    }

    @Test
    void aTombstonedOriginalArrivingLateIsRefusedOverTheWire() throws Exception {
        String lost = Messages.msgId();
        SimTestClient.Reply reversal = send("REVERSAL", Messages.reversal(lost, "DEBIT_TRANSACTION", "5.00"));
        assertAnswer(reversal, "00");
        assertThat(reversal.plainTrxInfo().string("reversalStatus")).isEqualTo("NOTHING_TO_REVERSE");
        assertAnswer(send("TRANSACTION_INQUIRY", Messages.inquiry(lost, "DEBIT_TRANSACTION")), "25");
        assertAnswer(client.send("DEBIT_TRANSACTION", lost, Messages.debit(customer(102), BILLER, "5.00", "0")), "12");
        assertThat(sim.ledger().balanceMinor(customer(102))).isEqualTo(100_000);
    }

    @Test
    void refusalsTravelAsSignedAnswers() throws Exception {
        assertAnswer(send("KYC_VERIFICATION", Messages.kyc("IT-KYC-3", "REJECT-1")), "05");
        assertAnswer(send("DEBIT_TRANSACTION", Messages.debit(customer(103), BILLER, "5000.00", "0")), "51");
        assertAnswer(send("DEBIT_TRANSACTION", Messages.debit(customer(103), "NOBODY000000001", "1.00", "0")), "03");
        assertAnswer(send("ACCOUNT_BALANCE_INQUIRY", Messages.balance("123123123123")), "14");
        assertAnswer(send("P2P_TRANSFER", Messages.p2p(customer(103), customer(103), "1.00", "0")), "12");
    }

    @Test
    void parallelDebitsOverHttpNeverOverdraw() throws Exception {
        List<String> codes = Race.run(24, i -> {
            try {
                return send("DEBIT_TRANSACTION", Messages.debit(customer(104), BILLER, "100.00", "0")).code();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(codes).filteredOn("00"::equals).hasSize(10);
        assertThat(codes).filteredOn("51"::equals).hasSize(14);
        assertThat(sim.ledger().balanceMinor(customer(104))).isZero();
        assertThat(sim.ledger().totalMinor()).isZero();
    }

    @Test
    void withdrawalsThroughTheApi() throws Exception {
        String token = "500000000000000002";
        assertAnswer(send("GET_CASH_OUT_TOKEN", Messages.cashOut(token,
                Messages.stamp(Instant.now().plus(Duration.ofMinutes(30))), customer(105), "20.00")), "00");
        assertThat(sim.withdraw(token, AGENT)).isEqualTo(WithdrawalResult.WITHDRAWN);
        assertThat(sim.withdraw(token, AGENT)).isEqualTo(WithdrawalResult.ALREADY_WITHDRAWN);
        assertThat(sim.withdraw("999999999999999999", AGENT)).isEqualTo(WithdrawalResult.UNKNOWN_TOKEN);
        assertThat(sim.ledger().balanceMinor(customer(105))).isEqualTo(98_000);
    }
}
