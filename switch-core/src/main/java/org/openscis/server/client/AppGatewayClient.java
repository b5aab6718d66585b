package org.openscis.server.client;

import io.netty.handler.codec.http.HttpMethod;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;
import org.openscis.router.MessageType;

/**
 * Acts as an App Gateway towards the switch: builds msgInfo, encrypts sensitive fields, signs the body into
 * {@code UPI-JWS}, POSTs it over a pool of keep-alive HTTP/1.1 connections, then verifies the response's
 * {@code UPI-JWS} against the switch signing key and decodes its envelope. Every call is asynchronous; transport
 * failures complete the future exceptionally ({@link java.util.concurrent.TimeoutException},
 * {@link java.net.ConnectException}, {@link ClientBusyException}, {@link ResponseTooLargeException},
 * {@link ConnectionClosedException}); any HTTP response, whatever its status or signature, completes it normally.
 *
 * <p>Thread-safe. Close it to release its connections and (unless shared) its event loop threads.
 */
public final class AppGatewayClient implements AutoCloseable {

    public static final String CONTENT_TYPE_JSON = "application/json;charset=UTF-8";
    public static final String VERSION_NO = "1.0.0";
    public static final String UPI_JWS = "UPI-JWS";
    private static final List<String> REQUEST_CRIT = List.of(UpiJwsHeader.UUID, UpiJwsHeader.TIMESTAMP,
            UpiJwsHeader.APPID, UpiJwsHeader.REQPATH);
    private static final List<String> THREE_NAME_CRIT = List.of(UpiJwsHeader.UUID, UpiJwsHeader.TIMESTAMP,
            UpiJwsHeader.APPID);

    private final ClientOptions options;
    private final ClientIdentity identity;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final SensitiveFields sensitiveFields;
    private final UpiJwsChecks checks;
    private final MsgIds msgIds;
    private final HttpTransport transport;

    public AppGatewayClient(ClientOptions options, ClientIdentity identity) {
        this.options = options;
        this.identity = identity;
        this.sensitiveFields = new SensitiveFields(identity, options.jweProfile(), codec);
        this.checks = new UpiJwsChecks(identity, options.clock(), options.maxClockSkew());
        this.msgIds = new MsgIds(options.clock());
        this.transport = new HttpTransport(options);
    }

    public AppGatewayClient(String baseUrl, ClientIdentity identity) {
        this(ClientOptions.builder(baseUrl).build(), identity);
    }

    /** A client with default options from the individual pieces of a client profile. */
    public static AppGatewayClient create(String baseUrl, String insID, String signingKid, PrivateKey signingKey,
            String encryptionKid, PrivateKey encryptionKey, String switchSigningKid, PublicKey switchSigningKey,
            String switchEncryptionKid, PublicKey switchEncryptionKey) {
        return new AppGatewayClient(baseUrl, new ClientIdentity(insID, signingKid, signingKey, encryptionKid,
                encryptionKey, switchSigningKid, switchSigningKey, switchEncryptionKid, switchEncryptionKey));
    }

    /** Sends one correct, signed message of {@code msgType} with a generated msgID. */
    public CompletableFuture<SignedExchange> call(String msgType, TrxInfo trxInfo) {
        return send(RequestSpec.of(msgType, trxInfo));
    }

    /** Sends one correct, signed message with our msgID (a retry, or a duplicate on purpose). */
    public CompletableFuture<SignedExchange> call(String msgType, TrxInfo trxInfo, String msgId) {
        return send(RequestSpec.builder(msgType).trxInfo(trxInfo).msgId(msgId).build());
    }

    /** Sends what {@code spec} describes; see {@link RequestSpec} for the defaults and the ways to break them. */
    public CompletableFuture<SignedExchange> send(RequestSpec spec) {
        try {
            SentRequest request = build(spec);
            return transport.exchange(HttpMethod.valueOf(request.method()), request.path(), request.body(),
                            request.headers(), spec.timeout)
                    .thenApply(reply -> new SignedExchange(request, inspect(reply)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * POSTs {@code body} exactly as given with {@code headers} (plus {@code Content-Type} JSON when absent); nothing
     * is signed. The response is still decoded and its UPI-JWS checked.
     */
    public CompletableFuture<ClientResponse> send(String path, byte[] body, Map<String, String> headers) {
        return send(path, body, headers, null);
    }

    /** As {@link #send(String, byte[], Map)} with its own timeout (null: the client's request timeout). */
    public CompletableFuture<ClientResponse> send(String path, byte[] body, Map<String, String> headers,
            Duration timeout) {
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.put("Content-Type", CONTENT_TYPE_JSON);
        if (headers != null) {
            all.putAll(headers);
        }
        try {
            return transport.exchange(HttpMethod.POST, path, body, all, timeout).thenApply(this::inspect);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A msgInfo block as this client sends it: version 1.0.0, a fresh msgID, now, {@code msgType}, our insID. */
    public MsgInfo newMsgInfo(String msgType) {
        return new MsgInfo(VERSION_NO, newMsgId(), msgIds.timestamp(), msgType, identity.insID());
    }

    public String newMsgId() {
        return msgIds.next(identity.insID());
    }

    /** See {@link SensitiveFields#encryptSensitiveFields(TrxInfo)}. */
    public TrxInfo encryptSensitiveFields(TrxInfo trxInfo) {
        return sensitiveFields.encryptSensitiveFields(trxInfo);
    }

    /** See {@link SensitiveFields#decryptResponseFields(TrxInfo)}. */
    public FieldDecryption decryptResponseFields(TrxInfo trxInfo) {
        return sensitiveFields.decryptResponseFields(trxInfo);
    }

    /**
     * The path a message type is sent to (protocol.md §1.3, decisions.md §7.1), or null if the switch does not
     * receive it. Acquirer types are included: with an acquirer's identity this client plays the acquirer.
     */
    public static String pathOf(String msgType) {
        return MessageType.byWireName(msgType).filter(MessageType::inbound).map(MessageType::path).orElse(null);
    }

    public ClientIdentity identity() {
        return identity;
    }

    public ClientOptions options() {
        return options;
    }

    /** Connections open or being opened. */
    public int openConnections() {
        return transport.openConnections();
    }

    public int idleConnections() {
        return transport.idleConnections();
    }

    public int queuedRequests() {
        return transport.queuedRequests();
    }

    /** Connections successfully opened since the client started (keep-alive reuse shows as a small number). */
    public long connectionsOpened() {
        return transport.connectionsOpened();
    }

    @Override
    public void close() {
        transport.close();
    }

    private SentRequest build(RequestSpec spec) {
        String path = spec.path != null ? spec.path : pathOf(spec.msgType);
        if (path == null) {
            throw new IllegalArgumentException("no path for msgType " + spec.msgType
                    + "; give RequestSpec.path(...) to send it anyway");
        }
        MsgInfo msgInfo = null;
        byte[] body = spec.rawBody;
        if (body == null) {
            msgInfo = spec.msgInfo != null ? spec.msgInfo
                    : new MsgInfo(VERSION_NO, spec.msgId != null ? spec.msgId : newMsgId(), msgIds.timestamp(),
                            spec.msgType, identity.insID());
            TrxInfo trx = spec.trxInfo == null ? TrxInfo.EMPTY : spec.trxInfo;
            if (spec.encryptSensitiveFields) {
                trx = sensitiveFields.encryptSensitiveFields(trx);
            }
            body = codec.encode(Envelope.request(msgInfo, trx));
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (spec.contentType != null) {
            headers.put("Content-Type", spec.contentType);
        }
        String jws = spec.skipSigning ? null : signature(spec, path, body);
        if (jws != null) {
            headers.put(UPI_JWS, jws);
        }
        headers.putAll(spec.extraHeaders);
        return new SentRequest(spec.method, path, Collections.unmodifiableMap(headers), body, msgInfo, jws);
    }

    private String signature(RequestSpec spec, String path, byte[] body) {
        String jws;
        if (spec.jwsHeaderValue != null) {
            jws = spec.jwsHeaderValue;
        } else {
            PrivateKey key = spec.signingKey != null ? spec.signingKey : identity.signingKey();
            String kid = spec.kid != null ? spec.kid : identity.signingKid();
            String uuid = spec.uuid != null ? spec.uuid : UpiJws.newUuid();
            String timestamp = spec.timestamp != null ? spec.timestamp
                    : Long.toString(options.clock().instant().getEpochSecond());
            String appId = spec.appId != null ? spec.appId : identity.insID();
            String reqPath = spec.omitReqPath ? null : spec.reqPath != null ? spec.reqPath : path;
            String alg = spec.alg != null ? spec.alg : JwsAlgorithms.forKey(key);
            List<String> crit = spec.crit != null ? spec.crit : reqPath == null ? THREE_NAME_CRIT : REQUEST_CRIT;
            jws = null;
            if (!spec.forgesHeader()) {
                try {
                    jws = UpiJws.sign(new UpiJwsHeader(alg, kid, crit, uuid, timestamp, appId, reqPath), body, key);
                } catch (IllegalArgumentException refused) {
                    // The codec refuses headers the switch would refuse (e.g. a non-numeric UPI-TIMESTAMP), which
                    // is exactly what a test of the gate may want to send: write that header by hand instead.
                    jws = null;
                }
            }
            if (jws == null) {
                jws = ForgedJws.sign(alg, kid, crit, uuid, timestamp, appId, reqPath, body, key);
            }
        }
        return spec.corruptSignature ? ForgedJws.corruptSignature(jws) : jws;
    }

    private ClientResponse inspect(HttpReply reply) {
        Envelope envelope = null;
        if (reply.body().length > 0) {
            DecodeResult decoded = codec.decode(reply.body());
            if (decoded instanceof DecodeResult.Ok ok) {
                envelope = ok.envelope();
            }
        }
        SignatureCheck signature = checks.response(reply.headers().get(UPI_JWS), reply.body());
        return new ClientResponse(reply.status(), reply.headers(), reply.body(), envelope,
                ResponseCodes.of(envelope, reply.body()), signature);
    }
}
