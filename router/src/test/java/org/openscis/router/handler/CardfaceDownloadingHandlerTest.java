package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;

import java.math.BigDecimal;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.testing.RouterFixture;

class CardfaceDownloadingHandlerTest {

    private final RouterFixture f = new RouterFixture();
    private final CardfaceDownloadingHandler handler = new CardfaceDownloadingHandler(f.catalog);

    @Test
    void returnsTheFaceWithTheImageBase64EncodedOnce() {
        Outcome outcome = run(handler, f.request(MessageType.CARDFACE_DOWNLOADING, trx("cardfaceID", "100205")));
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        TrxInfo t = outcome.trxInfo();
        assertThat(t.names()).containsExactly("cardfaceID", "cardfaceType", "panPosX", "panPosY", "panFontSize", "color",
                "cardfaceData");
        assertThat(t.string("cardfaceID")).isEqualTo("100205");
        assertThat(t.string("cardfaceType")).isEqualTo("0");
        assertThat(t.string("panPosX")).isEqualTo("20");
        assertThat(t.string("panPosY")).isEqualTo("200");
        assertThat(t.string("panFontSize")).isEqualTo("10");
        assertThat(t.string("color")).isEqualTo("#fff467");
        assertThat(Base64.getDecoder().decode(t.string("cardfaceData")))
                .containsExactly((byte) 0x89, 'P', 'N', 'G', 0, -1);
    }

    @Test
    void acceptsTheEnrolmentSpellingCardFaceId() {
        Outcome outcome = run(handler, f.request(MessageType.CARDFACE_DOWNLOADING, trx("cardFaceID", "100205")));
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().string("cardfaceID")).isEqualTo("100205");
    }

    @Test
    void unknownFaceIs89() {
        Outcome outcome = run(handler, f.request(MessageType.CARDFACE_DOWNLOADING, trx("cardfaceID", "999999")));
        assertThat(outcome.code()).isEqualTo(ResponseCode.CARD_PROFILE_NOT_FOUND);
        assertThat(outcome.trxInfo()).isNull();
    }

    @Test
    void missingOrMalformedIdIs30() {
        assertThat(run(handler, f.request(MessageType.CARDFACE_DOWNLOADING, TrxInfo.EMPTY)).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(run(handler, f.request(MessageType.CARDFACE_DOWNLOADING, trx("cardfaceID", "10 205"))).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(run(handler, f.request(MessageType.CARDFACE_DOWNLOADING, trx("cardfaceID", "1".repeat(17)))).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(run(handler, f.request(MessageType.CARDFACE_DOWNLOADING, trx("cardfaceID", new BigDecimal("100205"))))
                .code()).isEqualTo(ResponseCode.FORMAT_ERROR);
    }
}
