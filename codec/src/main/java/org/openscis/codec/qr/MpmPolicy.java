package org.openscis.codec.qr;

/**
 * The checks EMVCo only recommends ("should"), so a deployment can relax them.
 *
 * @param maxLengthChars      longest accepted payload in characters (code points); 0 turns the check off
 * @param checkAmountDecimals refuse amounts with more decimals than the currency exponent (needed anyway to convert
 *                            them to minor units without rounding)
 */
public record MpmPolicy(int maxLengthChars, boolean checkAmountDecimals) {

    /** The EMVCo recommended payload limit, in characters. */
    public static final int EMVCO_MAX_LENGTH_CHARS = 512;

    public MpmPolicy {
        if (maxLengthChars < 0) {
            throw new IllegalArgumentException("maxLengthChars must be >= 0");
        }
    }

    /** Every recommended check on: 512 characters, decimals within the currency exponent. */
    public static MpmPolicy strict() {
        return new MpmPolicy(EMVCO_MAX_LENGTH_CHARS, true);
    }
}
