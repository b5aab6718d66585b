package org.openscis.router.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.testing.CpqrFixture;
import org.openscis.router.testing.InMemoryCpqrCodes;

class CpqrScanTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final CpqrFixture q = new CpqrFixture();
    private final CardRecord card = q.card("C1", "11", "774411220033");
    private final TokenRecord token = q.token("11", card);
    private final CpqrCode code = q.issue(token, card, 1, Duration.ofMinutes(5)).get(0);

    @Test
    void anIssuedCodeIsAcceptedByPayloadAndByBarcode() {
        assertThat(q.scan.scan(code.emvPayload(), null)).isEqualTo(new ScanResult.Accepted(code));
        assertThat(q.scan.scan(null, code.barcode())).isEqualTo(new ScanResult.Accepted(code));
    }

    @Test
    void aUsedCodeIsStillAcceptedHereRedeemDecidesReuse() {
        q.codes.redeem(code.codeId(), "48000001", "M1", q.m.f.clock.instant());
        assertThat(q.scan.scan(code.emvPayload(), null)).isInstanceOf(ScanResult.Accepted.class);
    }

    @Test
    void undecodablePayloadsAndMalformedBarcodesAre30() {
        assertCode(q.scan.scan("garbage", null), ResponseCode.FORMAT_ERROR);
        assertCode(q.scan.scan("", null), ResponseCode.FORMAT_ERROR);
        assertCode(q.scan.scan(null, "7236098835899996543"), ResponseCode.FORMAT_ERROR);
        assertCode(q.scan.scan(null, "623609883589999654"), ResponseCode.FORMAT_ERROR);
        assertCode(q.scan.scan(null, null), ResponseCode.FORMAT_ERROR);
        assertCode(q.scan.scan(code.emvPayload(), code.barcode()), ResponseCode.FORMAT_ERROR);
    }

    @Test
    void aTamperedCryptogramIs05() {
        assertCode(q.scan.scan(patch(code.emvPayload(), "9F2608", 0), null),
                ResponseCode.CARDHOLDER_VERIFICATION_FAILED);
    }

    @Test
    void aTamperedAtcIs05() {
        assertCode(q.scan.scan(patch(code.emvPayload(), "9F3602", 1), null),
                ResponseCode.CARDHOLDER_VERIFICATION_FAILED);
    }

    @Test
    void aTamperedUnpredictableNumberIs05() {
        assertCode(q.scan.scan(patch(code.emvPayload(), "9F3704", 3), null),
                ResponseCode.CARDHOLDER_VERIFICATION_FAILED);
    }

    @Test
    void theCryptogramOfOneTokenUnderAnotherTokenIs05() {
        TokenRecord other = q.token("22", q.card("C2", "22", "774411220044"));
        CpqrEmv.Read.Fields f = (CpqrEmv.Read.Fields) new CpqrEmv().read(code.emvPayload());
        String swapped = new CpqrEmv().build(other.token(), f.expiryYymm(), f.atc(), f.unpredictableNumber(),
                f.cryptogram(), code.insId());

        assertCode(q.scan.scan(swapped, null), ResponseCode.CARDHOLDER_VERIFICATION_FAILED);
    }

    @Test
    void aGenuinePayloadOfAnotherTokenTheSwitchDidNotStoreIs14() {
        CardRecord otherCard = q.card("C2", "22", "774411220044");
        TokenRecord other = q.token("22", otherCard);
        // the same key, but the codes live in another store: this switch never issued them
        InMemoryCpqrCodes elsewhere = new InMemoryCpqrCodes();
        CpqrCode foreign = ((CpqrGenerator.Generated.Issued) new CpqrGenerator(elsewhere, q.cryptogram,
                new SecureRandom()).generate(new CpqrGenerator.Order("39990061", other, otherCard, 1,
                100, 0, "156", Duration.ofMinutes(5)), q.m.f.clock.instant())).codes().get(0);

        assertCode(q.scan.scan(foreign.emvPayload(), null), ResponseCode.INVALID_CARD_NUMBER);
        assertCode(q.scan.scan(null, foreign.barcode()), ResponseCode.INVALID_CARD_NUMBER);
    }

    @Test
    void anExpiredCodeIs02ByPayloadAndByBarcode() {
        q.m.f.clock.advance(Duration.ofMinutes(5));

        assertCode(q.scan.scan(code.emvPayload(), null), ResponseCode.QRC_DUPLICATED_OR_EXPIRED);
        assertCode(q.scan.scan(null, code.barcode()), ResponseCode.QRC_DUPLICATED_OR_EXPIRED);
    }

    @Test
    void aStoredCodeWhoseRecordDisagreesWithItsPayloadIs05() {
        CpqrCode otherAtc = q.codes.put(new CpqrCode("c-atc", code.insId(), code.issuerIin(), code.cardId(),
                code.token(), code.deviceId(), code.userId(), patchedPayloadKeepingCryptogram(), "6211111111111111111",
                code.atc(), code.trxLimitMinor(), code.cvmLimitMinor(), code.limitCurrency(), code.createdAt(),
                code.expiresAt(), null, null));
        CpqrCode wrongToken = q.codes.put(new CpqrCode("c-token", code.insId(), code.issuerIin(), code.cardId(),
                "6292650000000000009", code.deviceId(), code.userId(), code.emvPayload(), "6222222222222222222",
                code.atc(), code.trxLimitMinor(), code.cvmLimitMinor(), code.limitCurrency(), code.createdAt(),
                code.expiresAt(), null, null));

        assertCode(q.scan.scan(null, otherAtc.barcode()), ResponseCode.CARDHOLDER_VERIFICATION_FAILED);
        assertCode(q.scan.scan(null, wrongToken.barcode()), ResponseCode.CARDHOLDER_VERIFICATION_FAILED);
    }

    @Test
    void refusalsNeverShowTheTokenOrThePayload() {
        for (ScanResult r : List.of(q.scan.scan(patch(code.emvPayload(), "9F2608", 0), null),
                q.scan.scan("garbage", null), q.scan.scan(null, "6299999999999999999"))) {
            String detail = ((ScanResult.Refused) r).detail();
            assertThat(detail).doesNotContain(token.token()).doesNotContain(code.emvPayload());
        }
    }

    /** A payload whose cryptogram was changed: stored under a barcode, its cryptogram no longer verifies. */
    private String patchedPayloadKeepingCryptogram() {
        return patch(code.emvPayload(), "9F2608", 5);
    }

    private static void assertCode(ScanResult result, ResponseCode expected) {
        assertThat(result).isInstanceOf(ScanResult.Refused.class);
        assertThat(((ScanResult.Refused) result).code()).isEqualTo(expected);
    }

    /** Flips the lowest bit of the value byte at {@code offset} after the tag and length {@code tagAndLength}. */
    static String patch(String payload, String tagAndLength, int offset) {
        String hex = HEX.formatHex(Base64.getDecoder().decode(payload));
        int at = hex.indexOf(tagAndLength);
        while (at % 2 != 0) {
            at = hex.indexOf(tagAndLength, at + 1);
        }
        assertThat(at).as("tag %s in the payload", tagAndLength).isPositive();
        byte[] bytes = HEX.parseHex(hex);
        bytes[at / 2 + tagAndLength.length() / 2 + offset] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
