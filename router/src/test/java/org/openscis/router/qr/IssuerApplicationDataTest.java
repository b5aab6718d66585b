package org.openscis.router.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IssuerApplicationDataTest {

    @Test
    void anEightDigitInsIdFollowsTheChipLayoutAsInUpisSample() {
        // 9F10 of the protocol.md §7.7 sample (insID 39999999)
        assertThat(HexFormat.of().withUpperCase().formatHex(IssuerApplicationData.forInsId("39999999")))
                .isEqualTo("07000103A0000001083339393939393939");
        assertThat(IssuerApplicationData.forInsId("39999999")).hasSize(IssuerApplicationData.LENGTH_BYTES);
    }

    @Test
    void shorterInsIdsAreZeroPaddedOnTheLeftLongerOnesKeepTheirLastEight() {
        assertThat(tail(IssuerApplicationData.forInsId("123"))).isEqualTo("00000123");
        assertThat(tail(IssuerApplicationData.forInsId("ABCD1234567890XY"))).isEqualTo("567890XY");
    }

    private static String tail(byte[] iad) {
        return new String(iad, 9, 8, StandardCharsets.US_ASCII);
    }
}
