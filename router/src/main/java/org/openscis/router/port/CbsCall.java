package org.openscis.router.port;

import java.util.Objects;
import org.openscis.codec.envelope.TrxInfo;

/**
 * One call to the CBS. {@code trxInfo} is plain text: the adapter encrypts the JWE fields ({@code cvmInfo},
 * {@code accountInfo}, {@code debitAccountInfo}, {@code creditAccountInfo}) to the issuer's key, given here as nested
 * objects. {@code cbsMsgId} is the switch's msgID for the CBS (decisions.md §9); the CBS is idempotent on it.
 */
public record CbsCall(CbsOperation operation, String cbsMsgId, TrxInfo trxInfo) {

    public CbsCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(cbsMsgId, "cbsMsgId");
        Objects.requireNonNull(trxInfo, "trxInfo");
    }

    @Override
    public String toString() {
        return "CbsCall[" + operation + " " + cbsMsgId + "]";
    }
}
