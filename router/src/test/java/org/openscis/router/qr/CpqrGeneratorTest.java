package org.openscis.router.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.CpqrCodes;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.testing.CpqrFixture;
import org.openscis.router.testing.RouterFixture;

class CpqrGeneratorTest {

    private final CpqrFixture q = new CpqrFixture();
    private final CardRecord card = q.card("C1", "11", "774411220033");
    private final TokenRecord token = q.token("11", card);

    private CpqrGenerator.Generated generate(int count) {
        return q.generator.generate(new CpqrGenerator.Order(RouterFixture.WALLET_ID, token, card, count, 10_000, 500,
                "156", Duration.ofMinutes(5)), q.m.f.clock.instant());
    }

    private List<CpqrCode> issued(int count) {
        return ((CpqrGenerator.Generated.Issued) generate(count)).codes();
    }

    @Test
    void eachCodeCarriesTheNextAtcAFreshUnpredictableNumberAndAVerifyingCryptogram() {
        List<CpqrCode> first = issued(3);
        List<CpqrCode> second = issued(2);

        assertThat(first).extracting(CpqrCode::atc).containsExactly(1, 2, 3);
        assertThat(second).extracting(CpqrCode::atc).containsExactly(4, 5);
        CpqrEmv emv = new CpqrEmv();
        List<CpqrEmv.Read.Fields> fields = q.codes.codes().stream()
                .map(c -> (CpqrEmv.Read.Fields) emv.read(c.emvPayload())).toList();
        assertThat(fields).extracting(CpqrEmv.Read.Fields::atc).containsExactly(1, 2, 3, 4, 5);
        assertThat(fields).extracting(f -> List.of(f.unpredictableNumber()[0], f.unpredictableNumber()[1],
                f.unpredictableNumber()[2], f.unpredictableNumber()[3])).doesNotHaveDuplicates();
        for (CpqrEmv.Read.Fields f : fields) {
            assertThat(f.token()).isEqualTo(token.token());
            assertThat(f.expiryYymm()).isEqualTo(token.tokenExpiry().substring(0, 4));
            assertThat(q.cryptogram.verify(f.cryptogram(), f.token(), f.atc(), f.unpredictableNumber(), f.aip(),
                    f.expiryYymm())).isTrue();
        }
    }

    @Test
    void theCodesAreStoredWithTheirLimitsExpiryAndOwner() {
        List<CpqrCode> codes = issued(2);

        assertThat(q.codes.codes()).isEqualTo(codes);
        assertThat(codes).extracting(CpqrCode::emvPayload).doesNotHaveDuplicates();
        assertThat(codes).extracting(CpqrCode::barcode).doesNotHaveDuplicates()
                .allMatch(b -> b.matches("62\\d{17}"));
        assertThat(codes).extracting(CpqrCode::codeId).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{32}"));
        CpqrCode c = codes.get(0);
        assertThat(c.insId()).isEqualTo(RouterFixture.WALLET_ID);
        assertThat(c.issuerIin()).isEqualTo(card.issuerIin());
        assertThat(c.cardId()).isEqualTo("C1");
        assertThat(c.deviceId()).isEqualTo(token.deviceId());
        assertThat(c.userId()).isEqualTo(token.userId());
        assertThat(c.trxLimitMinor()).isEqualTo(10_000);
        assertThat(c.cvmLimitMinor()).isEqualTo(500);
        assertThat(c.limitCurrency()).isEqualTo("156");
        assertThat(c.createdAt()).isEqualTo(q.m.f.clock.instant());
        assertThat(c.expiresAt()).isEqualTo(q.m.f.clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(c.used()).isFalse();
        assertThat(c.toString()).doesNotContain(token.token()).doesNotContain(c.emvPayload())
                .doesNotContain(c.barcode());
    }

    @Test
    void aTakenBarcodeIsRetriedWithFreshBarcodesAndTheSamePayloads() {
        q.codes.refuseNextStores(CpqrGenerator.MAX_STORE_ATTEMPTS - 1);

        List<CpqrCode> codes = issued(2);

        assertThat(q.codes.storeCalls()).isEqualTo(CpqrGenerator.MAX_STORE_ATTEMPTS);
        assertThat(q.codes.codes()).isEqualTo(codes);
    }

    @Test
    void barcodesTakenOnEveryAttemptFailLoudly() {
        q.codes.refuseNextStores(CpqrGenerator.MAX_STORE_ATTEMPTS);

        assertThatThrownBy(() -> generate(1)).isInstanceOf(CpqrCodes.BarcodeTaken.class);
        assertThat(q.codes.codes()).isEmpty();
    }

    @Test
    void theSixteenBitAtcEndsTheTokensCodes() {
        q.codes.setLastAtc(token.token(), CodeCryptogram.MAX_ATC - 5);
        assertThat(issued(5)).extracting(CpqrCode::atc).last().isEqualTo(CodeCryptogram.MAX_ATC);

        q.codes.setLastAtc(token.token(), CodeCryptogram.MAX_ATC - 5);
        assertThat(generate(6)).isInstanceOf(CpqrGenerator.Generated.AtcExhausted.class);
        assertThat(generate(1)).isInstanceOf(CpqrGenerator.Generated.AtcExhausted.class);
    }
}
