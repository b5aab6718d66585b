package org.openscis.connector.cbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweResult;
import org.openscis.connector.link.LinkConfig;
import org.openscis.connector.link.LinkResult.NotSentReason;
import org.openscis.connector.link.LinkTestKeys;
import org.openscis.connector.link.PeerLink;
import org.openscis.connector.link.SignedTestServer.Reply;
import org.openscis.connector.link.SignedTestServer;

/** The CBS client against a loopback CBS that checks the wire form and answers with encrypted fields. */
class CbsClientIT {

    private static final String IIN = "12345678";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final EnvelopeCodec CODEC = new EnvelopeCodec();
    private static final TrxInfo CVM = TrxInfo.builder().put("firstName", "Ada").put("lastName", "Lovelace")
            .put("idType", "01").put("idNo", "ID99887766").build();
    private static final TrxInfo ACCOUNT = TrxInfo.builder().put("accountNo", "123456789012")
            .put("firstName", "Ada").put("lastName", "Lovelace").put("accountStatus", "ACTIVE")
            .put("accountTier", "1").put("countryCode", "SG").build();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private SignedTestServer cbs;
    private PeerLink link;

    @BeforeEach
    void start() {
        cbs = SignedTestServer.start();
    }

    @AfterEach
    void stop() {
        if (link != null) {
            link.close();
        }
        cbs.close();
        group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    private static Optional<PublicKey> cbsKeys(String appId, String kid) {
        return IIN.equals(appId) && LinkTestKeys.PEER_KID.equals(kid)
                ? Optional.of(LinkTestKeys.PEER_SIGNING.getPublic()) : Optional.empty();
    }

    private CbsClient client(URI uri, Map<String, String> paths, CbsFieldCipher cipher) {
        link = new PeerLink("cbs-" + IIN, LinkConfig.defaults(uri), null, group, LinkTestKeys.switchSigner(),
                CbsClientIT::cbsKeys, CLOCK, new SimpleMeterRegistry());
        return new CbsClient(IIN, link, paths, cipher, CLOCK);
    }

    private CbsClient client() {
        return client(cbs.uri(), Map.of(), new CbsTestCipher());
    }

    private static Envelope envelope(SignedTestServer.Received r) {
        return ((DecodeResult.Ok) CODEC.decode(r.body())).envelope();
    }

    /** Opens the account: the answer's accountInfo encrypted to the switch. */
    private static Reply openAccount(SignedTestServer.Received r) {
        TrxInfo trx = TrxInfo.builder()
                .put("accountInfo", CbsTestCipher.encryptForSwitch(CODEC.encodeObject(ACCOUNT)))
                .put("referNo", envelope(r).trxInfo().string("referNo")).build();
        return SignedTestServer.signed(200, SignedTestServer.echoBody(r, "00", "Approved", trx));
    }

    private static CbsResult result(CompletableFuture<CbsResult> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void requestFieldsTravelEncryptedAndAnswerFieldsComeBackDecrypted() throws Exception {
        cbs.behave(CbsClientIT::openAccount);
        TrxInfo plain = TrxInfo.builder().put("insPrd", "P1").put("userID", "u-1").put("cvmInfo", CVM)
                .put("referNo", "R0001").build();
        String msgId = "U12345678202503040506070000001";

        CbsResult r = result(client().call("OPEN_ACCOUNT", msgId, plain, CLOCK.instant().plusSeconds(5)));

        assertThat(r).isEqualTo(new CbsResult.Answered("00", "Approved",
                TrxInfo.builder().put("accountInfo", ACCOUNT).put("referNo", "R0001").build()));
        SignedTestServer.Received seen = cbs.received().get(0);
        assertThat(seen.path()).isEqualTo("/cbs/open_account");
        assertThat(seen.signatureOk()).isTrue();
        assertThat(seen.appId()).isEqualTo(IIN);
        assertThat(new String(seen.body(), StandardCharsets.UTF_8)).doesNotContain("ID99887766", "Lovelace");
        Envelope wire = envelope(seen);
        assertThat(wire.msgInfo()).isEqualTo(new MsgInfo("1.0.0", msgId, "20250304050607", "OPEN_ACCOUNT", IIN));
        JweResult cvm = CbsTestCipher.decryptAsIssuer(wire.trxInfo().string("cvmInfo"));
        assertThat(CODEC.decodeObject(((JweResult.Ok) cvm).plaintext())).isEqualTo(CVM);
        assertThat(wire.trxInfo().string("insPrd")).isEqualTo("P1");
    }

    @Test
    void aConfiguredPathReplacesTheDefault() throws Exception {
        CbsClient client = client(cbs.uri(), Map.of("REVERSAL", "/core/reverse"), new CbsTestCipher());

        CbsResult r = result(client.call("REVERSAL", "U12345678202503040506070000002", TrxInfo.EMPTY,
                CLOCK.instant().plusSeconds(5)));

        assertThat(r).isInstanceOf(CbsResult.Answered.class);
        assertThat(cbs.received().get(0).path()).isEqualTo("/core/reverse");
        assertThat(client.path("DEBIT_TRANSACTION")).isEqualTo("/cbs/debit_transaction");
    }

    @Test
    void aSignedAnswerForAnotherMsgIdIsNoAnswer() throws Exception {
        cbs.behave(r -> {
            Envelope asked = envelope(r);
            byte[] other = CODEC.encode(Envelope.response(new MsgInfo("1.0.0", "U12345678202503040506070009999",
                    "20250304050608", asked.msgInfo().msgType(), IIN), null,
                    new MsgResponse("00", "Approved")));
            return SignedTestServer.signed(200, other);
        });

        CbsResult r = result(client().call("DEBIT_TRANSACTION", "U12345678202503040506070000003", TrxInfo.EMPTY,
                CLOCK.instant().plusSeconds(5)));

        assertThat(r).isInstanceOf(CbsResult.NoAnswer.class);
    }

    @Test
    void aLostConnectionIsNoAnswerAndARefusedOneIsNotSent() throws Exception {
        cbs.behave(r -> new Reply.Close());
        CbsResult lost = result(client().call("DEBIT_TRANSACTION", "U12345678202503040506070000004", TrxInfo.EMPTY,
                CLOCK.instant().plusSeconds(5)));
        link.close();
        CbsResult refused = result(client(closedPort(), Map.of(), new CbsTestCipher()).call("DEBIT_TRANSACTION",
                "U12345678202503040506070000005", TrxInfo.EMPTY, CLOCK.instant().plusSeconds(5)));

        assertThat(lost).isInstanceOf(CbsResult.NoAnswer.class);
        assertThat(((CbsResult.NoAnswer) lost).detail()).startsWith("CONNECTION_LOST");
        assertThat(refused).isInstanceOf(CbsResult.NotSent.class);
        assertThat(((CbsResult.NotSent) refused).reason()).isEqualTo(NotSentReason.CONNECT_FAILED);
    }

    @Test
    void aFieldThatCannotBeEncryptedIsNotSent() throws Exception {
        CbsFieldCipher broken = new CbsFieldCipher() {
            @Override
            public String encryptForIssuer(byte[] plaintextJson) {
                throw new IllegalArgumentException("recipient key must be RSA >= 2048 bits or EC P-256");
            }

            @Override
            public JweResult decryptForSwitch(String compactJwe) {
                return new JweResult.Failed(JweResult.Failure.UNKNOWN_KID, "none");
            }
        };
        TrxInfo plain = TrxInfo.builder().put("cvmInfo", CVM).build();

        CbsResult r = result(client(cbs.uri(), Map.of(), broken).call("KYC_VERIFICATION",
                "U12345678202503040506070000006", plain, CLOCK.instant().plusSeconds(5)));

        assertThat(r).isInstanceOf(CbsResult.NotSent.class);
        assertThat(((CbsResult.NotSent) r).reason()).isEqualTo(NotSentReason.CLOSED);
        assertThat(cbs.received()).isEmpty();
    }

    private static URI closedPort() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port);
    }
}
