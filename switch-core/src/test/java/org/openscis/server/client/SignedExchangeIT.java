package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;

/** Signed calls end to end against {@link FakeSwitch} with {@link SignedEcho}: signing, verifying, JWE fields. */
class SignedExchangeIT {

    private FakeSwitch server;
    private AppGatewayClient client;

    @BeforeEach
    void start() {
        server = FakeSwitch.start();
        server.respond(new SignedEcho());
        client = new AppGatewayClient(ClientOptions.builder(server.url()).ioThreads(1)
                .requestTimeout(Duration.ofSeconds(5)).build(), TestKeys.client());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private SignedExchange send(RequestSpec spec) throws Exception {
        return client.send(spec).get(10, TimeUnit.SECONDS);
    }

    private static String headerJson(String jws) {
        return new String(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))), StandardCharsets.UTF_8);
    }

    @Test
    void aCallIsSignedSentVerifiedAndDecoded() throws Exception {
        SignedExchange x = client.call("CARD_STATUS_INQUIRY", TrxInfo.builder().put("deviceID", "d1").build())
                .get(10, TimeUnit.SECONDS);

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.signatureValid()).as(x.signatureReason()).isTrue();
        assertThat(x.responseCode()).isEqualTo("00");
        assertThat(x.msgIdEchoed()).isTrue();
        assertThat(x.trxInfo().string("token")).isEqualTo(SignedEcho.TOKEN);
        assertThat(x.headers()).containsKey("upi-jws");

        MsgInfo sent = x.request().msgInfo();
        assertThat(sent.versionNo()).isEqualTo("1.0.0");
        assertThat(sent.msgType()).isEqualTo("CARD_STATUS_INQUIRY");
        assertThat(sent.insID()).isEqualTo(TestKeys.INS_ID);
        assertThat(sent.msgID()).matches("A" + TestKeys.INS_ID + "\\d{20}");
        assertThat(sent.timeStamp()).matches("\\d{14}");

        FakeSwitch.Received r = server.requests().get(0);
        assertThat(r.path()).isEqualTo("/scis/switch/cardstatusinquiry");
        assertThat(r.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(r.body()).isEqualTo(x.request().body());
        String header = headerJson(r.header("UPI-JWS"));
        assertThat(header).contains("\"alg\":\"RS256\"", "\"kid\":\"" + TestKeys.CLIENT_SIGNING_KID + "\"",
                "\"crit\":[\"UPI-UUID\",\"UPI-TIMESTAMP\",\"UPI-APPID\",\"UPI-REQPATH\"]",
                "\"UPI-APPID\":\"" + TestKeys.INS_ID + "\"", "\"UPI-REQPATH\":\"/scis/switch/cardstatusinquiry\"");
    }

    @Test
    void aGivenMsgIdIsUsed() throws Exception {
        SignedExchange x = client.call("CVM_INQUIRY", null, "A3999015720260304050607000001").get(10, TimeUnit.SECONDS);

        assertThat(x.request().msgInfo().msgID()).isEqualTo("A3999015720260304050607000001");
        assertThat(x.envelope().msgInfo().msgID()).isEqualTo("A3999015720260304050607000001");
        assertThat(new String(x.request().body(), StandardCharsets.UTF_8)).contains("\"trxInfo\":{}");
    }

    @ParameterizedTest
    @EnumSource(value = SignedEcho.Tamper.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aBadResponseSignatureIsReportedNotThrown(SignedEcho.Tamper tamper) throws Exception {
        server.respond(new SignedEcho(tamper));

        SignedExchange x = client.call("CVM_INQUIRY", TrxInfo.EMPTY).get(10, TimeUnit.SECONDS);

        assertThat(x.status()).isEqualTo(200);
        assertThat(x.signatureValid()).isFalse();
        String expected = switch (tamper) {
            case BODY_AFTER_SIGNING, STRANGER_KEY -> "signature does not verify";
            case WRONG_KID -> "not the switch signing kid";
            case WITH_REQPATH -> "UPI-REQPATH must be absent";
            case WRONG_APPID -> "UPI-APPID is 39990000";
            case NO_HEADER -> "missing UPI-JWS header";
            case OLD_TIMESTAMP -> "away from our clock";
            case NONE -> throw new AssertionError();
        };
        assertThat(x.signatureReason()).contains(expected);
        assertThat(x.envelope()).isNotNull();
    }

    @Test
    void badRequestsOnPurposeAreRefusedByTheSwitch() throws Exception {
        List<RequestSpec.Builder> bad = List.of(
                RequestSpec.builder("CVM_INQUIRY").corruptSignature(),
                RequestSpec.builder("CVM_INQUIRY").skipSigning(),
                RequestSpec.builder("CVM_INQUIRY").signingKey(TestKeys.STRANGER.getPrivate()),
                RequestSpec.builder("CVM_INQUIRY").kid("777"),
                RequestSpec.builder("CVM_INQUIRY").reqPath("/scis/switch/kycverify"),
                RequestSpec.builder("CVM_INQUIRY").omitReqPath(),
                RequestSpec.builder("CVM_INQUIRY").alg("none"),
                RequestSpec.builder("CVM_INQUIRY").alg("HS256"),
                RequestSpec.builder("CVM_INQUIRY").crit(List.of("UPI-UUID", "UPI-TIMESTAMP", "UPI-APPID")),
                RequestSpec.builder("CVM_INQUIRY").appId("39990000"),
                RequestSpec.builder("CVM_INQUIRY").timestamp("yesterday"),
                RequestSpec.builder("CVM_INQUIRY").jwsHeaderValue("e30..AAAA"));
        for (RequestSpec.Builder b : bad) {
            SignedExchange x = send(b.build());
            assertThat(x.responseCode()).as(x.request().upiJws() + " / " + x.response().responseMsg())
                    .isEqualTo("A0");
            assertThat(x.signatureValid()).isTrue();
        }
    }

    @Test
    void overridesReachTheWire() throws Exception {
        String uuid = "0123456789abcdef0123456789abcdef";
        long old = Instant.now().getEpochSecond() - 3600;

        SignedExchange x = send(RequestSpec.builder("CVM_INQUIRY").uuid(uuid).timestamp(Long.toString(old))
                .header("X-Test", "1").build());

        String header = headerJson(server.requests().get(0).header("UPI-JWS"));
        assertThat(header).contains("\"UPI-UUID\":\"" + uuid + "\"", "\"UPI-TIMESTAMP\":\"" + old + "\"");
        assertThat(server.requests().get(0).header("X-Test")).isEqualTo("1");
        assertThat(x.responseCode()).isEqualTo("00");
    }

    @Test
    void methodContentTypeAndPathCanBeWrong() throws Exception {
        send(RequestSpec.builder("CVM_INQUIRY").method("PUT").contentType("text/plain").path("/nowhere").build());

        FakeSwitch.Received r = server.requests().get(0);
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.path()).isEqualTo("/nowhere");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain");
        assertThat(headerJson(r.header("UPI-JWS"))).contains("\"UPI-REQPATH\":\"/nowhere\"");

        send(RequestSpec.builder("CVM_INQUIRY").contentType(null).build());
        assertThat(server.requests().get(1).header("Content-Type")).isNull();
    }

    @Test
    void aCustomMsgInfoIsSentAsGiven() throws Exception {
        MsgInfo custom = new MsgInfo("9.9.9", "A1", "20260101000000", "CVM_INQUIRY", "OTHER");

        SignedExchange x = send(RequestSpec.builder("CVM_INQUIRY").msgInfo(custom).build());

        assertThat(x.envelope().msgInfo().msgID()).isEqualTo("A1");
        assertThat(new String(x.request().body(), StandardCharsets.UTF_8)).contains("\"versionNo\":\"9.9.9\"");
    }

    @Test
    void anUnreadableBodyGetsTheBareErrorResponse() throws Exception {
        SignedExchange x = send(RequestSpec.builder("CVM_INQUIRY")
                .rawBody("not json".getBytes(StandardCharsets.UTF_8)).build());

        assertThat(x.status()).isEqualTo(400);
        assertThat(x.responseCode()).isEqualTo("30");
        assertThat(x.request().msgInfo()).isNull();
        assertThat(x.msgIdEchoed()).isFalse();
    }

    @Test
    void sensitiveFieldsTravelEncryptedBothWays() throws Exception {
        TrxInfo cvm = TrxInfo.builder().put("pan", SignedEcho.PAN).put("cvn2", "123").put("expiryDate", "2812")
                .build();

        SignedExchange x = client.call("CARD_ENROLLMENT", TrxInfo.builder().put("cvmInfo", cvm).put("wantPan", "Y")
                .build()).get(10, TimeUnit.SECONDS);

        String wire = new String(server.requests().get(0).body(), StandardCharsets.UTF_8);
        assertThat(wire).doesNotContain(SignedEcho.PAN).doesNotContain("cvn2");
        assertThat(x.trxInfo().string("cvmInfoSeen"))
                .isEqualTo("{\"pan\":\"" + SignedEcho.PAN + "\",\"cvn2\":\"123\",\"expiryDate\":\"2812\"}");
        assertThat(x.trxInfo().string("pan")).startsWith("eyJ");
        FieldDecryption d = client.decryptResponseFields(x.trxInfo());
        assertThat(d.ok()).isTrue();
        assertThat(d.trxInfo().string("pan")).isEqualTo(SignedEcho.PAN);
        assertThat(d.trxInfo().object("accountInfo").string("accountNo")).isEqualTo("0012345678");
    }

    @Test
    void plainTextCanBeSentOnPurpose() throws Exception {
        SignedExchange x = send(RequestSpec.builder("CARD_ENROLLMENT")
                .trxInfo(TrxInfo.builder().put("cvmInfo", "{\"cvn2\":\"123\"}").build())
                .encryptSensitiveFields(false).build());

        assertThat(new String(x.request().body(), StandardCharsets.UTF_8)).contains("\\\"cvn2\\\"");
        assertThat(x.trxInfo().string("cvmInfoSeen")).isEqualTo("not decryptable");
    }

    @Test
    void unknownMessageTypesFailWithoutSending() {
        Throwable t = catchFailure(client.call("NOT_A_TYPE", TrxInfo.EMPTY));
        assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOT_A_TYPE");
        assertThat(catchFailure(client.call("TRX_RESULT_NOTIFICATION", TrxInfo.EMPTY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests()).isEmpty();
    }

    private static Throwable catchFailure(java.util.concurrent.CompletableFuture<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pathsFollowTheProtocolTable() {
        assertThat(AppGatewayClient.pathOf("MPQRC_PAYMENT_EMV")).isEqualTo("/scis/switch/qremvpayment");
        assertThat(AppGatewayClient.pathOf("KEY_EXCHANGE")).isEqualTo("/uags/api/v1/exchange");
        assertThat(AppGatewayClient.pathOf("ACCOUNT_UPDATE_NOTIFICATION"))
                .isEqualTo("/scis/switch/account_update_notification");
        assertThat(AppGatewayClient.pathOf("CPQRC_PAYMENT")).isEqualTo("/scis/acquirer/cpqrcpayment");
        assertThat(AppGatewayClient.pathOf("CARD_STATUS_NOTIFICATION")).isNull();
        assertThat(AppGatewayClient.pathOf(null)).isNull();
    }
}
