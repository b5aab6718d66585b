package org.openscis.router.qr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tag 9F10 of the codes the switch issues (qr.md §9.3): the UnionPay chip layout seen in UPI's samples, {@code 07 00
 * 01 03 A00000 01 08}, followed by 8 ASCII characters of the App Gateway's insID, 17 bytes in all.
 *
 * <p>The samples only show 8-digit insIDs. The switch accepts insIDs of 1 to 16 letters or digits, so: an insID
 * shorter than 8 characters is left-padded with {@code '0'}, a longer one contributes its last 8 characters (the
 * field is informative; nothing is looked up by it).
 */
public final class IssuerApplicationData {

    public static final int LENGTH_BYTES = 17;
    static final int INS_ID_CHARS = 8;
    private static final byte[] PREFIX = {0x07, 0x00, 0x01, 0x03, (byte) 0xA0, 0x00, 0x00, 0x01, 0x08};

    private IssuerApplicationData() {}

    public static byte[] forInsId(String insId) {
        String eight = insId.length() >= INS_ID_CHARS
                ? insId.substring(insId.length() - INS_ID_CHARS)
                : "0".repeat(INS_ID_CHARS - insId.length()) + insId;
        byte[] out = Arrays.copyOf(PREFIX, LENGTH_BYTES);
        System.arraycopy(eight.getBytes(StandardCharsets.US_ASCII), 0, out, PREFIX.length, INS_ID_CHARS);
        return out;
    }
}
