package org.openscis.connector.sim.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.connector.sim.Messages.customer;
import static org.openscis.connector.sim.Messages.obj;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.Messages;

class AccountMessagesTest {

    private static BankFixture f;

    @BeforeAll
    static void open() {
        f = new BankFixture();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @Test
    void seedHasFiveHundredCustomersTheMerchantsAndABalancedLedger() {
        Ledger ledger = f.ledger();
        assertThat(ledger.accountsOfKind(AccountKind.CUSTOMER)).hasSizeGreaterThanOrEqualTo(500)
                .contains(customer(1), customer(500));
        assertThat(ledger.accountsOfKind(AccountKind.MERCHANT)).contains(Messages.BILLER, Messages.AGENT);
        assertThat(ledger.accountsOfKind(AccountKind.FEE)).containsExactly(Messages.FEE);
        assertThat(ledger.balanceMinor(customer(1))).isEqualTo(100_000);
        assertThat(ledger.balanceMinor(Messages.AGENT)).isEqualTo(100_000_000);
        assertThat(ledger.balanceMinor(Messages.BILLER)).isZero();
        assertThat(ledger.balanceMinor(Messages.FUNDING)).isNegative();
        assertThat(ledger.account(customer(7)).orElseThrow().lastName()).isEqualTo("Holder 7");
        assertThat(ledger.postingCount("SEED-" + customer(3))).isEqualTo(2);
        f.assertSound();
    }

    @Test
    void kycApprovedRejectedAndInvalid() {
        BankReply ok = f.send("KYC_VERIFICATION", Messages.kyc("KYC-OK-1", "A1234567"));
        assertThat(ok.code()).isEqualTo("00");
        assertThat(ok.trxInfo().string("referNo")).isEqualTo("KYC-OK-1");

        assertThat(f.send("KYC_VERIFICATION", Messages.kyc("KYC-REJ-1", "REJECT-99")).code()).isEqualTo("05");
        assertThat(f.send("KYC_VERIFICATION", Messages.kyc("KYC-OK-1", "A1234567")).code())
                .as("a second KYC with the same reference").isEqualTo("94");

        for (String missing : List.of("idNo", "idType", "lastName")) {
            TrxInfo trx = Messages.kyc("KYC-MISS-" + missing, "A1");
            TrxInfo cvm = trx.object("cvmInfo").toBuilder().remove(missing).build();
            BankReply reply = f.send("KYC_VERIFICATION", trx.toBuilder().put("cvmInfo", cvm).build());
            assertThat(reply.code()).as(missing).isEqualTo("70");
            assertThat(reply.message()).contains(missing);
        }
        TrxInfo noCvm = Messages.kyc("KYC-NOCVM", "A1").toBuilder().remove("cvmInfo").build();
        assertThat(f.send("KYC_VERIFICATION", noCvm).code()).isEqualTo("70");
        TrxInfo otherProduct = Messages.kyc("KYC-PRD", "A1").toBuilder().put("insPrd", "9999").build();
        assertThat(f.send("KYC_VERIFICATION", otherProduct).code()).isEqualTo("70");
        TrxInfo noRefer = Messages.kyc("x", "A1").toBuilder().remove("referNo").build();
        assertThat(f.send("KYC_VERIFICATION", noRefer).code()).isEqualTo("30");
    }

    @Test
    void openAccountAfterKycGetsANewNumberAndTheOpeningBalance() {
        assertThat(f.send("KYC_VERIFICATION", Messages.kyc("KYC-OPEN-1", "B7654321")).code()).isEqualTo("00");
        String msgId = Messages.msgId();
        BankReply reply = f.bank.handle(msgId, "OPEN_ACCOUNT", Messages.openAccount("KYC-OPEN-1"));

        assertThat(reply.code()).isEqualTo("00");
        TrxInfo accountInfo = reply.trxInfo().object("accountInfo");
        String accountNo = accountInfo.string("accountNo");
        assertThat(accountNo).matches("2\\d{11}");
        assertThat(accountInfo.string("firstName")).isEqualTo("Chen");
        assertThat(accountInfo.string("lastName")).isEqualTo("Kai");
        assertThat(accountInfo.string("accountStatus")).isEqualTo("ACTIVE");
        assertThat(accountInfo.string("accountTier")).isEqualTo("1");
        assertThat(accountInfo.string("countryCode")).isEqualTo("344");
        assertThat(reply.trxInfo().string("referNo")).isEqualTo("KYC-OPEN-1");
        assertThat(f.ledger().balanceMinor(accountNo)).isEqualTo(10_000);
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(2);

        BankReply again = f.bank.handle(msgId, "OPEN_ACCOUNT", Messages.openAccount("KYC-OPEN-1"));
        assertThat(again).as("the same msgID opens no second account").isEqualTo(reply);
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(2);

        assertThat(f.send("OPEN_ACCOUNT", Messages.openAccount("KYC-OPEN-1")).code())
                .as("the KYC reference is consumed").isEqualTo("78");
        f.assertSound();
    }

    @Test
    void openAccountRefusals() {
        assertThat(f.send("OPEN_ACCOUNT", Messages.openAccount("KYC-NEVER")).code()).isEqualTo("25");
        assertThat(f.send("KYC_VERIFICATION", Messages.kyc("KYC-REJ-2", "REJECT1")).code()).isEqualTo("05");
        assertThat(f.send("OPEN_ACCOUNT", Messages.openAccount("KYC-REJ-2")).code()).isEqualTo("05");

        assertThat(f.send("KYC_VERIFICATION", Messages.kyc("KYC-OPEN-2", "C1")).code()).isEqualTo("00");
        TrxInfo noLastName = Messages.openAccount("KYC-OPEN-2").toBuilder()
                .put("cvmInfo", obj("firstName", "Chen")).build();
        assertThat(f.send("OPEN_ACCOUNT", noLastName).code()).isEqualTo("70");
        TrxInfo otherProduct = Messages.openAccount("KYC-OPEN-2").toBuilder().put("insPrd", "77").build();
        assertThat(f.send("OPEN_ACCOUNT", otherProduct).code()).isEqualTo("70");
        TrxInfo noRefer = Messages.openAccount("KYC-OPEN-2").toBuilder().remove("referNo").build();
        assertThat(f.send("OPEN_ACCOUNT", noRefer).code()).isEqualTo("30");
        assertThat(f.send("OPEN_ACCOUNT", Messages.openAccount("KYC-OPEN-2")).code())
                .as("still usable after the refusals").isEqualTo("00");
    }

    @Test
    void balanceInquiryShowsAvailableAndLedgerBalances() {
        BankReply reply = f.send("ACCOUNT_BALANCE_INQUIRY", Messages.balance(customer(20)));
        assertThat(reply.code()).isEqualTo("00");
        List<Object> balances = reply.trxInfo().list("balList");
        assertThat(balances).containsExactly(
                obj("balType", "AVAILABLE", "balAmt", "1000.00", "balCurrency", "344"),
                obj("balType", "LEDGER", "balAmt", "1000.00", "balCurrency", "344"));
        assertThat(reply.trxInfo().string("accountTier")).isEqualTo("1");

        assertThat(f.send("ACCOUNT_BALANCE_INQUIRY", Messages.balance("999999999999")).code()).isEqualTo("14");
        assertThat(f.send("ACCOUNT_BALANCE_INQUIRY", Messages.balance(Messages.BILLER)).code())
                .as("only customer accounts").isEqualTo("14");
        assertThat(f.send("ACCOUNT_BALANCE_INQUIRY", obj("referNo", "1")).code()).isEqualTo("30");
    }
}
