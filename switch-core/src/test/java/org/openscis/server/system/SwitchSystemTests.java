package org.openscis.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openscis.codec.card.Luhn;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.server.client.ClientResponse;
import org.openscis.server.client.RequestSpec;
import org.openscis.server.client.SignedExchange;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.DerivedCardSecrets;
import org.openscis.server.testing.TestKeyPairs;

/**
 * The issue-2 message types end to end over real sockets, with a client that knows only the generated App Gateway
 * profile. Each test uses its own devices, accounts and msgIDs, so the order does not matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SwitchSystemTests {

    private static final String PRODUCT = "1003";
    private static final String BIN = "62351000";
    private static final String[] TABLES = {"cards", "tokens", "idempotency", "participant_keys", "sequences"};

    private RunningSwitch sw;
    private final ClearTextWatch watch = new ClearTextWatch();
    private final SeededAccounts accounts = new SeededAccounts();

    abstract boolean postgres();

    @BeforeAll
    void start() throws Exception {
        watch.start();
        sw = RunningSwitch.start(postgres());
    }

    @AfterAll
    void stopAndCheckNoCardDataInClear() throws Exception {
        try {
            watch.assertNoneInClear(sw, TABLES);
        } finally {
            watch.stop();
            sw.close();
        }
    }

    // ---- helpers

    private SignedExchange call(String type, TrxInfo trx) {
        SignedExchange ex = sw.client.call(type, trx).join();
        assertThat(ex.signatureValid()).as("response signature: " + ex.signatureReason()).isTrue();
        return ex;
    }

    private SignedExchange send(RequestSpec spec) {
        return sw.client.send(spec).join();
    }

    private static String device() {
        return "dev" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /** A seeded account of the embedded CBS, one no other test here uses (the CBS answers 14 for any other). */
    private String account() {
        String a = accounts.next();
        watch.secret(a);
        return a;
    }

    private static TrxInfo enrollAccount(String device, String account) {
        return TrxInfo.builder().put("deviceID", device).put("userID", "3329941324335104").put("prdNo", PRODUCT)
                .put("cvmInfo", TrxInfo.builder().put("accountNo", account).put("firstName", "Chen")
                        .put("lastName", "Kai").build()).build();
    }

    private record Enrolled(String token, String pan, String panExpiry, String device) {}

    private Enrolled enroll() {
        String device = device();
        SignedExchange ex = call("CARD_ENROLLMENT", enrollAccount(device, account()));
        assertThat(ex.responseCode()).isEqualTo("00");
        TrxInfo clear = sw.client.decryptResponseFields(ex.trxInfo()).trxInfo();
        String pan = clear.string("pan");
        watch.secret(pan);
        return new Enrolled(ex.trxInfo().string("token"), pan, ex.trxInfo().string("panExpiry"), device);
    }

    private String cvn2(String pan, String panExpiry) throws Exception {
        DataKeyring keyring = DataKeyring.open(Path.of(sw.config.switchKeys().dataKeysFile()), false);
        String yymm = panExpiry.substring(3, 5) + panExpiry.substring(0, 2);
        String cvn2 = new DerivedCardSecrets(keyring).cvn2(pan, yymm);
        return cvn2;
    }

    private TrxInfo enrollCard(String device, String pan, String expiry, String cvn2) {
        return TrxInfo.builder().put("deviceID", device).put("userID", "3329941324335104")
                .put("cvmInfo", TrxInfo.builder().put("pan", pan).put("expiryDate", expiry).put("cvn2", cvn2)
                        .build()).build();
    }

    private static TrxInfo tokenRequest(String device, String token) {
        return TrxInfo.builder().put("deviceID", device).put("userID", "3329941324335104").put("token", token)
                .build();
    }

    private static TrxInfo statusChange(String device, String token, String action) {
        return tokenRequest(device, token).toBuilder().put("tokenAction", action).build();
    }

    private long[] state() throws Exception {
        return new long[] {sw.count("cards"), sw.count("tokens"), sw.count("idempotency")};
    }

    // ---- the message types

    @Test
    void cvmInquiryListsTheProductFields() {
        SignedExchange ex = call("CVM_INQUIRY", TrxInfo.EMPTY);
        assertThat(ex.responseCode()).isEqualTo("00");
        assertThat(ex.msgIdEchoed()).isTrue();
        assertThat(ex.trxInfo().list("cvm")).contains("firstName", "idNo");
    }

    @Test
    void enrollmentOnAnAccountIssuesALuhnValidVirtualCardOnTheProductBin() {
        String device = device();
        SignedExchange ex = call("CARD_ENROLLMENT", enrollAccount(device, account()));
        assertThat(ex.responseCode()).isEqualTo("00");
        TrxInfo t = ex.trxInfo();
        assertThat(t.string("deviceID")).isEqualTo(device);
        assertThat(t.string("token")).hasSize(19).startsWith("62920000");
        assertThat(Luhn.isValid(t.string("token"))).isTrue();
        assertThat(t.string("pan")).as("pan travels as JWE").matches("[^.]+\\.[^.]*\\.[^.]+\\.[^.]+\\.[^.]+");
        String pan = sw.client.decryptResponseFields(t).trxInfo().string("pan");
        watch.secret(pan);
        assertThat(pan).hasSize(16).startsWith(BIN);
        assertThat(Luhn.isValid(pan)).isTrue();
        assertThat(t.string("maskedPan")).isEqualTo(pan.substring(0, 4) + "********" + pan.substring(12));
        assertThat(t.string("panExpiry")).matches("\\d\\d/\\d\\d");
        assertThat(t.string("tokenExpiry")).matches("\\d{12}");
        assertThat(t.string("cardType")).isEqualTo("Virtual Card");
        assertThat(t.string("cardFaceID")).isEqualTo("100101");
    }

    @Test
    void enrollmentOnAnAccountTheCbsDoesNotKnowIs14AndIssuesNothing() throws Exception {
        String unknown = SeededAccounts.unknown();
        watch.secret(unknown);
        long[] before = state();
        SignedExchange ex = call("CARD_ENROLLMENT", enrollAccount(device(), unknown));
        assertThat(ex.responseCode()).isEqualTo("14");
        long[] after = state();
        assertThat(after[0]).as("cards").isEqualTo(before[0]);
        assertThat(after[1]).as("tokens").isEqualTo(before[1]);
    }

    @Test
    void exactRetryReturnsTheIdenticalResponseAndEnrollsOnce() throws Exception {
        // a retry resends the same bytes: encrypt cvmInfo once, as the App Gateway did for the original
        String msgId = sw.client.newMsgId();
        TrxInfo trx = sw.client.encryptSensitiveFields(enrollAccount(device(), account()));
        RequestSpec spec = RequestSpec.builder("CARD_ENROLLMENT").trxInfo(trx).msgId(msgId)
                .encryptSensitiveFields(false).build();
        SignedExchange first = send(spec);
        long[] after = state();
        SignedExchange again = send(spec);
        assertThat(first.responseCode()).isEqualTo("00");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.signatureValid()).isTrue();
        assertThat(again.headers().get("upi-jws")).isNotEqualTo(first.headers().get("upi-jws"));
        assertThat(state()).isEqualTo(after);
    }

    @Test
    void sameMsgIdWithOtherContentIs94AndChangesNothing() throws Exception {
        String msgId = sw.client.newMsgId();
        assertThat(sw.client.call("CARD_ENROLLMENT", enrollAccount(device(), account()), msgId).join()
                .responseCode()).isEqualTo("00");
        long[] before = state();
        SignedExchange other = sw.client.call("CARD_ENROLLMENT", enrollAccount(device(), account()), msgId).join();
        assertThat(other.responseCode()).isEqualTo("94");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void secondEnrollmentOfTheAccountOnTheSameDeviceIs88() {
        String device = device();
        String account = account();
        assertThat(call("CARD_ENROLLMENT", enrollAccount(device, account)).responseCode()).isEqualTo("00");
        assertThat(call("CARD_ENROLLMENT", enrollAccount(device, account)).responseCode()).isEqualTo("88");
    }

    @Test
    void existingCardGetsATokenOnAnotherDeviceWithExpiryAndCvn2() throws Exception {
        Enrolled card = enroll();
        String cvn2 = cvn2(card.pan(), card.panExpiry());
        String yymm = card.panExpiry().substring(3, 5) + card.panExpiry().substring(0, 2);
        String otherDevice = device();
        SignedExchange ok = call("CARD_ENROLLMENT", enrollCard(otherDevice, card.pan(), yymm, cvn2));
        assertThat(ok.responseCode()).isEqualTo("00");
        assertThat(ok.trxInfo().string("token")).isNotEqualTo(card.token());
        assertThat(sw.client.decryptResponseFields(ok.trxInfo()).trxInfo().string("pan")).isEqualTo(card.pan());
        String wrong = String.format("%03d", (Integer.parseInt(cvn2) + 1) % 1000);
        assertThat(call("CARD_ENROLLMENT", enrollCard(device(), card.pan(), yymm, wrong)).responseCode())
                .isEqualTo("05");
        assertThat(call("CARD_ENROLLMENT", enrollCard(otherDevice, card.pan(), yymm, cvn2)).responseCode())
                .isEqualTo("88");
    }

    @Test
    void badCardNumbersAre14And15() {
        String unknown = Luhn.withCheckDigit(BIN + "0000000");
        assertThat(call("CARD_ENROLLMENT", enrollCard(device(), unknown, "3012", "123")).responseCode())
                .isEqualTo("14");
        String notLuhn = unknown.substring(0, 15) + ((unknown.charAt(15) - '0' + 1) % 10);
        assertThat(call("CARD_ENROLLMENT", enrollCard(device(), notLuhn, "3012", "123")).responseCode())
                .isEqualTo("14");
        String otherIssuer = Luhn.withCheckDigit("621234567890123");
        assertThat(call("CARD_ENROLLMENT", enrollCard(device(), otherIssuer, "3012", "123")).responseCode())
                .isEqualTo("15");
    }

    @Test
    void unknownProductIs89AndMissingFieldIs30() {
        TrxInfo unknownProduct = enrollAccount(device(), account()).toBuilder().put("prdNo", "9999").build();
        assertThat(call("CARD_ENROLLMENT", unknownProduct).responseCode()).isEqualTo("89");
        TrxInfo noDevice = enrollAccount(device(), account()).toBuilder().remove("deviceID").build();
        assertThat(call("CARD_ENROLLMENT", noDevice).responseCode()).isEqualTo("30");
    }

    @Test
    void undecryptableCvmInfoIsA0() {
        TrxInfo trx = enrollAccount(device(), account()).toBuilder()
                .put("cvmInfo", "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMTI4R0NNIiwia2lkIjoiMSJ9.AAAA.AAAA.AAAA.AAAA")
                .build();
        SignedExchange ex = sw.client.send(RequestSpec.builder("CARD_ENROLLMENT").trxInfo(trx)
                .encryptSensitiveFields(false).build()).join();
        assertThat(ex.responseCode()).isEqualTo("A0");
    }

    @Test
    void cardFaceDownloadReturnsTheConfiguredArt() throws Exception {
        SignedExchange ex = call("CARDFACE_DOWNLOADING", TrxInfo.builder().put("cardfaceID", "100101").build());
        assertThat(ex.responseCode()).isEqualTo("00");
        byte[] png = Files.readAllBytes(Path.of("..", "conf", "cardfaces", "100101.png"));
        assertThat(Base64.getDecoder().decode(ex.trxInfo().string("cardfaceData"))).isEqualTo(png);
        assertThat(call("CARDFACE_DOWNLOADING", TrxInfo.builder().put("cardfaceID", "999999").build())
                .responseCode()).isEqualTo("89");
    }

    @Test
    void tokenLifecycleSuspendResumeDelete() {
        Enrolled card = enroll();
        SignedExchange suspended = call("CARD_STATUS_MANAGEMENT", statusChange(card.device(), card.token(), "SUSPEND"));
        assertThat(suspended.responseCode()).isEqualTo("00");
        assertThat(suspended.trxInfo().string("tokenState")).isEqualTo("SUSPENDED");
        assertThat(call("CARD_STATUS_INQUIRY", tokenRequest(card.device(), card.token())).trxInfo()
                .string("cardStatus")).isEqualTo("SUSPENDED");
        assertThat(call("CARD_STATUS_MANAGEMENT", statusChange(card.device(), card.token(), "RESUME")).trxInfo()
                .string("tokenState")).isEqualTo("ACTIVE");
        assertThat(call("CARD_STATUS_MANAGEMENT", statusChange(card.device(), card.token(), "DELETE")).trxInfo()
                .string("tokenState")).isEqualTo("DELETED");
        assertThat(call("CARD_STATUS_MANAGEMENT", statusChange(card.device(), card.token(), "RESUME"))
                .responseCode()).isEqualTo("93");
        assertThat(call("CARD_STATUS_MANAGEMENT", statusChange(card.device(), card.token(), "FREEZE"))
                .responseCode()).isEqualTo("30");
    }

    @Test
    void tokenChecksAre14_73_55() {
        Enrolled card = enroll();
        assertThat(call("CARD_STATUS_INQUIRY", tokenRequest(device(), card.token())).responseCode())
                .isEqualTo("55");
        String unknown = Luhn.withCheckDigit("629200009999999999");
        assertThat(call("CARD_STATUS_INQUIRY", tokenRequest(card.device(), unknown)).responseCode())
                .isEqualTo("73");
        String notLuhn = card.token().substring(0, 18) + ((card.token().charAt(18) - '0' + 1) % 10);
        assertThat(call("CARD_STATUS_INQUIRY", tokenRequest(card.device(), notLuhn)).responseCode())
                .isEqualTo("14");
    }

    @Test
    void issuerBlockedCardGivesItsReasonCode() throws Exception {
        Enrolled card = enroll();
        call("CARD_STATUS_MANAGEMENT", statusChange(card.device(), card.token(), "SUSPEND"));
        sw.update("UPDATE cards SET state = 'SUSPENDED', reason = 'LOST' WHERE card_id = (SELECT card_id FROM tokens"
                + " WHERE token = '" + card.token() + "')");
        assertThat(call("CARD_STATUS_MANAGEMENT", statusChange(card.device(), card.token(), "RESUME"))
                .responseCode()).isEqualTo("21");
        String yymm = card.panExpiry().substring(3, 5) + card.panExpiry().substring(0, 2);
        assertThat(call("CARD_ENROLLMENT", enrollCard(device(), card.pan(), yymm, cvn2(card.pan(),
                card.panExpiry()))).responseCode()).isEqualTo("41");
    }

    @Test
    void keyExchangeRegistersANewSigningKeyThatIsThenAccepted() {
        KeyPair fresh = TestKeyPairs.RSA_B;
        String kid = "77" + Long.toString(Instant.now().toEpochMilli());
        TrxInfo trx = TrxInfo.builder().put("insSignCertID", kid)
                .put("insSignPublicKey", Base64.getEncoder().encodeToString(fresh.getPublic().getEncoded())).build();
        SignedExchange ex = call("KEY_EXCHANGE", trx);
        assertThat(ex.responseCode()).isEqualTo("00");
        assertThat(ex.trxInfo().string("upiSignCertID")).isEqualTo(sw.profile.switchSigningKid());
        assertThat(KeyMaterial.readBase64Der(ex.trxInfo().string("upiSignPublicKey")))
                .isEqualTo(sw.profile.switchSigningPublicKey());
        SignedExchange signedWithNewKey = send(RequestSpec.builder("CVM_INQUIRY").trxInfo(TrxInfo.EMPTY).kid(kid)
                .signingKey(fresh.getPrivate()).build());
        assertThat(signedWithNewKey.responseCode()).isEqualTo("00");
        TrxInfo clash = TrxInfo.builder().put("insSignCertID", kid).put("insSignPublicKey",
                Base64.getEncoder().encodeToString(TestKeyPairs.RSA_A.getPublic().getEncoded())).build();
        assertThat(call("KEY_EXCHANGE", clash).responseCode()).isEqualTo("78");
        TrxInfo garbage = TrxInfo.builder().put("insSignCertID", "88").put("insSignPublicKey", "bm90IGEga2V5")
                .build();
        assertThat(call("KEY_EXCHANGE", garbage).responseCode()).isEqualTo("30");
    }

    @Test
    void qrcGenerationWithoutItsFieldsIs30() {
        // QRC_GENERATION was this suite's example of a type without a handler (40) until issue 4 implemented it
        assertThat(call("QRC_GENERATION", TrxInfo.builder().put("deviceID", "d").build()).responseCode())
                .isEqualTo("30");
    }

    // ---- the gate: every refusal leaves state untouched

    @Test
    void securityFailuresAreA0AndChangeNothing() throws Exception {
        TrxInfo trx = enrollAccount(device(), account());
        long[] before = state();
        assertThat(send(RequestSpec.builder("CARD_ENROLLMENT").trxInfo(trx).corruptSignature().build())
                .responseCode()).as("tampered").isEqualTo("A0");
        assertThat(send(RequestSpec.builder("CARD_ENROLLMENT").trxInfo(trx).kid("404").build()).responseCode())
                .as("unknown kid").isEqualTo("A0");
        String stale = Long.toString(Instant.now().getEpochSecond() - 600);
        assertThat(send(RequestSpec.builder("CARD_ENROLLMENT").trxInfo(trx).timestamp(stale).build())
                .responseCode()).as("stale").isEqualTo("A0");
        assertThat(send(RequestSpec.builder("CARD_ENROLLMENT").trxInfo(trx).reqPath("/scis/switch/kycverify")
                .build()).responseCode()).as("reqpath").isEqualTo("A0");
        assertThat(send(RequestSpec.builder("CARD_ENROLLMENT").trxInfo(trx).alg("none").build()).responseCode())
                .as("alg none").isEqualTo("A0");
        assertThat(send(RequestSpec.builder("CARD_ENROLLMENT").trxInfo(trx).skipSigning().build()).responseCode())
                .as("unsigned").isEqualTo("A0");
        assertThat(send(RequestSpec.builder("CARD_ENROLLMENT").trxInfo(trx).signingKey(TestKeyPairs.RSA_B
                .getPrivate()).build()).responseCode()).as("wrong key").isEqualTo("A0");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void reusedUuidIsA0() throws Exception {
        String uuid = org.openscis.codec.jose.UpiJws.newUuid();
        assertThat(send(RequestSpec.builder("CVM_INQUIRY").trxInfo(TrxInfo.EMPTY).uuid(uuid).build())
                .responseCode()).isEqualTo("00");
        long[] before = state();
        assertThat(send(RequestSpec.builder("CARD_ENROLLMENT").trxInfo(enrollAccount(device(), account()))
                .uuid(uuid).build()).responseCode()).isEqualTo("A0");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void formatFailuresAre30AndChangeNothing() throws Exception {
        long[] before = state();
        SignedExchange mismatch = send(RequestSpec.builder("CARD_ENROLLMENT").trxInfo(enrollAccount(device(),
                account())).path("/scis/switch/cvminquiry").reqPath("/scis/switch/cvminquiry").build());
        assertThat(mismatch.responseCode()).as("msgType/path").isEqualTo("30");
        TrxInfo badDevice = enrollAccount("x".repeat(65), account());
        assertThat(call("CARD_ENROLLMENT", badDevice).responseCode()).as("deviceID too long").isEqualTo("30");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void httpLevelRefusals() throws Exception {
        long[] before = state();
        SignedExchange notJson = send(RequestSpec.builder("CARD_ENROLLMENT")
                .rawBody("{not json".getBytes(StandardCharsets.UTF_8)).build());
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.responseCode()).isEqualTo("30");
        assertThat(notJson.signatureValid()).isTrue();
        byte[] huge = ("{\"msgInfo\":{},\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        ClientResponse tooBig = sw.client.send("/scis/switch/cardenrollment", huge,
                java.util.Map.of("Content-Type", "application/json")).join();
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(send(RequestSpec.builder("CVM_INQUIRY").trxInfo(TrxInfo.EMPTY).method("GET").build()).status())
                .isEqualTo(405);
        assertThat(send(RequestSpec.builder("CVM_INQUIRY").trxInfo(TrxInfo.EMPTY).contentType("text/plain").build())
                .status()).isEqualTo(415);
        assertThat(send(RequestSpec.builder("CVM_INQUIRY").trxInfo(TrxInfo.EMPTY).path("/scis/switch/nothing")
                .build()).status()).isEqualTo(404);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void adminEndpointsAnswer() throws Exception {
        call("CVM_INQUIRY", TrxInfo.EMPTY);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + sw.adminPort();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("openscis_requests_total{code=\"00\",http=\"200\",type=\"CVM_INQUIRY\"}")
                .contains("openscis_request_latency_seconds_bucket");
    }

    @Test
    void aSlowReadinessProbeDoesNotStallTheMessageListener() throws Exception {
        com.zaxxer.hikari.HikariDataSource pool = (com.zaxxer.hikari.HikariDataSource) sw.server.database()
                .dataSource();
        List<Connection> held = new ArrayList<>();
        java.util.concurrent.CompletableFuture<HttpResponse<String>> probe;
        try {
            // every pooled connection taken: the readiness probe now waits for one (the pool's connection timeout)
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            probe = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + sw.adminPort() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3))
                    .until(() -> pool.getHikariPoolMXBean().getThreadsAwaitingConnection() > 0);
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", sw.server.httpPort())) {
                socket.setSoTimeout(2_000);
                socket.getOutputStream().write("GET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                        socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                assertThat(statusLine).startsWith("HTTP/1.1 404");
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(probe.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isIn(200, 503);
    }
}
