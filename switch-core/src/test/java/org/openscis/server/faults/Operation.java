package org.openscis.server.faults;

import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;

/**
 * One planned App Gateway money request. Its {@code msgId} is kept for every retry; {@code referNo} (absent for a
 * cash-out token, where the switch makes it) is unique, so TRX_RESULT_NOTIFICATIONs can be matched to the request.
 *
 * @param payee        the receiving wallet of a P2P_TRANSFER (null otherwise, or when {@code payeeAccount} is an
 *                     account no wallet holds)
 * @param payeeAccount the account a P2P_TRANSFER credits (null otherwise)
 * @param payeeByToken whether the transfer names the payee by token rather than by account number
 */
record Operation(int index, MoneyKind kind, Wallet wallet, Wallet payee, String payeeAccount, boolean payeeByToken,
        long amountMinor, long feeMinor, String msgId, String referNo) {

    static final Currency HKD = Currency.byNumeric("344").orElseThrow();
    static final String BILLER = "BILLER000000001";
    static final String AGENT = "AGENT0000000001";

    String trxAmt() {
        return new Amount(amountMinor, HKD).toWire();
    }

    /** What leaves or reaches the wallet's account: the amount plus any fee. */
    long totalMinor() {
        return amountMinor + feeMinor;
    }

    /** The request's trxInfo in clear (the sender encrypts {@code creditAccountInfo} once, for every retry). */
    TrxInfo trxInfo() {
        TrxInfo.Builder b = TrxInfo.builder();
        switch (kind) {
            case BILL_PAYMENT -> b.put("deviceID", wallet.deviceId()).put("userID", wallet.userId())
                    .put("token", wallet.token()).put("trxAmt", trxAmt()).put("trxCurrency", HKD.numeric())
                    .put("trxFeeAmt", feeMinor > 0 ? new Amount(feeMinor, HKD).toWire() : null)
                    .put("trxNote", "fault bill " + index)
                    .put("merchantInfo", TrxInfo.builder().put("mid", BILLER).put("merchantName", "Demo Biller")
                            .build())
                    .put("referNo", referNo);
            case CREDIT_TRANSACTION -> b.put("token", wallet.token()).put("trxAmt", trxAmt())
                    .put("trxCurrency", HKD.numeric()).put("trxNote", "fault top-up " + index)
                    .put("merchantInfo", TrxInfo.builder().put("mid", AGENT).put("merchantName", "Demo Agent")
                            .build())
                    .put("referNo", referNo);
            case P2P_TRANSFER -> b.put("deviceID", wallet.deviceId()).put("userID", wallet.userId())
                    .put("token", wallet.token())
                    .put("creditAccountInfo", payeeByToken
                            ? TrxInfo.builder().put("token", payee.token()).build()
                            : TrxInfo.builder().put("accountNo", payeeAccount).build())
                    .put("trxAmt", trxAmt()).put("trxCurrency", HKD.numeric())
                    .put("trxNote", "fault transfer " + index).put("referNo", referNo);
            case GET_CASH_OUT_TOKEN -> b.put("deviceID", wallet.deviceId()).put("userID", wallet.userId())
                    .put("token", wallet.token()).put("trxTokenType", "WITHDRAW").put("trxAmt", trxAmt())
                    .put("trxCurrency", HKD.numeric());
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "#" + index + " " + kind + " " + trxAmt() + (feeMinor > 0 ? "+fee" : "") + " " + msgId + " by "
                + wallet + (payeeAccount == null ? "" : payee != null ? " to " + payee : " to an outside account");
    }
}
