package org.openscis.connector.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.connector.sim.Messages.BILLER;
import static org.openscis.connector.sim.Messages.customer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;

/** The switch's signature (72), envelope and JWE problems (400/30, 30, 70), HTTP rules and the admin endpoints. */
class SecurityAndHttpIT {

    private static final String PATH = "/cbs/debit_transaction";
    private static CbsSimulator sim;
    private static SimTestClient client;

    @BeforeAll
    static void start() throws Exception {
        sim = CbsSimulator.start(SimKeys.config(), Clock.systemUTC());
        client = new SimTestClient(sim.baseUrl(), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static byte[] debitBody(String msgId) {
        return client.body("DEBIT_TRANSACTION", msgId, Messages.debit(customer(120), BILLER, "1.00", "0"));
    }

    private static String header(String kid, String appId, String path, byte[] body, PrivateKey key) {
        UpiJwsHeader h = path == null
                ? UpiJwsHeader.response("RS256", kid, UpiJws.newUuid(), Long.toString(Instant.now().getEpochSecond()),
                        appId)
                : UpiJwsHeader.request("RS256", kid, UpiJws.newUuid(), Long.toString(Instant.now().getEpochSecond()),
                        appId, path);
        return UpiJws.sign(h, body, key);
    }

    private static void assertRefused(SimTestClient.Reply reply, int status, String code) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(SimTestClient.verified(reply.headers().get("upi-jws"), reply.body())).as("signed").isTrue();
        String json = new String(reply.body(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"responseCode\":\"" + code + "\"");
    }

    @Test
    void everyBadSignatureIs72AndChangesNothing() throws Exception {
        String msgId = Messages.msgId();
        byte[] body = debitBody(msgId);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"1.00\"", "\"9.00\"")
                .getBytes(StandardCharsets.UTF_8);
        KeyPair stranger = KeyMaterial.generateEcP256();
        List<String> headers = new ArrayList<>();
        headers.add(null);
        headers.add("not-a-jws");
        headers.add(header(SimKeys.SWITCH_SIGNING_KID, SimKeys.IIN, PATH, body, SimKeys.CBS_SIGNING.getPrivate()));
        headers.add(header("unknown-kid", SimKeys.IIN, PATH, body, SimKeys.SWITCH_SIGNING.getPrivate()));
        headers.add(header(SimKeys.SWITCH_SIGNING_KID, SimKeys.IIN, "/cbs/credit_transaction", body,
                SimKeys.SWITCH_SIGNING.getPrivate()));
        headers.add(header(SimKeys.SWITCH_SIGNING_KID, SimKeys.IIN, null, body, SimKeys.SWITCH_SIGNING.getPrivate()));
        headers.add(header(SimKeys.SWITCH_SIGNING_KID, "11111111", PATH, body, SimKeys.SWITCH_SIGNING.getPrivate()));
        headers.add(UpiJws.sign(UpiJwsHeader.request("ES256", SimKeys.SWITCH_SIGNING_KID, UpiJws.newUuid(),
                Long.toString(Instant.now().getEpochSecond()), SimKeys.IIN, PATH), body, stranger.getPrivate()));
        for (String upiJws : headers) {
            SimTestClient.Reply reply = client.post(PATH, body, upiJws);
            assertThat(reply.signed()).isTrue();
            assertThat(reply.code()).as("header %s", upiJws).isEqualTo("72");
            assertThat(reply.envelope().msgInfo().msgID()).isEqualTo(msgId);
        }
        SimTestClient.Reply reply = client.post(PATH, tampered, SimTestClient.sign(PATH, body));
        assertThat(reply.code()).as("body changed after signing").isEqualTo("72");
        assertThat(sim.ledger().movementState(msgId)).isEmpty();
        assertThat(sim.ledger().balanceMinor(customer(120))).isEqualTo(100_000);
        assertThat(client.post(PATH, body).code()).as("the genuine request still works").isEqualTo("00");
    }

    @Test
    void anUnreadableBodyIs400With30AndAnUnsignedOneIs400With72() throws Exception {
        byte[] garbage = "{\"not\":\"an envelope\"".getBytes(StandardCharsets.UTF_8);
        assertRefused(client.post(PATH, garbage), 400, "30");
        assertRefused(client.post(PATH, garbage, null), 400, "72");
        byte[] random = new byte[257];
        new Random(3).nextBytes(random);
        assertRefused(client.post(PATH, random), 400, "30");
        assertRefused(client.post(PATH, new byte[0]), 400, "30");
    }

    @Test
    void envelopeProblemsAre30() throws Exception {
        byte[] credit = client.body("CREDIT_TRANSACTION", Messages.msgId(), Messages.credit(customer(121), "X", "1"));
        SimTestClient.Reply wrongPath = client.post(PATH, credit);
        assertThat(wrongPath.code()).as("msgType not the path's").isEqualTo("30");
        assertThat(wrongPath.signed()).isTrue();

        String otherIssuer = new String(debitBody(Messages.msgId()), StandardCharsets.UTF_8)
                .replace("\"insID\":\"" + SimKeys.IIN + "\"", "\"insID\":\"12345678\"");
        assertThat(client.post(PATH, otherIssuer.getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("30");

        byte[] shortId = client.body("DEBIT_TRANSACTION", "U123", Messages.debit(customer(121), BILLER, "1", "0"));
        SimTestClient.Reply badMsgInfo = client.post(PATH, shortId);
        assertThat(badMsgInfo.code()).isEqualTo("30");
        assertThat(badMsgInfo.message()).contains("msgID");
    }

    @Test
    void undecryptableJweFieldsAre70() throws Exception {
        TrxInfo debit = Messages.debit(customer(122), BILLER, "1.00", "0");
        TrxInfo account = debit.object("debitAccountInfo");
        List<Object> badFields = List.of(
                "not-a-jwe",
                account,
                JweCodec.encrypt("{\"accountNo\":\"1\"}".getBytes(StandardCharsets.UTF_8),
                        SimKeys.SWITCH_ENCRYPTION.getPublic(), SimKeys.CBS_ENCRYPTION_KID),
                JweCodec.encrypt("{\"accountNo\":\"1\"}".getBytes(StandardCharsets.UTF_8),
                        SimKeys.CBS_ENCRYPTION.getPublic(), "other-kid"),
                JweCodec.encrypt("[1,2]".getBytes(StandardCharsets.UTF_8), SimKeys.CBS_ENCRYPTION.getPublic(),
                        SimKeys.CBS_ENCRYPTION_KID));
        for (Object field : badFields) {
            String msgId = Messages.msgId();
            byte[] body = client.plainBody("DEBIT_TRANSACTION", msgId,
                    debit.toBuilder().put("debitAccountInfo", field).build());
            SimTestClient.Reply reply = client.post(PATH, body);
            assertThat(reply.code()).isEqualTo("70");
            assertThat(sim.ledger().movementState(msgId)).isEmpty();
        }
        assertThat(sim.ledger().balanceMinor(customer(122))).isEqualTo(100_000);
    }

    @Test
    void httpRules() throws Exception {
        SimTestClient.Reply get = client.call("GET", PATH, null);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.headers().get("allow")).containsExactly("POST");
        assertThat(client.call("POST", "/cbs/no_such_type", new byte[] {'{', '}'}).status()).isEqualTo(404);
        assertThat(client.call("GET", "/", null).status()).isEqualTo(404);
        assertThat(client.call("POST", "/cbs/DEBIT_TRANSACTION", new byte[] {'{', '}'}).status()).isEqualTo(404);
        byte[] big = new byte[SimConfig.DEFAULT_MAX_BODY_BYTES + 1];
        assertThat(client.post(PATH, big, null).status()).isEqualTo(413);
        assertThat(client.post(PATH, debitBody(Messages.msgId())).code()).as("still serving").isEqualTo("00");
    }

    @Test
    void pipelinedRequestsOnOneConnectionAreAnsweredInOrderEvenA413() throws Exception {
        String first = Messages.msgId();
        String second = Messages.msgId();
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.write(rawPostTo(PATH, debitBody(first)));
            both.write(rawPostTo(PATH, new byte[SimConfig.DEFAULT_MAX_BODY_BYTES + 1]));
            both.write(rawPostTo("/cbs/account_balance_inquiry",
                    client.body("ACCOUNT_BALANCE_INQUIRY", second, Messages.balance(customer(120)))));
            out.write(both.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            String one = readResponse(in);
            String tooLarge = readResponse(in);
            String three = readResponse(in);
            assertThat(one).startsWith("HTTP/1.1 200").contains(first);
            assertThat(tooLarge).as("answered in turn, connection kept").startsWith("HTTP/1.1 413");
            assertThat(three).startsWith("HTTP/1.1 200").contains(second);

            out.write("GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 400");
        }
    }

    private static byte[] rawPostTo(String path, byte[] body) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "UPI-JWS: " + SimTestClient.sign(path, body) + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** One response: headers up to the blank line, then Content-Length bytes. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void adminAccountsAndLedgerCheck() throws Exception {
        SimTestClient.Reply account = client.call("GET", "/sim/accounts/" + customer(123), null);
        assertThat(account.status()).isEqualTo(200);
        assertThat(new String(account.body(), StandardCharsets.UTF_8))
                .contains("\"balance\":\"1000.00\"", "\"available\":\"1000.00\"", "\"kind\":\"CUSTOMER\"");
        assertThat(client.call("GET", "/sim/accounts/nope", null).status()).isEqualTo(404);
        assertThat(client.call("POST", "/sim/accounts/" + customer(123), new byte[0]).status()).isEqualTo(405);

        SimTestClient.Reply check = client.call("GET", "/sim/ledger/check", null);
        assertThat(check.status()).isEqualTo(200);
        assertThat(new String(check.body(), StandardCharsets.UTF_8)).contains("\"ok\":true", "\"totalMinor\":0");
        assertThat(client.call("GET", "/sim/nothing", null).status()).isEqualTo(404);

        SimTestClient.Reply badWithdraw = client.call("POST", "/sim/withdraw", "[".getBytes(StandardCharsets.UTF_8));
        assertThat(badWithdraw.status()).isEqualTo(400);
        SimTestClient.Reply unknown = client.call("POST", "/sim/withdraw",
                "{\"trxToken\":\"1\",\"agentMid\":\"AGENT0000000001\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("UNKNOWN_TOKEN", "\"25\"");
        assertThat(client.call("GET", "/sim/withdraw", null).status()).isEqualTo(405);
    }

    @Test
    void adminFaults() throws Exception {
        byte[] rules = ("[{\"msgType\":\"REVERSAL\",\"action\":\"RESPOND\",\"responseCode\":\"91\",\"count\":1},"
                + "{\"action\":\"DELAY\",\"delayMillis\":10,\"probability\":0}]").getBytes(StandardCharsets.UTF_8);
        SimTestClient.Reply set = client.call("POST", "/sim/faults", rules);
        assertThat(set.status()).isEqualTo(200);
        assertThat(sim.faults().list()).hasSize(2);
        SimTestClient.Reply reversal = client.send("REVERSAL", Messages.msgId(),
                Messages.reversal(Messages.msgId(), "DEBIT_TRANSACTION", "1.00"));
        assertThat(reversal.code()).isEqualTo("91");
        assertThat(reversal.signed()).isTrue();
        String listed = new String(client.call("GET", "/sim/faults", null).body(), StandardCharsets.UTF_8);
        assertThat(listed).contains("\"DELAY\"").doesNotContain("RESPOND");

        client.call("POST", "/sim/faults", "{\"action\":\"DROP\",\"msgType\":\"OPEN_ACCOUNT\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(sim.faults().list()).hasSize(2).last().extracting(FaultRule::action).isEqualTo(FaultAction.DROP);
        assertThat(client.call("POST", "/sim/faults", "{\"action\":\"BOOM\"}".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(400);
        assertThat(client.call("PUT", "/sim/faults", new byte[0]).status()).isEqualTo(405);
        assertThat(client.call("DELETE", "/sim/faults", null).status()).isEqualTo(200);
        assertThat(sim.faults().list()).isEmpty();
    }

    @Test
    void theAccountInfoOfAResponseIsEncryptedToTheSwitch() throws Exception {
        assertThat(client.send("KYC_VERIFICATION", Messages.msgId(), Messages.kyc("SEC-KYC-1", "Z1")).code())
                .isEqualTo("00");
        SimTestClient.Reply open = client.send("OPEN_ACCOUNT", Messages.msgId(), Messages.openAccount("SEC-KYC-1"));
        Object wire = open.envelope().trxInfo().get("accountInfo");
        assertThat(wire).isInstanceOf(String.class);
        assertThat(((String) wire).split("\\.")).hasSize(5);
        assertThat(open.plainTrxInfo().object("accountInfo").string("accountNo")).matches("2\\d{11}");
    }
}
