package org.openscis.codec.qr;

/** The UnionPay merchant account carried in MPM ID 15: acquirer IIN (8 digits), forwarding IIN (8 digits), MID (15). */
public record UnionPayAccount(String acquirerIin, String forwardingIin, String merchantId) {

    static final int IIN_CHARS = 8;
    static final int MID_CHARS = 15;
    static final int ID15_CHARS = IIN_CHARS + IIN_CHARS + MID_CHARS;

    /** The ID 15 value this account is written as. */
    public String toId15() {
        return acquirerIin + forwardingIin + merchantId;
    }
}
