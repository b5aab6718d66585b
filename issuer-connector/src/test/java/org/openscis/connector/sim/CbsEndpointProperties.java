package org.openscis.connector.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.connector.sim.bank.Bank;

/** Whatever bytes arrive as a body, the CBS endpoint answers cleanly: a signed 400/30 (or 72), never an exception. */
class CbsEndpointProperties {

    private static final String PATH = "/cbs/debit_transaction";
    private static final EnvelopeCodec CODEC = new EnvelopeCodec();
    private static Bank bank;
    private static CbsEndpoint endpoint;

    @BeforeContainer
    static void start() {
        SimConfig cfg = SimKeys.config();
        Clock clock = Clock.systemUTC();
        bank = Bank.open("jdbc:h2:mem:props-" + UUID.randomUUID(), null, clock, 2);
        endpoint = new CbsEndpoint(cfg, new FieldCrypto(cfg), new ResponseSigner(cfg, clock), bank, clock);
    }

    @AfterContainer
    static void stop() {
        bank.close();
    }

    private static SimAction.Reply handle(byte[] body, String upiJws) {
        return endpoint.handle(new SimRequest("POST", PATH, upiJws, body, true, false, true, false), "DEBIT_TRANSACTION");
    }

    private static String code(SimAction.Reply reply) {
        DecodeResult decoded = CODEC.decode(reply.body());
        assertThat(decoded).isInstanceOf(DecodeResult.Unreadable.class);
        // The bare error body has no msgInfo, so the codec calls it unreadable; read msgResponse directly.
        String json = new String(reply.body(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"msgResponse\":{\"responseCode\":\"");
        return json.substring(32, 34);
    }

    @Property(tries = 200)
    void randomSignedBytesGet400With30(@ForAll("bodies") byte[] body) {
        SimAction.Reply reply = handle(body, SimTestClient.sign(PATH, body));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(code(reply)).isEqualTo("30");
        assertThat(reply.headers()).containsKey("UPI-JWS");
    }

    @Property(tries = 150)
    void randomUnsignedBytesGet72(@ForAll("bodies") byte[] body, @ForAll("headers") String upiJws) {
        SimAction.Reply reply = handle(body, upiJws);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(code(reply)).isEqualTo("72");
    }

    @Property(tries = 150)
    void randomTrxInfoInAValidEnvelopeIsRefusedWithoutHarm(@ForAll("trxInfoJson") String trxInfo) {
        String json = "{\"msgInfo\":{\"versionNo\":\"1.0.0\",\"msgID\":\"" + Messages.msgId()
                + "\",\"timeStamp\":\"20260301100000\",\"msgType\":\"DEBIT_TRANSACTION\",\"insID\":\"" + SimKeys.IIN
                + "\"},\"trxInfo\":" + trxInfo + "}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        SimAction.Reply reply = handle(body, SimTestClient.sign(PATH, body));
        if (reply.status() == 400) {
            assertThat(code(reply)).isEqualTo("30");
            return;
        }
        assertThat(reply.status()).isEqualTo(200);
        Envelope envelope = ((DecodeResult.Ok) CODEC.decode(reply.body())).envelope();
        assertThat(envelope.msgResponse().responseCode()).isIn("30", "70", "13", "14", "03");
        assertThat(bank.ledger().totalMinor()).isZero();
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789abcmsgInfoTrx \\u")
                .ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, jsonish);
    }

    @Provide
    Arbitrary<String> headers() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ascii().ofMaxLength(120),
                Arbitraries.strings().withChars("abcXYZ019-_.").ofMaxLength(300));
    }

    @Provide
    Arbitrary<String> trxInfoJson() {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.just("null"), Arbitraries.just("{}"),
                Arbitraries.just("[]"), Arbitraries.just("1.5"),
                Arbitraries.strings().withChars("0123456789.-eyJ").ofMaxLength(20).map(s -> "\"" + s + "\""));
        Arbitrary<String> names = Arbitraries.of("trxAmt", "trxCurrency", "feeAmt", "debitAccountInfo",
                "merchantInfo", "cvmInfo", "x");
        Arbitrary<String> member = names.flatMap(n -> values.map(v -> "\"" + n + "\":" + v));
        return Arbitraries.oneOf(values, member.list().ofMaxSize(6).uniqueElements(m -> m.substring(0, m.indexOf(':')))
                .map(ms -> "{" + String.join(",", ms) + "}"));
    }
}
