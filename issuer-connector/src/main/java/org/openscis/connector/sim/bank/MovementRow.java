package org.openscis.connector.sim.bank;

import org.openscis.codec.envelope.TrxInfo;

/**
 * A recorded message: its type, state, the response it got (code, message, plain-text trxInfo) and, for money
 * movements, the amount and currency of the message.
 */
record MovementRow(String msgId, String msgType, MovementState state, String responseCode, String responseMsg,
        TrxInfo responseTrxInfo, Long amountMinor, String currency, String origMsgId) {

    BankReply storedReply() {
        return new BankReply(responseCode, responseMsg, responseTrxInfo);
    }
}
