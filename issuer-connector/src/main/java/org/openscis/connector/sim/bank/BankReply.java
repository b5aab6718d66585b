package org.openscis.connector.sim.bank;

import java.util.Objects;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;

/**
 * The simulated bank's answer to one message: response code, message and the plain-text response {@code trxInfo}
 * (never null; empty when there is nothing to return). JWE fields such as {@code accountInfo} are nested objects
 * here; the HTTP layer encrypts them.
 */
public record BankReply(String code, String message, TrxInfo trxInfo) {

    public BankReply {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        trxInfo = trxInfo == null ? TrxInfo.EMPTY : trxInfo;
    }

    static BankReply of(ResponseCode code, String detail) {
        return new BankReply(code.code(), detail == null || detail.isEmpty() ? code.message() : detail, TrxInfo.EMPTY);
    }

    public boolean approved() {
        return ResponseCode.APPROVED.code().equals(code);
    }

    @Override
    public String toString() {
        return "BankReply[" + code + " " + message + "]";
    }
}
