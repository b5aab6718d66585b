package org.openscis.bench.load;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openscis.bench.workload.SampleMessages;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.JweResult;
import org.openscis.codec.jose.JwsParseResult;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;

/**
 * Times the switch's per-request cryptography in a tight loop, without network, storage or HTTP: for every request
 * one UPI-JWS parse+verify and one response signature; for CARD_ENROLLMENT also one JWE decrypt (cvmInfo) and one
 * JWE encrypt (pan). Keys are fresh, of the same type and size as the run's real ones (the switch's private keys
 * are not the client's to use), so the costs match.
 */
final class CryptoCeiling {

    private static final String CLIENT_KID = "2000000000001";
    private static final String SWITCH_KID = "1000000000001";
    private static final String SWITCH_ENCRYPTION_KID = "1000000000002";
    private static final String CLIENT_ENCRYPTION_KID = "2000000000002";
    private static final double NANOS_PER_SECOND = 1e9;

    private final KeyPair requestSigning;
    private final KeyPair responseSigning;
    private final KeyPair switchEncryption;
    private final KeyPair clientEncryption;
    private final JweProfile jweProfile;
    private final Map<LoadType, Work> work = new EnumMap<>(LoadType.class);

    private CryptoCeiling(KeyPair requestSigning, KeyPair responseSigning, KeyPair switchEncryption,
            KeyPair clientEncryption, JweProfile jweProfile) {
        this.requestSigning = requestSigning;
        this.responseSigning = responseSigning;
        this.switchEncryption = switchEncryption;
        this.clientEncryption = clientEncryption;
        this.jweProfile = jweProfile;
        for (LoadType type : LoadType.values()) {
            work.put(type, prepare(type));
        }
    }

    /** Fresh key pairs shaped like the given keys (RSA of the same size, or EC P-256). */
    static CryptoCeiling matching(Key clientSigning, Key switchSigning, Key switchEncryptionKey,
            Key clientEncryptionKey, JweProfile jweProfile) {
        return new CryptoCeiling(like(clientSigning), like(switchSigning), like(switchEncryptionKey),
                like(clientEncryptionKey), jweProfile);
    }

    /** E.g. "request RS256 RSA-2048, response RS256 RSA-2048, JWE RSA-2048 RSA_OAEP_256_A128GCM". */
    String keys() {
        return "request " + alg(requestSigning.getPublic()) + " " + shape(requestSigning.getPublic())
                + ", response " + alg(responseSigning.getPublic()) + " " + shape(responseSigning.getPublic())
                + ", JWE in " + shape(switchEncryption.getPublic()) + " / out " + shape(clientEncryption.getPublic())
                + " " + jweProfile;
    }

    /**
     * Runs the mix on {@code threads} threads for {@code warmup} (discarded) and then {@code duration}. Each thread
     * stops by itself once its time is up.
     */
    CeilingResult measure(Mix mix, int threads, Duration warmup, Duration duration) throws InterruptedException {
        for (Mix.Entry e : mix.entries()) {
            if (!once(e.type())) {
                throw new IllegalStateException("crypto ceiling: the " + e.type() + " fixture does not verify");
            }
        }
        runOn(mix, threads, warmup);
        long[][] perThread = runOn(mix, threads, duration);
        long[] nanos = new long[LoadType.values().length];
        long[] counts = new long[LoadType.values().length];
        long total = 0;
        for (long[] t : perThread) {
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] += t[2 * i];
                counts[i] += t[2 * i + 1];
                total += t[2 * i + 1];
            }
        }
        double seconds = duration.toNanos() / NANOS_PER_SECOND;
        Map<LoadType, Double> perType = new EnumMap<>(LoadType.class);
        for (Mix.Entry e : mix.entries()) {
            int i = e.type().ordinal();
            perType.put(e.type(), counts[i] == 0 ? 0 : threads * NANOS_PER_SECOND * counts[i] / nanos[i]);
        }
        return new CeilingResult(threads, seconds, total / seconds, perType, keys());
    }

    /** The crypto of one request of {@code type}; returns false if any step did not succeed. */
    boolean once(LoadType type) {
        Work w = work.get(type);
        if (!(UpiJws.parse(w.requestJws, true) instanceof JwsParseResult.Ok ok)
                || !UpiJws.verify(ok.jws(), w.requestBody, requestSigning.getPublic())) {
            return false;
        }
        if (type.jweBothWays()) {
            if (!(JweCodec.decrypt(w.cvmInfoJwe, this::switchDecryptionKey) instanceof JweResult.Ok)) {
                return false;
            }
            JweCodec.encrypt(w.pan, clientEncryption.getPublic(), CLIENT_ENCRYPTION_KID, jweProfile);
        }
        UpiJwsHeader header = UpiJwsHeader.response(alg(responseSigning.getPrivate()), SWITCH_KID, UpiJws.newUuid(),
                Long.toString(System.currentTimeMillis() / 1000), SampleMessages.INS_ID);
        return !UpiJws.sign(header, w.responseBody, responseSigning.getPrivate()).isEmpty();
    }

    /** Per thread: {nanos, count} per type ordinal, flattened. */
    private long[][] runOn(Mix mix, int threads, Duration duration) throws InterruptedException {
        long[][] results = new long[threads][2 * LoadType.values().length];
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> running = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            long[] mine = results[k];
            int offset = k;
            Thread t = new Thread(() -> loop(mix, offset, end, mine), "crypto-ceiling-" + k);
            t.start();
            running.add(t);
        }
        for (Thread t : running) {
            t.join();
        }
        return results;
    }

    private void loop(Mix mix, long offset, long end, long[] out) {
        for (long n = offset; ; n++) {
            long before = System.nanoTime();
            if (before - end >= 0) {
                return;
            }
            LoadType type = mix.pick(n);
            // Checked once before the loop; the result is used so the JIT cannot drop the work.
            if (!once(type)) {
                return;
            }
            out[2 * type.ordinal()] += System.nanoTime() - before;
            out[2 * type.ordinal() + 1]++;
        }
    }

    private Work prepare(LoadType type) {
        EnvelopeCodec codec = new EnvelopeCodec();
        String deviceId = SampleMessages.sampleDeviceId();
        String cvmInfoJwe = JweCodec.encrypt(codec.encodeObject(SampleMessages.accountCvmInfo("100000001234")),
                switchEncryption.getPublic(), SWITCH_ENCRYPTION_KID, jweProfile);
        byte[] pan = SampleMessages.samplePan().getBytes(StandardCharsets.US_ASCII);
        TrxInfo request;
        TrxInfo response;
        switch (type) {
            case CARD_ENROLLMENT -> {
                request = SampleMessages.enrollmentRequest(deviceId, SampleMessages.sampleUserId(), cvmInfoJwe);
                // The response carries a pan JWE of the size the switch produces.
                response = SampleMessages.enrollmentResponse(deviceId,
                        JweCodec.encrypt(pan, clientEncryption.getPublic(), CLIENT_ENCRYPTION_KID, jweProfile));
            }
            case CVM_INQUIRY -> {
                request = TrxInfo.EMPTY;
                response = TrxInfo.builder().put("cvm", List.of("firstName", "lastName", "idType", "idNo")).build();
            }
            default -> {
                request = SampleMessages.statusInquiry(deviceId, SampleMessages.sampleUserId(), "6291103788756416");
                response = SampleMessages.statusResponse(deviceId);
            }
        }
        MsgInfo msgInfo = SampleMessages.msgInfo(type.name());
        byte[] requestBody = codec.encode(Envelope.request(msgInfo, request));
        byte[] responseBody = codec.encode(Envelope.response(msgInfo, response, MsgResponse.of(ResponseCode.APPROVED)));
        String requestJws = UpiJws.sign(UpiJwsHeader.request(alg(requestSigning.getPrivate()), CLIENT_KID,
                UpiJws.newUuid(), Long.toString(System.currentTimeMillis() / 1000), SampleMessages.INS_ID,
                "/scis/switch/" + type.name().toLowerCase(Locale.ROOT)), requestBody,
                requestSigning.getPrivate());
        return new Work(requestBody, requestJws, cvmInfoJwe, pan, responseBody);
    }

    private PrivateKey switchDecryptionKey(String kid) {
        return SWITCH_ENCRYPTION_KID.equals(kid) ? switchEncryption.getPrivate() : null;
    }

    private static KeyPair like(Key key) {
        if (key instanceof ECKey) {
            return KeyMaterial.generateEcP256();
        }
        if (key instanceof RSAKey rsa) {
            return KeyMaterial.generateRsa(rsa.getModulus().bitLength());
        }
        throw new IllegalArgumentException("unsupported key type " + (key == null ? "null" : key.getAlgorithm()));
    }

    private static String alg(Key key) {
        return key instanceof ECKey ? "ES256" : "RS256";
    }

    private static String shape(Key key) {
        if (key instanceof RSAKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        return "EC P-256";
    }

    /** Ready-made inputs of one request type: nothing but crypto happens in the loop. */
    private record Work(byte[] requestBody, String requestJws, String cvmInfoJwe, byte[] pan, byte[] responseBody) {}
}
