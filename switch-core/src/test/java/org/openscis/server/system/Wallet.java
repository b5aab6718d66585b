package org.openscis.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.client.SignedExchange;

/**
 * The App Gateway's side of the issue-3 flows against a {@link RunningSwitch}: builds the requests as a wallet back
 * end would, sends them through the real client (JWE fields encrypted to the switch, signed), and checks every
 * response signature. Card data it sees is registered with the {@link ClearTextWatch}.
 */
final class Wallet {

    static final String PRODUCT = "1003";
    static final String CURRENCY = "344";
    static final String BILLER = "BILLER000000001";
    static final String AGENT = "AGENT0000000001";
    static final String FEE_ACCOUNT = "FEE-344";

    /** A token held by this wallet: its device, user and the account behind it (null when unknown here). */
    record Card(String token, String deviceId, String userId, String accountNo, String pan) {}

    private final RunningSwitch sw;
    private final ClearTextWatch watch;
    private final SeededAccounts accounts = new SeededAccounts();

    Wallet(RunningSwitch sw, ClearTextWatch watch) {
        this.sw = sw;
        this.watch = watch;
    }

    static String device() {
        return "dev" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    static String user() {
        return "usr" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /** A seeded account of the embedded CBS (1,000.00 HKD) that no other test of the suite uses. */
    String seededAccount() {
        return watch.secret(accounts.next());
    }

    /** Sends and checks the response's signature. */
    SignedExchange call(String type, TrxInfo trx) {
        return checked(sw.client.call(type, trx).join());
    }

    /** Sends under a given msgID (a retry, or a request referred to later) and checks the response's signature. */
    SignedExchange call(String type, TrxInfo trx, String msgId) {
        return checked(sw.client.call(type, trx, msgId).join());
    }

    String newMsgId() {
        return sw.client.newMsgId();
    }

    private static SignedExchange checked(SignedExchange ex) {
        assertThat(ex.signatureValid()).as("response signature: " + ex.signatureReason()).isTrue();
        return ex;
    }

    /** A token on a fresh seeded account, through CARD_ENROLLMENT. */
    Card enrolSeeded() {
        return enrol(seededAccount());
    }

    /** A token on {@code accountNo} through CARD_ENROLLMENT; asserts 00. */
    Card enrol(String accountNo) {
        String device = device();
        String user = user();
        SignedExchange ex = call("CARD_ENROLLMENT", TrxInfo.builder().put("deviceID", device).put("userID", user)
                .put("prdNo", PRODUCT).put("cvmInfo", TrxInfo.builder().put("accountNo", accountNo)
                        .put("firstName", "Chen").put("lastName", "Kai").build()).build());
        assertThat(ex.responseCode()).as("enrolment").isEqualTo("00");
        String pan = watch.secret(sw.client.decryptResponseFields(ex.trxInfo()).trxInfo().string("pan"));
        return new Card(ex.trxInfo().string("token"), device, user, accountNo, pan);
    }

    /** KYC_VERIFICATION data with the product's required fields; an {@code idNo} starting REJECT is refused (05). */
    TrxInfo kyc(String device, String user, String idNo) {
        watch.secret(idNo);
        return TrxInfo.builder().put("deviceID", device).put("userID", user).put("prdNo", PRODUCT)
                .put("cvmInfo", TrxInfo.builder().put("firstName", "Mei").put("lastName", "Lin")
                        .put("idType", "ID card").put("idNo", idNo).put("idCountry", "344").build())
                .build();
    }

    /** A fresh ID number the simulator approves. */
    static String idNo() {
        return "ID" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
    }

    static TrxInfo openAccount(String device, String user, String kycMsgId, String referNo) {
        return TrxInfo.builder().put("deviceID", device).put("userID", user).put("origMsgID", kycMsgId)
                .put("origReferNo", referNo).build();
    }

    static TrxInfo.Builder tokenTrx(Card c) {
        return TrxInfo.builder().put("deviceID", c.deviceId()).put("userID", c.userId()).put("token", c.token());
    }

    static TrxInfo balance(Card c) {
        return tokenTrx(c).build();
    }

    static TrxInfo billPayment(Card c, String amount) {
        return billPayment(c, amount, BILLER);
    }

    static TrxInfo billPayment(Card c, String amount, String mid) {
        return tokenTrx(c).put("trxAmt", amount).put("trxCurrency", CURRENCY).put("trxNote", "electricity")
                .put("merchantInfo", TrxInfo.builder().put("mid", mid).put("merchantName", "Demo Biller").build())
                .build();
    }

    static TrxInfo credit(Card c, String amount) {
        return tokenTrx(c).put("trxAmt", amount).put("trxCurrency", CURRENCY).put("trxNote", "top-up")
                .put("merchantInfo", TrxInfo.builder().put("mid", AGENT).put("merchantName", "Demo Agent").build())
                .build();
    }

    static TrxInfo p2p(Card c, String payeeAccount, String amount) {
        return tokenTrx(c).put("trxAmt", amount).put("trxCurrency", CURRENCY).put("trxNote", "dinner")
                .put("creditAccountInfo", TrxInfo.builder().put("accountNo", payeeAccount).build()).build();
    }

    static TrxInfo cashOut(Card c, String amount) {
        return tokenTrx(c).put("trxTokenType", "WITHDRAW").put("trxAmt", amount).put("trxCurrency", CURRENCY)
                .build();
    }

    static TrxInfo resultInquiry(Card c, String origMsgId, String origMsgType) {
        return tokenTrx(c).put("origMsgID", origMsgId).put("origMsgType", origMsgType).build();
    }

    /** CARD_BALANCE_INQUIRY's answer; asserts 00. */
    TrxInfo balanceOf(Card c) {
        SignedExchange ex = call("CARD_BALANCE_INQUIRY", balance(c));
        assertThat(ex.responseCode()).as("balance inquiry").isEqualTo("00");
        return ex.trxInfo();
    }
}
