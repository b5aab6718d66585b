package org.openscis.codec.envelope;

/** The {@code msgInfo} block every SCIS message starts with (protocol.md §2.2). Fields are kept as sent. */
public record MsgInfo(String versionNo, String msgID, String timeStamp, String msgType, String insID) {

    /** The same block with the switch's own {@code timeStamp}, as responses echo it (decisions.md §2). */
    public MsgInfo withTimeStamp(String newTimeStamp) {
        return new MsgInfo(versionNo, msgID, newTimeStamp, msgType, insID);
    }
}
