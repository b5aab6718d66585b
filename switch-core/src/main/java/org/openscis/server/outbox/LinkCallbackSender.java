package org.openscis.server.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.connector.link.LinkConfig;
import org.openscis.connector.link.LinkResult;
import org.openscis.connector.link.LinkSigner;
import org.openscis.connector.link.PeerLink;
import org.openscis.router.MessageType;
import org.openscis.router.port.KeyRegistry;
import org.openscis.server.config.ParticipantConfig;

/**
 * Delivers callbacks over the issuer-connector's {@link PeerLink}: one pooled, signed HTTP client per callback
 * origin (scheme, host, port), the same client the CBS link uses. Requests carry the four-name {@code UPI-JWS} with
 * {@code UPI-APPID} = the recipient; its answer must be signed by one of the recipient's keys (configured or
 * exchanged), else the delivery counts as failed.
 */
public final class LinkCallbackSender implements CallbackSender, AutoCloseable {

    private static final int MAX_CONNECTIONS_PER_ORIGIN = 8;
    private static final int MAX_IN_FLIGHT_PER_ORIGIN = 64;
    private static final int MAX_QUEUED_PER_ORIGIN = 256;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private final Map<String, Map<MessageType, URI>> urls = new HashMap<>();
    private final Map<String, PeerLink> linksByOrigin = new LinkedHashMap<>();

    /**
     * @param participants App Gateways with their callback URLs
     * @param keys         verifies answers: the recipient's signing keys by kid
     * @param callTimeout  bounds one delivery attempt
     */
    public LinkCallbackSender(List<ParticipantConfig> participants, KeyRegistry keys, LinkSigner signer,
            EventLoopGroup group, Duration callTimeout, Clock clock, MeterRegistry registry) throws SSLException {
        SslContext tls = null;
        for (ParticipantConfig p : participants) {
            if (p.callbackUrl() == null) {
                continue;
            }
            Map<MessageType, URI> byType = new HashMap<>();
            for (MessageType type : MessageType.values()) {
                if (type.direction() == MessageType.Direction.TO_APP_GATEWAY) {
                    byType.put(type, URI.create(p.callbackUrls().getOrDefault(type, p.callbackUrl())));
                }
            }
            urls.put(p.insId(), byType);
            for (URI url : byType.values()) {
                String origin = origin(url);
                if (!linksByOrigin.containsKey(origin)) {
                    boolean https = "https".equalsIgnoreCase(url.getScheme());
                    if (https && tls == null) {
                        tls = SslContextBuilder.forClient().protocols("TLSv1.3", "TLSv1.2").build();
                    }
                    LinkConfig cfg = new LinkConfig(URI.create(origin), MAX_CONNECTIONS_PER_ORIGIN,
                            MAX_IN_FLIGHT_PER_ORIGIN, MAX_QUEUED_PER_ORIGIN, CONNECT_TIMEOUT, callTimeout,
                            Duration.ofMillis(200), Duration.ofSeconds(30), 5, Duration.ofSeconds(10),
                            MAX_RESPONSE_BYTES);
                    linksByOrigin.put(origin, new PeerLink("callbacks-" + linksByOrigin.size(), cfg,
                            https ? tls : null, group, signer,
                            (appId, kid) -> keys.signingKey(appId, kid), clock, registry));
                }
            }
        }
    }

    @Override
    public CompletableFuture<CallbackDelivery> send(String recipientInsId, String msgType, String msgId,
            byte[] envelopeBody, Instant deadline) {
        Map<MessageType, URI> byType = urls.get(recipientInsId);
        Optional<MessageType> type = MessageType.byWireName(msgType);
        if (byType == null || type.isEmpty() || !byType.containsKey(type.get())) {
            return CompletableFuture.completedFuture(new CallbackDelivery.Failed("no callback URL configured"));
        }
        URI url = byType.get(type.get());
        PeerLink link = linksByOrigin.get(origin(url));
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return link.post(path, recipientInsId, envelopeBody, deadline).thenApply(LinkCallbackSender::delivery);
    }

    static CallbackDelivery delivery(LinkResult result) {
        if (result instanceof LinkResult.Answered a) {
            MsgResponse r = a.envelope() == null ? null : a.envelope().msgResponse();
            if (r == null || r.responseCode() == null) {
                return new CallbackDelivery.Failed("HTTP " + a.httpStatus() + " without msgResponse");
            }
            return new CallbackDelivery.Acknowledged(r.responseCode());
        }
        if (result instanceof LinkResult.NotSent n) {
            return new CallbackDelivery.Failed("not sent: " + n.reason().name().toLowerCase(Locale.ROOT));
        }
        return new CallbackDelivery.Failed("no answer: "
                + ((LinkResult.NoAnswer) result).reason().name().toLowerCase(Locale.ROOT));
    }

    private static String origin(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost() + ":" + port;
    }

    @Override
    public void close() {
        linksByOrigin.values().forEach(PeerLink::close);
        linksByOrigin.clear();
    }
}
