package org.openscis.connector.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.link.LinkResult.Answered;
import org.openscis.connector.link.LinkResult.NoAnswer;
import org.openscis.connector.link.LinkResult.NoAnswerReason;
import org.openscis.connector.link.LinkResult.NotSent;
import org.openscis.connector.link.LinkResult.NotSentReason;
import org.openscis.connector.link.SignedTestServer.Reply;
import org.openscis.testing.Race;

/** A PeerLink against a loopback peer that signs its answers. */
class PeerLinkIT {

    static final String APP_ID = "12345678";
    static final String PATH = "/cbs/debit_transaction";
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<PeerLink> links = new ArrayList<>();
    private SignedTestServer server;
    private int msgSeq;

    @BeforeEach
    void start() {
        server = SignedTestServer.start();
    }

    @AfterEach
    void stop() {
        links.forEach(PeerLink::close);
        server.close();
        group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    static Optional<PublicKey> peerKeys(String appId, String kid) {
        return APP_ID.equals(appId) && LinkTestKeys.PEER_KID.equals(kid)
                ? Optional.of(LinkTestKeys.PEER_SIGNING.getPublic()) : Optional.empty();
    }

    private PeerLink link(LinkConfig cfg, Clock clock) {
        PeerLink link = new PeerLink("cbs-test", cfg, null, group, LinkTestKeys.switchSigner(),
                PeerLinkIT::peerKeys, clock, registry);
        links.add(link);
        return link;
    }

    private PeerLink link(LinkConfig cfg) {
        return link(cfg, Clock.systemUTC());
    }

    private LinkConfig cfg(int maxConnections, int maxInFlight, int maxQueued, Duration callTimeout) {
        return cfg(server.uri(), maxConnections, maxInFlight, maxQueued, callTimeout, 5);
    }

    private static LinkConfig cfg(URI uri, int maxConnections, int maxInFlight, int maxQueued, Duration callTimeout,
            int circuitThreshold) {
        return new LinkConfig(uri, maxConnections, maxInFlight, maxQueued, Duration.ofSeconds(1), callTimeout,
                Duration.ofMillis(100), Duration.ofSeconds(5), circuitThreshold, Duration.ofSeconds(10), 64 * 1024);
    }

    private String nextMsgId() {
        return String.format("U1234567820250101120000%06d", ++msgSeq);
    }

    private static byte[] body(String msgId) {
        return CODEC.encode(Envelope.request(new MsgInfo("1.0.0", msgId, "20250101120000", "DEBIT_TRANSACTION",
                APP_ID), TrxInfo.builder().put("trxAmt", "10.00").build()));
    }

    private static Instant inSeconds(Clock clock, int s) {
        return clock.instant().plusSeconds(s);
    }

    private CompletableFuture<LinkResult> post(PeerLink link, String msgId) {
        return link.post(PATH, APP_ID, body(msgId), Instant.now().plusSeconds(10));
    }

    private static LinkResult result(CompletableFuture<LinkResult> f) throws Exception {
        return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static String echoedMsgId(LinkResult r) {
        assertThat(r).isInstanceOf(Answered.class);
        return ((Answered) r).envelope().msgInfo().msgID();
    }

    @Test
    void anAnswerIsVerifiedAndDecodedAndTheRequestIsSignedForTheAppIdAndPath() throws Exception {
        PeerLink link = link(LinkConfig.defaults(server.uri()));
        String msgId = nextMsgId();

        LinkResult r = result(post(link, msgId));

        assertThat(r).isInstanceOf(Answered.class);
        Answered a = (Answered) r;
        assertThat(a.httpStatus()).isEqualTo(200);
        assertThat(a.envelope().msgInfo().msgID()).isEqualTo(msgId);
        assertThat(a.envelope().msgResponse().responseCode()).isEqualTo("00");
        assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains(msgId);
        SignedTestServer.Received seen = server.received().get(0);
        assertThat(seen.signatureOk()).isTrue();
        assertThat(seen.appId()).isEqualTo(APP_ID);
        assertThat(seen.path()).isEqualTo(PATH);
        assertThat(seen.body()).isEqualTo(body(msgId));
        assertThat(link.stats()).isEqualTo(new LinkStats(1, 0, 0, 1, 1));
    }

    @Test
    void aBaseUriPathPrefixesTheTargetAndIsWhatIsSigned() throws Exception {
        PeerLink link = link(LinkConfig.defaults(URI.create(server.uri() + "/core/")));

        assertThat(result(post(link, nextMsgId()))).isInstanceOf(Answered.class);

        assertThat(server.received().get(0).path()).isEqualTo("/core" + PATH);
        assertThat(server.received().get(0).signatureOk()).isTrue();
    }

    @Test
    void concurrentCallsShareAtMostMaxConnectionsKeptAlive() throws Exception {
        server.behave(r -> new Reply.Later(10, SignedTestServer.echo(r)));
        PeerLink link = link(cfg(4, 256, 1024, Duration.ofSeconds(3)));

        int afterFirstRound = 0;
        for (int round = 0; round < 2; round++) {
            List<String> ids = new ArrayList<>();
            List<CompletableFuture<LinkResult>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = nextMsgId();
                ids.add(id);
                futures.add(post(link, id));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(echoedMsgId(result(futures.get(i)))).isEqualTo(ids.get(i));
            }
            if (round == 0) {
                afterFirstRound = server.accepted();
            }
        }

        assertThat(afterFirstRound).isBetween(1, 4);
        assertThat(server.accepted()).isEqualTo(afterFirstRound);
        assertThat(server.peakOpen()).isLessThanOrEqualTo(4);
        assertThat(link.stats().peakConnections()).isEqualTo(afterFirstRound);
        assertThat(link.stats().peakInFlight()).isBetween(1, 4);
        assertThat(link.stats().connectionsOpen()).isEqualTo(afterFirstRound);
    }

    @Test
    void callsFromManyThreadsAtOnceEachGetTheirOwnAnswer() throws Exception {
        server.behave(r -> new Reply.Later(2, SignedTestServer.echo(r)));
        PeerLink link = link(cfg(3, 256, 1024, Duration.ofSeconds(5)));

        List<List<String>> mismatches = Race.run(6, thread -> {
            List<String> wrong = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<CompletableFuture<LinkResult>> futures = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                String id = String.format("U12345678202501011200%02d%06d", thread, i);
                ids.add(id);
                futures.add(post(link, id));
            }
            for (int i = 0; i < futures.size(); i++) {
                LinkResult r = futures.get(i).join();
                if (!(r instanceof Answered a) || !ids.get(i).equals(a.envelope().msgInfo().msgID())) {
                    wrong.add(ids.get(i) + " -> " + r);
                }
            }
            return wrong;
        });

        assertThat(mismatches).allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(server.received()).hasSize(90);
        assertThat(server.accepted()).isLessThanOrEqualTo(3);
        assertThat(link.stats().peakConnections()).isLessThanOrEqualTo(3);
        assertThat(link.stats().inFlight()).isZero();
        assertThat(link.stats().queued()).isZero();
    }

    @Test
    void callsBeyondTheQueueBoundAreOverloadedAndQueuedOnesGoInOrder() throws Exception {
        server.behave(r -> new Reply.Hold());
        PeerLink link = link(cfg(1, 1, 2, Duration.ofSeconds(5)));
        String first = nextMsgId();
        String second = nextMsgId();
        String third = nextMsgId();

        CompletableFuture<LinkResult> a = post(link, first);
        await().atMost(WAIT).until(() -> server.received().size() == 1);
        CompletableFuture<LinkResult> b = post(link, second);
        CompletableFuture<LinkResult> c = post(link, third);
        await().atMost(WAIT).until(() -> link.stats().queued() == 2);
        LinkResult d = result(post(link, nextMsgId()));

        assertThat(d).isInstanceOf(NotSent.class);
        assertThat(((NotSent) d).reason()).isEqualTo(NotSentReason.OVERLOADED);
        assertThat(link.stats().inFlight()).isEqualTo(1);
        server.behave(SignedTestServer::echo);
        server.releaseHeld(SignedTestServer::echo);
        assertThat(echoedMsgId(result(a))).isEqualTo(first);
        assertThat(echoedMsgId(result(b))).isEqualTo(second);
        assertThat(echoedMsgId(result(c))).isEqualTo(third);
        assertThat(server.received()).hasSize(3);
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void aQueuedCallWhoseDeadlinePassesIsNotSent() throws Exception {
        server.behave(r -> new Reply.Hold());
        PeerLink link = link(cfg(1, 1, 10, Duration.ofSeconds(5)));
        CompletableFuture<LinkResult> a = post(link, nextMsgId());
        await().atMost(WAIT).until(() -> server.received().size() == 1);

        LinkResult late = result(link.post(PATH, APP_ID, body(nextMsgId()), Instant.now().plusMillis(150)));
        LinkResult already = result(link.post(PATH, APP_ID, body(nextMsgId()), Instant.now().minusMillis(1)));

        assertThat(late).isInstanceOf(NotSent.class);
        assertThat(((NotSent) late).reason()).isEqualTo(NotSentReason.DEADLINE_BEFORE_SEND);
        assertThat(already).isInstanceOf(NotSent.class);
        assertThat(((NotSent) already).reason()).isEqualTo(NotSentReason.DEADLINE_BEFORE_SEND);
        assertThat(link.stats().queued()).isZero();
        server.releaseHeld(SignedTestServer::echo);
        assertThat(result(a)).isInstanceOf(Answered.class);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aCallWithoutAnAnswerTimesOutAndItsConnectionIsClosed() throws Exception {
        server.behave(r -> new Reply.Hold());
        // Long enough for the follow-up call's first (cold) signing and verification.
        PeerLink link = link(cfg(1, 1, 10, Duration.ofSeconds(1)));

        LinkResult r = result(post(link, nextMsgId()));

        assertThat(r).isInstanceOf(NoAnswer.class);
        assertThat(((NoAnswer) r).reason()).isEqualTo(NoAnswerReason.TIMEOUT);
        assertThat(((NoAnswer) r).detail()).contains("within 1000 ms");
        await().atMost(WAIT).until(() -> server.closedConnections() == 1);
        assertThat(link.stats().inFlight()).isZero();
        // The late answer has no connection to arrive on; the next call gets its own answer on a new one.
        server.releaseHeld(SignedTestServer::echo);
        server.behave(SignedTestServer::echo);
        String next = nextMsgId();
        assertThat(echoedMsgId(result(post(link, next)))).isEqualTo(next);
        assertThat(server.accepted()).isEqualTo(2);
    }

    @Test
    void theDeadlineShortensTheCallTimeout() throws Exception {
        server.behave(r -> new Reply.Hold());
        PeerLink link = link(cfg(1, 1, 10, Duration.ofSeconds(30)));
        long start = System.nanoTime();

        LinkResult r = result(link.post(PATH, APP_ID, body(nextMsgId()), Instant.now().plusMillis(300)));

        assertThat(r).isInstanceOf(NoAnswer.class);
        assertThat(((NoAnswer) r).reason()).isEqualTo(NoAnswerReason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPeerThatClosesAfterReceivingGivesConnectionLost() throws Exception {
        server.behave(r -> new Reply.Close());
        PeerLink link = link(LinkConfig.defaults(server.uri()));

        LinkResult r = result(post(link, nextMsgId()));

        assertThat(r).isInstanceOf(NoAnswer.class);
        assertThat(((NoAnswer) r).reason()).isEqualTo(NoAnswerReason.CONNECTION_LOST);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void connectRefusedIsNotSentAndWhileBackingOffCallsFailFast() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        PeerLink link = link(cfg(closedPortUri(), 4, 16, 16, Duration.ofSeconds(1), 5), clock);

        LinkResult first = result(link.post(PATH, APP_ID, body(nextMsgId()), inSeconds(clock, 5)));
        LinkResult second = result(link.post(PATH, APP_ID, body(nextMsgId()), inSeconds(clock, 5)));

        assertThat(first).isInstanceOf(NotSent.class);
        assertThat(((NotSent) first).reason()).isEqualTo(NotSentReason.CONNECT_FAILED);
        assertThat(((NotSent) first).detail()).contains("connect to");
        assertThat(second).isInstanceOf(NotSent.class);
        assertThat(((NotSent) second).reason()).isEqualTo(NotSentReason.CONNECT_FAILED);
        assertThat(((NotSent) second).detail()).contains("next connect attempt in");
        assertThat(link.stats().connectionsOpen()).isZero();
    }

    @Test
    void repeatedConnectFailuresOpenTheCircuit() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        PeerLink link = link(cfg(closedPortUri(), 4, 16, 16, Duration.ofSeconds(1), 3), clock);

        for (int i = 0; i < 3; i++) {
            LinkResult r = result(link.post(PATH, APP_ID, body(nextMsgId()), inSeconds(clock, 5)));
            assertThat(((NotSent) r).reason()).isEqualTo(NotSentReason.CONNECT_FAILED);
            clock.advance(Duration.ofSeconds(6)); // past the longest backoff, so that the next call connects
        }
        clock.advance(Duration.ofSeconds(-6)); // still within circuitOpenFor (10 s) of the third failure
        LinkResult r = result(link.post(PATH, APP_ID, body(nextMsgId()), inSeconds(clock, 5)));

        assertThat(r).isInstanceOf(NotSent.class);
        assertThat(((NotSent) r).reason()).isEqualTo(NotSentReason.CIRCUIT_OPEN);
    }

    @Test
    void lostConnectionsOpenTheCircuitAndOneProbeClosesItAgain() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        server.behave(r -> new Reply.Close());
        PeerLink link = link(cfg(server.uri(), 4, 16, 16, Duration.ofSeconds(5), 3), clock);

        for (int i = 0; i < 3; i++) {
            LinkResult r = result(link.post(PATH, APP_ID, body(nextMsgId()), inSeconds(clock, 5)));
            assertThat(((NoAnswer) r).reason()).isEqualTo(NoAnswerReason.CONNECTION_LOST);
        }
        LinkResult refused = result(link.post(PATH, APP_ID, body(nextMsgId()), inSeconds(clock, 5)));
        assertThat(((NotSent) refused).reason()).isEqualTo(NotSentReason.CIRCUIT_OPEN);
        assertThat(server.received()).hasSize(3);

        clock.advance(Duration.ofSeconds(11));
        server.behave(r -> new Reply.Hold());
        String probeId = nextMsgId();
        CompletableFuture<LinkResult> probe = link.post(PATH, APP_ID, body(probeId), inSeconds(clock, 5));
        await().atMost(WAIT).until(() -> server.received().size() == 4);
        LinkResult duringProbe = result(link.post(PATH, APP_ID, body(nextMsgId()), inSeconds(clock, 5)));
        assertThat(((NotSent) duringProbe).reason()).isEqualTo(NotSentReason.CIRCUIT_OPEN);

        server.behave(SignedTestServer::echo);
        server.releaseHeld(SignedTestServer::echo);
        assertThat(echoedMsgId(result(probe))).isEqualTo(probeId);
        String after = nextMsgId();
        assertThat(echoedMsgId(result(link.post(PATH, APP_ID, body(after), inSeconds(clock, 5))))).isEqualTo(after);
    }

    @Test
    void timeoutsOpenTheCircuitAndAFailedProbeOpensItAgain() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        server.behave(r -> new Reply.Hold());
        PeerLink link = link(cfg(server.uri(), 4, 16, 16, Duration.ofMillis(100), 2), clock);
        for (int i = 0; i < 2; i++) {
            result(link.post(PATH, APP_ID, body(nextMsgId()), inSeconds(clock, 5)));
        }
        clock.advance(Duration.ofSeconds(11));

        LinkResult probe = result(link.post(PATH, APP_ID, body(nextMsgId()), inSeconds(clock, 5)));
        LinkResult next = result(link.post(PATH, APP_ID, body(nextMsgId()), inSeconds(clock, 5)));

        assertThat(((NoAnswer) probe).reason()).isEqualTo(NoAnswerReason.TIMEOUT);
        assertThat(((NotSent) next).reason()).isEqualTo(NotSentReason.CIRCUIT_OPEN);
    }

    @Test
    void answersSignedWithAnotherKeyOrNotAtAllAreBadSignatures() throws Exception {
        PeerLink link = link(LinkConfig.defaults(server.uri()));

        server.behave(r -> SignedTestServer.signedBy(LinkTestKeys.STRANGER, LinkTestKeys.PEER_KID, 200,
                SignedTestServer.echoBody(r, "00", "Approved", TrxInfo.EMPTY)));
        assertBadSignature(result(post(link, nextMsgId())), "does not verify");

        server.behave(r -> SignedTestServer.signedBy(LinkTestKeys.PEER_SIGNING, "9999", 200,
                SignedTestServer.echoBody(r, "00", "Approved", TrxInfo.EMPTY)));
        assertBadSignature(result(post(link, nextMsgId())), "no public key");

        server.behave(r -> new Reply.Signed(200, SignedTestServer.echoBody(r, "00", "Approved", TrxInfo.EMPTY),
                LinkTestKeys.PEER_SIGNING.getPrivate(), LinkTestKeys.PEER_KID, "87654321", false));
        assertBadSignature(result(post(link, nextMsgId())), "UPI-APPID");

        server.behave(r -> new Reply.Unsigned(200, SignedTestServer.echoBody(r, "00", "Approved", TrxInfo.EMPTY)));
        assertBadSignature(result(post(link, nextMsgId())), "without UPI-JWS");

        // A bad answer is still an answer: the connection stays in use.
        assertThat(server.accepted()).isEqualTo(1);
    }

    private static void assertBadSignature(LinkResult r, String detail) {
        assertThat(r).isInstanceOf(NoAnswer.class);
        assertThat(((NoAnswer) r).reason()).isEqualTo(NoAnswerReason.BAD_SIGNATURE);
        assertThat(((NoAnswer) r).detail()).contains(detail);
    }

    @Test
    void aSignedEnvelopeWithAnotherStatusIsStillAnAnswer() throws Exception {
        server.behave(r -> SignedTestServer.signed(503, SignedTestServer.echoBody(r, "96", "System busy",
                TrxInfo.EMPTY)));
        PeerLink link = link(LinkConfig.defaults(server.uri()));

        LinkResult r = result(post(link, nextMsgId()));

        assertThat(r).isInstanceOf(Answered.class);
        assertThat(((Answered) r).httpStatus()).isEqualTo(503);
        assertThat(((Answered) r).envelope().msgResponse().responseCode()).isEqualTo("96");
    }

    @Test
    void unreadableOrOversizedAnswersAreBadResponses() throws Exception {
        PeerLink link = link(cfg(1, 1, 10, Duration.ofSeconds(3)));

        server.behave(r -> SignedTestServer.signed(200, "not json".getBytes(StandardCharsets.UTF_8)));
        assertBadResponse(result(post(link, nextMsgId())), "unreadable");

        server.behave(r -> SignedTestServer.signed(200, new byte[70 * 1024]));
        assertBadResponse(result(post(link, nextMsgId())), "larger than");

        server.behave(r -> new Reply.Raw("HTTP/1.1 banana\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertBadResponse(result(post(link, nextMsgId())), "unreadable HTTP");

        server.behave(SignedTestServer::echo);
        assertThat(result(post(link, nextMsgId()))).isInstanceOf(Answered.class);
    }

    private static void assertBadResponse(LinkResult r, String detail) {
        assertThat(r).isInstanceOf(NoAnswer.class);
        assertThat(((NoAnswer) r).reason()).isEqualTo(NoAnswerReason.BAD_RESPONSE);
        assertThat(((NoAnswer) r).detail()).contains(detail);
    }

    @Test
    void aConnectionClosedAnswerIsUsedAndTheConnectionNotReused() throws Exception {
        server.behave(r -> new Reply.Signed(200, SignedTestServer.echoBody(r, "00", "Approved", TrxInfo.EMPTY),
                LinkTestKeys.PEER_SIGNING.getPrivate(), LinkTestKeys.PEER_KID, null, true));
        PeerLink link = link(LinkConfig.defaults(server.uri()));

        assertThat(result(post(link, nextMsgId()))).isInstanceOf(Answered.class);
        assertThat(result(post(link, nextMsgId()))).isInstanceOf(Answered.class);

        assertThat(server.accepted()).isEqualTo(2);
    }

    @Test
    void closingFailsWaitingCallsLosesInFlightOnesAndRefusesNewOnes() throws Exception {
        server.behave(r -> new Reply.Hold());
        PeerLink link = link(cfg(1, 1, 10, Duration.ofSeconds(5)));
        CompletableFuture<LinkResult> inFlight = post(link, nextMsgId());
        await().atMost(WAIT).until(() -> server.received().size() == 1);
        CompletableFuture<LinkResult> waiting = post(link, nextMsgId());
        await().atMost(WAIT).until(() -> link.stats().queued() == 1);

        link.close();

        assertThat(((NoAnswer) result(inFlight)).reason()).isEqualTo(NoAnswerReason.CONNECTION_LOST);
        assertThat(((NotSent) result(waiting)).reason()).isEqualTo(NotSentReason.CLOSED);
        assertThat(((NotSent) result(post(link, nextMsgId()))).reason()).isEqualTo(NotSentReason.CLOSED);
    }

    @Test
    void outcomesAreMeasuredAndTheMetersGoWithTheLink() throws Exception {
        PeerLink link = link(LinkConfig.defaults(server.uri()));
        result(post(link, nextMsgId()));
        result(link.post(PATH, APP_ID, body(nextMsgId()), Instant.now().minusSeconds(1)));

        assertThat(registry.get(LinkMetrics.LATENCY).tag("link", "cbs-test").tag("outcome", "answered").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get(LinkMetrics.LATENCY).tag("outcome", "not_sent").timer().count()).isEqualTo(1);
        assertThat(registry.get(LinkMetrics.ERRORS).tag("kind", "deadline_before_send").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(LinkMetrics.CONNECTIONS).tag("link", "cbs-test").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(LinkMetrics.IN_FLIGHT).gauge().value()).isZero();
        assertThat(registry.get(LinkMetrics.QUEUED).gauge().value()).isZero();
        // One call was in flight at its time: the peak keeps it after the in-flight count went back to 0.
        assertThat(registry.get(LinkMetrics.IN_FLIGHT_PEAK).tag("link", "cbs-test").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(LinkMetrics.CONNECTIONS_PEAK).tag("link", "cbs-test").gauge().value())
                .isEqualTo(1.0);

        link.close();

        assertThat(registry.find(LinkMetrics.LATENCY).meters()).isEmpty();
        assertThat(registry.find(LinkMetrics.CONNECTIONS).meters()).isEmpty();
        assertThat(registry.find(LinkMetrics.IN_FLIGHT_PEAK).meters()).isEmpty();
    }

    private static URI closedPortUri() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port);
    }
}
