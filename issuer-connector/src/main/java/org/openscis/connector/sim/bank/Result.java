package org.openscis.connector.sim.bank;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;

/**
 * What a processor decided for one message: the reply and what the movement row records about it (state, the
 * message's amount, the message it refers to).
 */
record Result(ResponseCode code, String message, TrxInfo trxInfo, MovementState state, Amount amount,
        String origMsgId) {

    static Result approved(TrxInfo trxInfo) {
        return new Result(ResponseCode.APPROVED, ResponseCode.APPROVED.message(), trxInfo, MovementState.APPROVED,
                null, null);
    }

    /** A refusal; {@code reason} (never card data) becomes the responseMsg, or the code's standard text if null. */
    static Result declined(ResponseCode code, String reason) {
        return new Result(code, reason == null ? code.message() : reason, TrxInfo.EMPTY, MovementState.DECLINED,
                null, null);
    }

    Result withAmount(Amount value) {
        return new Result(code, message, trxInfo, state, value, origMsgId);
    }

    Result withOrigMsgId(String value) {
        return new Result(code, message, trxInfo, state, amount, value);
    }

    BankReply reply() {
        return new BankReply(code.code(), message, trxInfo);
    }
}
