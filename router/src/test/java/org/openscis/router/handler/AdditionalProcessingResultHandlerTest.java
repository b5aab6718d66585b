package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.testing.CpqrcFixture.ACQUIRER_ID;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.CpqrVerdict;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.testing.CpqrcFixture;
import org.openscis.router.testing.RouterFixture;

class AdditionalProcessingResultHandlerTest {

    private final CpqrcFixture c = new CpqrcFixture();
    private final Handler pay = c.handler(MessageType.CPQRC_PAYMENT);
    private final Handler result = c.handler(MessageType.ADDITIONAL_PROCESSING_RESULT);
    private final TokenRecord token = c.token("41");

    private String send(TrxInfo trxInfo) {
        return send(c.walletRequest(trxInfo));
    }

    private String send(Request request) {
        CompletableFuture<Outcome> o = result.handle(request).toCompletableFuture();
        assertThat(o).isDone();
        return o.join().code().code();
    }

    /** A payment above the CVM limit, waiting for the cardholder. */
    private CompletableFuture<Outcome> awaiting(CpqrCode qr) {
        return pay.handle(c.acquirerRequest(c.payment(qr, "20.00").build())).toCompletableFuture();
    }

    @Test
    void continuingIsRecordedOnceAndTheSecondResultIs78() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        CompletableFuture<Outcome> payment = awaiting(qr);
        assertThat(send(c.result(qr, "CONTINUING").build())).isEqualTo("00");
        assertThat(payment.join().code().code()).isEqualTo("00");
        assertThat(send(c.result(qr, "CONTINUING").build())).isEqualTo("78");
        assertThat(send(c.result(qr, "REJECTED").build())).isEqualTo("78");
    }

    @Test
    void aResultRecordedBeforeTheWaiterWasWokenStillWins() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        CompletableFuture<Outcome> payment = awaiting(qr);
        String msgId = c.payments.find(ACQUIRER_ID, paymentMsgId(qr)).orElseThrow().key().msgId();
        c.payments.recordVerdict(ACQUIRER_ID, msgId,
                CpqrVerdict.of("REJECTED", null, RouterFixture.WALLET_ID, "A2", c.m.f.clock.instant()));
        assertThat(send(c.result(qr, "CONTINUING").build())).isEqualTo("78");
        c.waits.tick();
        assertThat(payment.join().code().code()).isEqualTo("05");
    }

    private String paymentMsgId(CpqrCode qr) {
        return c.stored(qr.codeId()).usedByMsgId();
    }

    @Test
    void aBarcodeFindsThePaymentToo() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        CompletableFuture<Outcome> payment = awaiting(qr);
        assertThat(send(c.result(qr, "CONTINUING").remove("emvCpqrcPayload")
                .put("barcodeCpqrcPayload", List.of(qr.barcode())).build())).isEqualTo("00");
        assertThat(payment.join().code().code()).isEqualTo("00");
    }

    @Test
    void aPaymentWithoutVerificationIs12() {
        CpqrCode qr = c.code(token, 100_00, 50_00);
        assertThat(pay.handle(c.acquirerRequest(c.payment(qr, "20.00").build())).toCompletableFuture().join().code()
                .code()).isEqualTo("00");
        assertThat(send(c.result(qr, "CONTINUING").build())).isEqualTo("12");
    }

    @Test
    void anUnknownOrUnusedCodeIs25() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        assertThat(send(c.result(qr, "CONTINUING").build())).isEqualTo("25");
        assertThat(send(c.result(qr, "CONTINUING").put("emvCpqrcPayload", List.of("hQVDUFYwMWFYTwigAAADMwEBAVcTzz=="))
                .build())).isEqualTo("25");
        // used by a request whose payment was never recorded
        c.codes.redeem(qr.codeId(), ACQUIRER_ID, "A4701034420251015115804000001", c.m.f.clock.instant());
        assertThat(send(c.result(qr, "CONTINUING").build())).isEqualTo("25");
    }

    @Test
    void anotherTokenIs14AndAnotherDeviceIs55() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        awaiting(qr);
        TokenRecord other = c.token("42");
        assertThat(send(c.result(qr, "CONTINUING").put("token", other.token()).build())).isEqualTo("14");
        assertThat(send(c.result(qr, "CONTINUING").put("deviceID", RouterFixture.OTHER_DEVICE).build()))
                .isEqualTo("55");
    }

    @Test
    void anotherWalletsResultIs73() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        awaiting(qr);
        Request fromOther = c.m.f.request(MessageType.ADDITIONAL_PROCESSING_RESULT, c.m.f.otherWallet,
                c.result(qr, "CONTINUING").build());
        assertThat(send(fromOther)).isEqualTo("73");
    }

    @Test
    void aDeviceThatIsNotTheCodesIs55() {
        CpqrCode issued = c.code(token, 100_00, 10_00);
        awaiting(issued);
        // the token moved to another device after the code was issued: the code stays bound to the first one
        c.m.f.cards.forceToken(new TokenRecord(token.token(), token.cardId(), token.insId(), RouterFixture.OTHER_DEVICE,
                token.userId(), token.tokenExpiry(), CardState.ACTIVE, token.createdAt(), token.updatedAt()));
        assertThat(send(c.result(issued, "CONTINUING").put("deviceID", RouterFixture.OTHER_DEVICE).build()))
                .isEqualTo("55");
    }

    @Test
    void malformedResultsAre30() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        List<TrxInfo> bad = List.of(
                c.result(qr, "CONTINUING").remove("paymentStatus").build(),
                c.result(qr, "CONTINUING").put("emvCpqrcPayload", qr.emvPayload()).build(),
                c.result(qr, "CONTINUING").put("emvCpqrcPayload", List.of(qr.emvPayload(), qr.emvPayload())).build(),
                c.result(qr, "CONTINUING").put("barcodeCpqrcPayload", List.of(qr.barcode())).build(),
                c.result(qr, "CONTINUING").remove("emvCpqrcPayload").build(),
                c.result(qr, "CONTINUING").remove("emvCpqrcPayload").put("barcodeCpqrcPayload", List.of("62123"))
                        .build(),
                c.result(qr, "CONTINUING").put("paymentStatus", "X".repeat(21)).build(),
                c.result(qr, "CONTINUING").remove("deviceID").build());
        for (TrxInfo t : bad) {
            assertThat(send(t)).as(t.toString()).isEqualTo("30");
        }
    }
}
