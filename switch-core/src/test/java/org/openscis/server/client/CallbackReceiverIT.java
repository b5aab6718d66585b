package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;

/**
 * The callback receiver over loopback. The switch side is an {@link AppGatewayClient} with the switch's identity
 * ({@link TestKeys#switchSide()}): it signs callbacks with the switch key in the four-name form and checks the
 * receiver's acknowledgement against the App Gateway's key.
 */
class CallbackReceiverIT {

    private static final String PATH = "/appgw/callback";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private CallbackReceiver receiver;
    private AppGatewayClient switchSide;

    @BeforeEach
    void start() {
        receiver = CallbackReceiver.start(TestKeys.client());
        switchSide = new AppGatewayClient(ClientOptions.builder(receiver.url()).ioThreads(1).build(),
                TestKeys.switchSide());
    }

    @AfterEach
    void stop() {
        switchSide.close();
        receiver.close();
    }

    private static MsgInfo msgInfo(String msgType, String msgId) {
        return new MsgInfo("1.0.0", msgId, "20260304050607", msgType, TestKeys.INS_ID);
    }

    private RequestSpec.Builder callback(String msgType, String msgId) {
        return RequestSpec.builder(msgType).path(PATH).msgInfo(msgInfo(msgType, msgId))
                .trxInfo(TrxInfo.builder().put("token", SignedEcho.TOKEN).put("tokenState", "SUSPENDED").build())
                .encryptSensitiveFields(false);
    }

    private SignedExchange deliver(RequestSpec.Builder spec) throws Exception {
        return switchSide.send(spec.build()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void reportsItsPortAndUrl() {
        assertThat(receiver.port()).isPositive();
        assertThat(receiver.url().toString()).isEqualTo("http://127.0.0.1:" + receiver.port());
    }

    @Test
    void aSignedCallbackIsRecordedAndAcknowledgedSigned() throws Exception {
        List<String> seenByListener = new CopyOnWriteArrayList<>();
        receiver.onCallback(c -> seenByListener.add(c.msgID()));

        SignedExchange ack = deliver(callback("CARD_STATUS_NOTIFICATION", "U39990157000000000000000001"));

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.responseCode()).isEqualTo("00");
        assertThat(ack.response().responseMsg()).isEqualTo("Approved");
        assertThat(ack.signatureValid()).as(ack.signatureReason()).isTrue();
        assertThat(ack.envelope().msgInfo()).isEqualTo(msgInfo("CARD_STATUS_NOTIFICATION",
                "U39990157000000000000000001"));
        assertThat(ack.envelope().trxInfo()).isNull();

        await().atMost(WAIT).until(() -> receiver.count() == 1);
        ReceivedCallback c = receiver.received().get(0);
        assertThat(c.signatureValid()).as(c.signature().reason()).isTrue();
        assertThat(c.msgType()).isEqualTo("CARD_STATUS_NOTIFICATION");
        assertThat(c.path()).isEqualTo(PATH);
        assertThat(c.trxInfo().string("tokenState")).isEqualTo("SUSPENDED");
        assertThat(c.duplicate()).isFalse();
        assertThat(receiver.last("CARD_STATUS_NOTIFICATION")).contains(c);
        assertThat(receiver.received("TRX_RESULT_NOTIFICATION")).isEmpty();
        assertThat(receiver.poll(WAIT)).isEqualTo(c);
        assertThat(seenByListener).containsExactly("U39990157000000000000000001");
    }

    @Test
    void aRedeliveryIsMarkedDuplicateAndStillAcknowledged() throws Exception {
        deliver(callback("TRX_RESULT_NOTIFICATION", "U39990157000000000000000002"));
        SignedExchange again = deliver(callback("TRX_RESULT_NOTIFICATION", "U39990157000000000000000002"));

        assertThat(again.responseCode()).isEqualTo("00");
        assertThat(receiver.received()).extracting(ReceivedCallback::duplicate).containsExactly(false, true);
        receiver.clear();
        assertThat(receiver.count()).isZero();
    }

    @Test
    void aBadSignatureIsRecordedAndAnsweredA0() throws Exception {
        SignedExchange ack = deliver(callback("ADDITIONAL_PROCESSING", "U39990157000000000000000003")
                .corruptSignature());

        assertThat(ack.responseCode()).isEqualTo("A0");
        assertThat(ack.signatureValid()).isTrue();
        ReceivedCallback c = receiver.received().get(0);
        assertThat(c.signatureValid()).isFalse();
        assertThat(c.signature().reason()).contains("signature does not verify");
    }

    @Test
    void theCallbackMustNameThePathItArrivedOn() throws Exception {
        deliver(callback("ADDITIONAL_PROCESSING", "U39990157000000000000000004").reqPath("/other"));
        deliver(callback("ADDITIONAL_PROCESSING", "U39990157000000000000000005").omitReqPath());

        assertThat(receiver.received()).extracting(c -> c.signature().reason())
                .satisfiesExactly(r -> assertThat(r).contains("UPI-REQPATH is /other"),
                        r -> assertThat(r).contains("crit must list exactly"));
    }

    @Test
    void anUnreadableCallbackGets400With30() throws Exception {
        SignedExchange ack = deliver(RequestSpec.builder(null).path(PATH)
                .rawBody("[1,2]".getBytes(StandardCharsets.UTF_8)));

        assertThat(ack.status()).isEqualTo(400);
        assertThat(ack.responseCode()).isEqualTo("30");
        assertThat(receiver.received().get(0).envelope()).isNull();
    }

    @Test
    void testsChooseOtherAnswers() throws Exception {
        receiver.answerWith(c -> new CallbackAnswer.Status(503));
        assertThat(deliver(callback("TRX_RESULT_NOTIFICATION", "U39990157000000000000000006")).status())
                .isEqualTo(503);

        receiver.answerWith(c -> new CallbackAnswer.Reply("96", "busy", TrxInfo.builder().put("x", "y").build()));
        SignedExchange busy = deliver(callback("TRX_RESULT_NOTIFICATION", "U39990157000000000000000007"));
        assertThat(busy.responseCode()).isEqualTo("96");
        assertThat(busy.trxInfo().string("x")).isEqualTo("y");
        assertThat(busy.signatureValid()).isTrue();

        receiver.answerWith(c -> new CallbackAnswer.Drop());
        try {
            deliver(callback("TRX_RESULT_NOTIFICATION", "U39990157000000000000000008"));
            throw new AssertionError("expected the connection to drop");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ConnectionClosedException.class);
        }
        assertThat(receiver.count()).isEqualTo(3);
    }

    @Test
    void onlyPostIsAccepted() throws Exception {
        SignedExchange x = deliver(callback("TRX_RESULT_NOTIFICATION", "U39990157000000000000000009").method("GET"));

        assertThat(x.status()).isEqualTo(405);
        assertThat(x.headers().get("Allow")).isEqualTo("POST");
        assertThat(receiver.count()).isZero();
    }
}
