package org.openscis.codec.envelope;

/**
 * One SCIS message: {@code msgInfo}, optional {@code trxInfo}, and {@code msgResponse} on responses.
 * {@code trxInfo} and {@code msgResponse} may be null; {@code msgInfo} is null only for the bare error body of
 * decisions.md §2 (a request whose msgInfo could not be read).
 */
public record Envelope(MsgInfo msgInfo, TrxInfo trxInfo, MsgResponse msgResponse) {

    public static Envelope request(MsgInfo msgInfo, TrxInfo trxInfo) {
        return new Envelope(msgInfo, trxInfo, null);
    }

    public static Envelope response(MsgInfo msgInfo, TrxInfo trxInfo, MsgResponse msgResponse) {
        return new Envelope(msgInfo, trxInfo, msgResponse);
    }

    public TrxInfo trxInfoOrEmpty() {
        return trxInfo == null ? TrxInfo.EMPTY : trxInfo;
    }
}
