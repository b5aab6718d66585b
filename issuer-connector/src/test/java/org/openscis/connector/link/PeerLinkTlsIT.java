package org.openscis.connector.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;

/** https to a peer with a self-signed certificate for {@code localhost}; the host name is looked up off the loop. */
class PeerLinkTlsIT {

    private static SelfSignedCertificate cert;
    private static SignedTestServer server;
    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @BeforeAll
    static void start() throws Exception {
        cert = new SelfSignedCertificate("localhost");
        server = SignedTestServer.start(SslContextBuilder.forServer(cert.certificate(), cert.privateKey()).build());
    }

    @AfterAll
    static void stop() {
        server.close();
        cert.delete();
        GROUP.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    private static PeerLink link(SslContext ssl, URI uri) {
        LinkConfig d = LinkConfig.defaults(uri);
        // The connect timeout also bounds the handshake: generous, as the first handshake in a JVM is slow.
        LinkConfig cfg = new LinkConfig(uri, d.maxConnections(), d.maxInFlight(), d.maxQueued(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), d.reconnectBackoffMin(), d.reconnectBackoffMax(),
                d.circuitFailureThreshold(), d.circuitOpenFor(), d.maxResponseBytes());
        return new PeerLink("tls-test", cfg, ssl, GROUP, LinkTestKeys.switchSigner(),
                PeerLinkIT::peerKeys, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private static URI localhost() {
        return URI.create("https://localhost:" + server.port());
    }

    private static byte[] body() {
        return new EnvelopeCodec().encode(Envelope.request(new MsgInfo("1.0.0", "U12345678202501011200000000001",
                "20250101120000", "REVERSAL", PeerLinkIT.APP_ID), TrxInfo.EMPTY));
    }

    private static LinkResult post(PeerLink link) throws Exception {
        return link.post(PeerLinkIT.PATH, PeerLinkIT.APP_ID, body(), Instant.now().plusSeconds(5))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTrustedCertificateCarriesSignedCalls() throws Exception {
        SslContext trusting = SslContextBuilder.forClient().trustManager(cert.cert()).build();
        try (PeerLink link = link(trusting, localhost())) {
            assertThat(post(link)).isInstanceOf(LinkResult.Answered.class);
        }
    }

    @Test
    void anUntrustedCertificateIsAConnectFailureNothingSent() throws Exception {
        int before = server.received().size();
        try (PeerLink link = link(SslContextBuilder.forClient().build(), localhost())) {
            LinkResult r = post(link);

            assertThat(r).isInstanceOf(LinkResult.NotSent.class);
            assertThat(((LinkResult.NotSent) r).reason()).isEqualTo(LinkResult.NotSentReason.CONNECT_FAILED);
        }
        assertThat(server.received()).hasSize(before);
    }

    @Test
    void httpsNeedsAnSslContextAndHttpRefusesOne() throws Exception {
        SslContext ssl = SslContextBuilder.forClient().build();

        assertThatThrownBy(() -> link(null, localhost())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> link(ssl, URI.create("http://localhost:1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
