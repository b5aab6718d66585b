package org.openscis.connector.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import org.openscis.codec.envelope.TrxInfo;

/** Request trxInfo of each CBS message as the switch sends it (JWE fields as plain nested objects). */
public final class Messages {

    public static final String PRODUCT = "1003";
    public static final String BILLER = "BILLER000000001";
    public static final String AGENT = "AGENT0000000001";
    public static final String FEE = "FEE-344";
    public static final String FUNDING = "FUNDING-344";
    public static final String SETTLEMENT = "SETTLEMENT-344";
    public static final String HKD = "344";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final AtomicInteger STAN = new AtomicInteger();

    private Messages() {}

    /** A fresh cbsMsgId: {@code U} + IIN + yyyyMMddHHmmss + 6-digit STAN (29 characters). */
    public static String msgId() {
        return "U" + SimKeys.IIN + STAMP.format(Instant.now()) + String.format("%06d", STAN.incrementAndGet() % 1_000_000);
    }

    /** Seeded customer account {@code n} (1 to 500). */
    public static String customer(int n) {
        return String.format("%012d", 100_000_000_000L + n);
    }

    public static TrxInfo obj(Object... namesAndValues) {
        TrxInfo.Builder b = TrxInfo.builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    public static TrxInfo kyc(String referNo, String idNo) {
        return obj("insPrd", PRODUCT, "userID", "3329941324335104", "deviceID", "1b5ddc2562a8de5b4e175d418f5b7edf",
                "cvmInfo", obj("firstName", "Chen", "lastName", "Kai", "idType", "ID card", "idNo", idNo,
                        "idCountry", HKD, "mobileNo", "85291234567"),
                "referNo", referNo);
    }

    public static TrxInfo openAccount(String referNo) {
        return obj("insPrd", PRODUCT, "userID", "3329941324335104",
                "cvmInfo", obj("firstName", "Chen", "lastName", "Kai", "idType", "ID card", "idNo", "A1234567",
                        "idCountry", HKD),
                "referNo", referNo);
    }

    public static TrxInfo balance(String accountNo) {
        return obj("accountInfo", obj("accountNo", accountNo), "referNo", "119771");
    }

    private static TrxInfo accountInfo(String accountNo) {
        return obj("token", "6292610358444335641", "pan", "6292610358444335641", "accountNo", accountNo);
    }

    public static TrxInfo debit(String accountNo, String mid, String amount, String fee) {
        return obj("relTrxMsgID", "A3999999920190808110216974867", "relTrxType", "BILL_PAYMENT",
                "merchantInfo", obj("mid", mid, "merchantName", "Demo Biller", "mcc", "4900",
                        "merchantCountry", HKD, "termId", "00104001"),
                "onUsFlag", "Y", "debitAccountInfo", accountInfo(accountNo),
                "trxAmt", amount, "trxCurrency", HKD, "billAmt", amount, "billCurrency", HKD,
                "feeAmt", fee, "markupAmt", "0", "retrivlRefNum", "080887948744", "transDatetime", "0808110118",
                "traceNum", "000001");
    }

    /** An off-us DEBIT_TRANSACTION: a merchant of another acquirer paid by merchant-presented QR. */
    public static TrxInfo offUsDebit(String accountNo, String amount, String fee) {
        return debit(accountNo, "123456789012345", amount, fee).toBuilder()
                .put("relTrxType", "MPQRC_PAYMENT_EMV")
                .put("onUsFlag", "N")
                .put("merchantInfo", obj("acquirerIIN", "00010344", "fwdIIN", "00010344", "mid", "123456789012345",
                        "merchantName", "Demo Noodles", "mcc", "5812", "merchantCountry", HKD, "termId", "T0000001"))
                .build();
    }

    /** An off-us CREDIT_TRANSACTION: a refund of a QR payment, taken from the settlement account. */
    public static TrxInfo offUsCredit(String accountNo, String amount, String origMsgId) {
        return credit(accountNo, "123456789012345", amount).toBuilder()
                .put("relTrxType", "REFUND")
                .put("onUsFlag", "N")
                .put("origMsgID", origMsgId)
                .put("origMsgType", "CPQRC_PAYMENT")
                .put("merchantInfo", obj("acquirerIIN", "00010344", "fwdIIN", "00010344", "mid", "123456789012345",
                        "merchantName", "Demo Noodles", "mcc", "5812", "merchantCountry", HKD, "termId", "T0000001"))
                .build();
    }

    public static TrxInfo credit(String accountNo, String mid, String amount) {
        return obj("relTrxMsgID", "A3999999920190808110216974867", "relTrxType", "CREDIT_TRANSACTION",
                "merchantInfo", obj("mid", mid, "merchantName", "Demo Agent"),
                "creditAccountInfo", accountInfo(accountNo),
                "trxAmt", amount, "trxCurrency", HKD, "billAmt", amount, "billCurrency", HKD,
                "retrivlRefNum", "080887948744", "transDatetime", "0808110118", "traceNum", "000002");
    }

    public static TrxInfo p2p(String payer, String payee, String amount, String fee) {
        return obj("relTrxMsgID", "A3999999920190808110216974867",
                "debitAccountInfo", accountInfo(payer),
                "creditAccountInfo", obj("accountNo", payee, "firstName", "Demo", "lastName", "Payee"),
                "trxAmt", amount, "trxCurrency", HKD, "billAmt", amount, "billCurrency", HKD,
                "feeAmt", fee, "markupAmt", "0", "traceNum", "000003", "transDatetime", "0808110118");
    }

    public static TrxInfo cashOut(String trxToken, String tokenExpiry, String accountNo, String amount) {
        return obj("relTrxMsgID", "A3999999920190808110216974867", "trxTokenType", "WITHDRAW",
                "trxToken", trxToken, "tokenExpiry", tokenExpiry, "debitAccountInfo", accountInfo(accountNo),
                "trxAmt", amount, "trxCurrency", HKD, "traceNum", "000004", "transDatetime", "0808110118");
    }

    /** {@code yyyyMMddHHmmss} (UTC) of an instant, the format of {@code tokenExpiry}. */
    public static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    public static TrxInfo reversal(String origMsgId, String origMsgType, String amount) {
        return obj("origMsgId", origMsgId, "origMsgType", origMsgType, "trxAmt", amount, "trxCurrency", HKD,
                "traceNum", "000005", "transDatetime", "0808110118");
    }

    public static TrxInfo inquiry(String origTrxId, String origTrxType) {
        return obj("origTrxId", origTrxId, "origTrxType", origTrxType);
    }
}
