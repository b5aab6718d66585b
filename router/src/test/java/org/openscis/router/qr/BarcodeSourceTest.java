package org.openscis.router.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openscis.codec.qr.Barcodes;

class BarcodeSourceTest {

    @Test
    void barcodesAre19DigitsStarting62AndDoNotRepeat() {
        BarcodeSource source = new BarcodeSource(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String b = source.next();
            assertThat(b).matches("62\\d{17}");
            assertThat(Barcodes.wellFormed(b)).isTrue();
            seen.add(b);
        }
        assertThat(seen).hasSize(1000);
    }
}
