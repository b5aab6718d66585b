package org.openscis.connector.sim;

import java.security.PublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.FieldError;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JwsParseResult;
import org.openscis.codec.jose.ParsedJws;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;
import org.openscis.connector.sim.bank.Bank;
import org.openscis.connector.sim.bank.BankReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CBS side of the wire protocol for one request: signature (72), envelope (HTTP 400 + 30 when unreadable, 30
 * for a bad msgInfo, a msgType other than the path's or another insID), JWE fields (70), then the bank; every
 * answer is a signed envelope echoing the request's msgInfo with the simulator's timeStamp. Blocking (the bank uses
 * JDBC): runs on the simulator's worker executor.
 *
 * <p>The signature is checked before the envelope is judged, so a body that is both unsigned and unreadable gets
 * 72; the HTTP status still says whether an envelope could be read (200) or not (400).
 */
final class CbsEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(CbsEndpoint.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final int OK = 200;
    private static final int BAD_REQUEST = 400;
    private static final int UNAVAILABLE = 503;

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final String issuerIin;
    private final BiFunction<String, String, Optional<PublicKey>> switchKeys;
    private final FieldCrypto crypto;
    private final ResponseSigner signer;
    private final Bank bank;
    private final Clock clock;

    CbsEndpoint(SimConfig cfg, FieldCrypto crypto, ResponseSigner signer, Bank bank, Clock clock) {
        this.issuerIin = cfg.issuerIin();
        this.switchKeys = cfg.switchSigningKeys();
        this.crypto = crypto;
        this.signer = signer;
        this.bank = bank;
        this.clock = clock;
    }

    /** Processes a request to the path of {@code pathType}. Never throws. */
    SimAction.Reply handle(SimRequest request, String pathType) {
        Envelope envelope = null;
        try {
            envelope = readable(request.body());
            String signatureProblem = signatureProblem(request);
            if (signatureProblem != null) {
                LOG.debug("Simulator refused a {} request: {}", pathType, signatureProblem);
                return answer(envelope, ResponseCode.ISSUER_MAC_FAILED, signatureProblem, TrxInfo.EMPTY);
            }
            if (envelope == null) {
                return answer(null, ResponseCode.FORMAT_ERROR, "body is not a readable envelope", TrxInfo.EMPTY);
            }
            MsgInfo msgInfo = envelope.msgInfo();
            FieldError bad = EnvelopeCodec.validateMsgInfo(msgInfo);
            if (bad != null) {
                return answer(envelope, ResponseCode.FORMAT_ERROR, bad.field() + " " + bad.reason(), TrxInfo.EMPTY);
            }
            if (!pathType.equals(msgInfo.msgType())) {
                return answer(envelope, ResponseCode.FORMAT_ERROR, "msgType does not match the path", TrxInfo.EMPTY);
            }
            if (!issuerIin.equals(msgInfo.insID())) {
                return answer(envelope, ResponseCode.FORMAT_ERROR, "insID is not this issuer", TrxInfo.EMPTY);
            }
            FieldCrypto.Decrypted plain = crypto.decrypt(envelope.trxInfoOrEmpty());
            if (plain.problem() != null) {
                return answer(envelope, ResponseCode.ISSUER_VALIDATION_ERROR, plain.problem(), TrxInfo.EMPTY);
            }
            BankReply reply = bank.handle(msgInfo.msgID(), msgInfo.msgType(), plain.trxInfo());
            return answer(envelope, reply.code(), reply.message(), crypto.encrypt(reply.trxInfo()), OK);
        } catch (RuntimeException e) {
            LOG.warn("Simulator could not process a {} message: {}", pathType, Failures.describe(e));
            return unavailable(envelope);
        }
    }

    /** The RESPOND fault: {@code code} with the code's standard message, nothing processed. Never throws. */
    SimAction.Reply respondWith(SimRequest request, String code) {
        Envelope envelope = readable(request.body());
        String message = ResponseCode.fromCode(code).map(ResponseCode::message).orElse("Simulated response");
        return answer(envelope, code, message, TrxInfo.EMPTY, envelope == null ? BAD_REQUEST : OK);
    }

    /** 503 with a signed 96 envelope: the worker queue is full or storage failed; nothing was applied. */
    SimAction.Reply unavailable(SimRequest request) {
        return unavailable(readable(request.body()));
    }

    private SimAction.Reply unavailable(Envelope envelope) {
        ResponseCode code = ResponseCode.SYSTEM_ERROR;
        return answer(envelope, code.code(), code.message(), TrxInfo.EMPTY, UNAVAILABLE);
    }

    private Envelope readable(byte[] body) {
        return codec.decode(body) instanceof DecodeResult.Ok ok ? ok.envelope() : null;
    }

    /** Null if the request carries a valid switch signature for this path and issuer, else why not. */
    private String signatureProblem(SimRequest request) {
        JwsParseResult parsed = UpiJws.parse(request.upiJws(), true);
        if (parsed instanceof JwsParseResult.Failed failed) {
            return failed.reason();
        }
        ParsedJws jws = ((JwsParseResult.Ok) parsed).jws();
        UpiJwsHeader header = jws.header();
        if (header.reqPath() == null) {
            return "UPI-JWS is not a request signature (no UPI-REQPATH)";
        }
        if (!header.reqPath().equals(request.path())) {
            return "UPI-REQPATH does not match the path";
        }
        if (!issuerIin.equals(header.appId())) {
            return "UPI-APPID is not this issuer";
        }
        Optional<PublicKey> key;
        try {
            key = switchKeys.apply(header.appId(), header.kid());
        } catch (RuntimeException e) {
            key = Optional.empty();
        }
        if (key == null || key.isEmpty()) {
            return "no switch key with this kid";
        }
        return UpiJws.verify(jws, request.body(), key.get()) ? null : "signature does not verify";
    }

    private SimAction.Reply answer(Envelope request, ResponseCode code, String message, TrxInfo trxInfo) {
        return answer(request, code.code(), message, trxInfo, request == null ? BAD_REQUEST : OK);
    }

    private SimAction.Reply answer(Envelope request, String code, String message, TrxInfo trxInfo, int status) {
        MsgInfo echo = request == null || request.msgInfo() == null ? null
                : request.msgInfo().withTimeStamp(TIMESTAMP.format(clock.instant()));
        Envelope response = Envelope.response(echo, trxInfo.isEmpty() ? null : trxInfo,
                new MsgResponse(code, message));
        byte[] body = codec.encode(response);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpBodies.CONTENT_TYPE, HttpBodies.JSON);
        headers.put(SimRequest.UPI_JWS, signer.sign(body));
        return new SimAction.Reply(status, Map.copyOf(headers), body, 0, false);
    }
}
