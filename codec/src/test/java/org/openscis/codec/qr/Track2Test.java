package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Track2Test {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void oddNibbleCountIsPaddedWithF() {
        Track2 t = new Track2("6292610358444335641", "2210", "201", "0000018801");

        assertThat(HEX.formatHex(t.encode())).isEqualTo("6292610358444335641D22102010000018801F");
        assertThat(Track2.decode(t.encode())).contains(t);
    }

    @Test
    void evenNibbleCountHasNoPad() {
        Track2 t = new Track2("6292611234567890", "3012", "201", "01");

        assertThat(HEX.formatHex(t.encode())).isEqualTo("6292611234567890D301220101");
        assertThat(Track2.decode(t.encode())).contains(t);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "6292610358444335641F", "6292610358444335641D221020", "62926103584D22102010000018801F",
        "6292610358444335641D22102010000018801FFF", "6292610358444335641D2210201000001880FF", "6292610358444335641D2213201F",
        "6292610358444335641D221020100D0018801F", "6292610358444335641A22102010000018801F",
        "62926103584443356411234D22102010000018801F", "F292610358444335641D22102010000018801F",
        "6292610358444335641D2210201000001880100000000000000000000001"})
    void malformedTrack2DoesNotDecode(String hex) {
        assertThat(Track2.decode(HEX.parseHex(hex))).isEmpty();
    }

    @Test
    void nullDoesNotDecode() {
        assertThat(Track2.decode(null)).isEmpty();
    }

    @Test
    void constructorRefusesWhatCannotBeEncoded() {
        assertThatThrownBy(() -> new Track2("62926", "2210", "201", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Track2("6292610358444335641", "2213", "201", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Track2("6292610358444335641", "2210", "2011", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Track2("6292610358444335641", "2210", "201", "12345678901234"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Track2("629261035844433564X", "2210", "201", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringMasksThePanAndHidesTheExpiry() {
        assertThat(new Track2("6292610358444335641", "2210", "201", "0000018801").toString())
                .isEqualTo("Track2[pan=6292********5641, expiry=**, serviceCode=201]");
    }
}
