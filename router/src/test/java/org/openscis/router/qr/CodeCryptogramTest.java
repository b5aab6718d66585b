package org.openscis.router.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openscis.router.testing.CpqrFixture;

class CodeCryptogramTest {

    private static final String TOKEN = "6292610358444335641";
    private static final byte[] UN = {1, 2, 3, 4};
    private static final byte[] AIP = {0, 0};

    private final CodeCryptogram c = new CodeCryptogram(CpqrFixture.MASTER_KEY);

    @Test
    void theCryptogramIsEightBytesDeterminedByEveryInput() {
        byte[] base = c.compute(TOKEN, 7, UN, AIP, "2809");
        assertThat(base).hasSize(CodeCryptogram.CRYPTOGRAM_BYTES);
        assertThat(c.compute(TOKEN, 7, UN, AIP, "2809")).isEqualTo(base);
        assertThat(c.compute("6292610358444335658", 7, UN, AIP, "2809")).isNotEqualTo(base);
        assertThat(c.compute(TOKEN, 8, UN, AIP, "2809")).isNotEqualTo(base);
        assertThat(c.compute(TOKEN, 7, new byte[] {1, 2, 3, 5}, AIP, "2809")).isNotEqualTo(base);
        assertThat(c.compute(TOKEN, 7, UN, new byte[] {0, 1}, "2809")).isNotEqualTo(base);
        assertThat(c.compute(TOKEN, 7, UN, AIP, "2810")).isNotEqualTo(base);
        byte[] otherKey = new byte[CodeCryptogram.MASTER_KEY_BYTES];
        assertThat(new CodeCryptogram(otherKey).compute(TOKEN, 7, UN, AIP, "2809")).isNotEqualTo(base);
    }

    @Test
    void verifyAcceptsOnlyTheExactCryptogramAndNeverThrows() {
        byte[] ac = c.compute(TOKEN, 65535, UN, AIP, "2809");
        assertThat(c.verify(ac, TOKEN, 65535, UN, AIP, "2809")).isTrue();
        byte[] flipped = ac.clone();
        flipped[7] ^= 1;
        assertThat(c.verify(flipped, TOKEN, 65535, UN, AIP, "2809")).isFalse();
        assertThat(c.verify(Arrays.copyOf(ac, 7), TOKEN, 65535, UN, AIP, "2809")).isFalse();
        assertThat(c.verify(null, TOKEN, 1, UN, AIP, "2809")).isFalse();
        assertThat(c.verify(ac, null, 1, UN, AIP, "2809")).isFalse();
        assertThat(c.verify(ac, TOKEN, 65536, UN, AIP, "2809")).isFalse();
        assertThat(c.verify(ac, TOKEN, -1, UN, AIP, "2809")).isFalse();
        assertThat(c.verify(ac, TOKEN, 1, new byte[3], AIP, "2809")).isFalse();
        assertThat(c.verify(ac, TOKEN, 1, UN, new byte[1], "2809")).isFalse();
        assertThat(c.verify(ac, TOKEN, 1, UN, AIP, null)).isFalse();
    }

    @Test
    void theMasterKeyMustBe32BytesAndBadShapesAreRefusedWhenComputing() {
        assertThatThrownBy(() -> new CodeCryptogram(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.compute(TOKEN, 65536, UN, AIP, "2809"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.compute(TOKEN, 1, new byte[5], AIP, "2809"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(c.toString()).doesNotContain("5A");
    }
}
