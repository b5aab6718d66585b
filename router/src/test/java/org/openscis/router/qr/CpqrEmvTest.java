package org.openscis.router.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CpqrEmvTest {

    /** The protocol.md §7.7 sample (UPI test traffic). */
    private static final String SAMPLE = "hQVDUFYwMWFYTwigAAADMwEBAVcTYpJhA1hEQzVkHSIQIBAAABiAH180AQBjM58mCFaLEtnaC9l/"
            + "nycBgJ8QEQcAAQOgAAABCDM5OTk5OTk5nzYCAAGCAgAAnzcE6gZYyA==";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final CpqrEmv emv = new CpqrEmv();

    @Test
    void thePayloadHasExactlyTheTagSetOfUpisSamples() {
        String built = emv.build("6292610358444335641", "2210", 1, HEX.parseHex("EA0658C8"),
                HEX.parseHex("568B12D9DA0BD97F"), "39999999");

        String sampleHex = HEX.formatHex(Base64.getDecoder().decode(SAMPLE));
        // only the discretionary data of track 2 differs: ten zeros instead of the sample's 0000018801
        assertThat(HEX.formatHex(Base64.getDecoder().decode(built)))
                .isEqualTo(sampleHex.replace("D22102010000018801F", "D22102010000000000F"));
        assertThat(built).startsWith("hQVDUFYwMW").hasSize(SAMPLE.length());
    }

    @Test
    void aSixteenDigitTokenNeedsNoPad() {
        String built = emv.build("6292610358444335", "2210", 258, new byte[4], new byte[8], "39999999");
        String hex = HEX.formatHex(Base64.getDecoder().decode(built));
        assertThat(hex).contains("57116292610358444335D22102010000000000").contains("9F36020102");
    }

    @Test
    void readingGivesBackWhatTheCryptogramCovers() {
        CpqrEmv.Read read = emv.read(SAMPLE);

        assertThat(read).isInstanceOf(CpqrEmv.Read.Fields.class);
        CpqrEmv.Read.Fields f = (CpqrEmv.Read.Fields) read;
        assertThat(f.token()).isEqualTo("6292610358444335641");
        assertThat(f.expiryYymm()).isEqualTo("2210");
        assertThat(f.atc()).isEqualTo(1);
        assertThat(HEX.formatHex(f.unpredictableNumber())).isEqualTo("EA0658C8");
        assertThat(HEX.formatHex(f.aip())).isEqualTo("0000");
        assertThat(HEX.formatHex(f.cryptogram())).isEqualTo("568B12D9DA0BD97F");
        assertThat(f.toString()).doesNotContain("6292610358444335641");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "AAAA", "hQVDUFYwMQ==", "6236098835899996543"})
    void whatIsNotAPayloadOfTheSwitchsFormIsUnreadable(String payload) {
        assertThat(emv.read(payload)).isInstanceOf(CpqrEmv.Read.Unreadable.class);
    }

    @Test
    void aPayloadWithoutTheTransparentTemplateIsUnreadable() {
        // 85 CPV01, 61 { 4F A000000333010101, 57 token D 2210 201 F }
        byte[] bare = HEX.parseHex("8505435056303161174F08A000000333010101570B6292610358444335D2210201");
        assertThat(emv.read(Base64.getEncoder().encodeToString(bare)))
                .isInstanceOf(CpqrEmv.Read.Unreadable.class);
    }

    @Test
    void aNonUnionPayApplicationIsUnreadable() {
        String visa = HEX.formatHex(Base64.getDecoder().decode(SAMPLE)).replace("A000000333010101",
                "A000000003101001");
        assertThat(emv.read(Base64.getEncoder().encodeToString(HEX.parseHex(visa))))
                .isInstanceOf(CpqrEmv.Read.Unreadable.class);
    }
}
