package org.openscis.bench.load;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
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
 * Times the switch's per-request cryptography in a tight loop, without network, storage or HTTP. Every request:
 * one UPI-JWS parse+verify and one response signature. CARD_ENROLLMENT adds one JWE decrypt (cvmInfo) and one JWE
 * encrypt (pan); P2P_TRANSFER one JWE decrypt (creditAccountInfo). Each CBS call (balance inquiry, enrolment of an
 * account, every money type) adds the switch's side of the signed link: one JWE encrypt per account field, one
 * request signature, one answer verify; with the embedded CBS, which runs in the switch's JVM, also the simulator's
 * side: one verify, one JWE decrypt per account field, one answer signature. An approved P2P_TRANSFER adds two
 * TRX_RESULT_NOTIFICATIONs, to the payer's token and to the payee's (the warm-up leaves one live token per payee
 * account), each one signature and one verify of the App Gateway's signed answer; the other money types notify only
 * when a 04 is resolved later, which a healthy run does not have.
 *
 * <p>Keys are fresh, of the same type and size as the run's real ones (the switch's private keys are not the
 * client's to use), so the costs match; the CBS keys are shaped like the switch's (the embedded CBS's development
 * keys are RSA-2048 as well), and the CBS link's JWE uses the CBS default {@link #CBS_JWE_PROFILE}.
 */
final class CryptoCeiling {

    static final JweProfile CBS_JWE_PROFILE = JweProfile.RSA_OAEP_256_A128GCM;

    private static final String CLIENT_KID = "2000000000001";
    private static final String SWITCH_KID = "1000000000001";
    private static final String SWITCH_ENCRYPTION_KID = "1000000000002";
    private static final String CLIENT_ENCRYPTION_KID = "2000000000002";
    private static final String CBS_KID = "5000000000001";
    private static final String CBS_ENCRYPTION_KID = "5000000000002";
    private static final double NANOS_PER_SECOND = 1e9;

    /** The operations one request of a type costs, as counted for the report. */
    record Recipe(int verify, int sign, int decrypt, int encrypt) {

        String text() {
            return "verify " + verify + ", sign " + sign + ", JWE decrypt " + decrypt + ", JWE encrypt " + encrypt;
        }
    }

    private final KeyPair requestSigning;
    private final KeyPair responseSigning;
    private final KeyPair switchEncryption;
    private final KeyPair clientEncryption;
    private final KeyPair cbsSigning;
    private final KeyPair cbsEncryption;
    private final JweProfile jweProfile;
    private final boolean embeddedCbs;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Map<LoadType, Work> work = new EnumMap<>(LoadType.class);

    private CryptoCeiling(KeyPair requestSigning, KeyPair responseSigning, KeyPair switchEncryption,
            KeyPair clientEncryption, JweProfile jweProfile, boolean embeddedCbs) {
        this.requestSigning = requestSigning;
        this.responseSigning = responseSigning;
        this.switchEncryption = switchEncryption;
        this.clientEncryption = clientEncryption;
        this.cbsSigning = like(responseSigning.getPublic());
        this.cbsEncryption = like(switchEncryption.getPublic());
        this.jweProfile = jweProfile;
        this.embeddedCbs = embeddedCbs;
        for (LoadType type : LoadType.values()) {
            work.put(type, prepare(type));
        }
    }

    /**
     * Fresh key pairs shaped like the given keys (RSA of the same size, or EC P-256); {@code embeddedCbs} counts
     * the CBS simulator's cryptography too, as it shares the switch's JVM.
     */
    static CryptoCeiling matching(Key clientSigning, Key switchSigning, Key switchEncryptionKey,
            Key clientEncryptionKey, JweProfile jweProfile, boolean embeddedCbs) {
        return new CryptoCeiling(like(clientSigning), like(switchSigning), like(switchEncryptionKey),
                like(clientEncryptionKey), jweProfile, embeddedCbs);
    }

    /** E.g. "request RS256 RSA-2048, response RS256 RSA-2048, JWE in RSA-2048 / out RSA-2048 ...". */
    String keys() {
        return "request " + alg(requestSigning.getPublic()) + " " + shape(requestSigning.getPublic())
                + ", response " + alg(responseSigning.getPublic()) + " " + shape(responseSigning.getPublic())
                + ", JWE in " + shape(switchEncryption.getPublic()) + " / out " + shape(clientEncryption.getPublic())
                + " " + jweProfile + "; CBS link " + alg(cbsSigning.getPublic()) + " "
                + shape(cbsSigning.getPublic()) + ", JWE " + shape(cbsEncryption.getPublic()) + " " + CBS_JWE_PROFILE
                + (embeddedCbs ? ", the embedded CBS's side included" : ", the CBS's own side not included (remote)");
    }

    /** The operations one request of {@code type} runs. */
    Recipe recipe(LoadType type) {
        return work.get(type).recipe();
    }

    /**
     * Runs the mix on {@code threads} threads for {@code warmup} (discarded) and then {@code duration}. Each thread
     * stops by itself once its time is up.
     */
    CeilingResult measure(Mix mix, int threads, Duration warmup, Duration duration) throws InterruptedException {
        return measure(List.of(mix), threads, warmup, duration, 1).get(0);
    }

    /**
     * Measures each mix for {@code duration} after one {@code warmup}, split into {@code rounds} rounds in which the
     * mixes take turns, so that a background load drifting during the measurement treats them alike. One result per
     * mix, in order.
     */
    List<CeilingResult> measure(List<Mix> mixes, int threads, Duration warmup, Duration duration, int rounds)
            throws InterruptedException {
        for (Mix mix : mixes) {
            for (Mix.Entry e : mix.entries()) {
                if (!once(e.type())) {
                    throw new IllegalStateException("crypto ceiling: the " + e.type() + " fixture does not verify");
                }
            }
        }
        int types = LoadType.values().length;
        long[][] nanos = new long[mixes.size()][types];
        long[][] counts = new long[mixes.size()][types];
        for (Mix mix : mixes) {
            runOn(mix, threads, warmup);
        }
        Duration round = duration.dividedBy(Math.max(1, rounds));
        for (int r = 0; r < rounds; r++) {
            for (int m = 0; m < mixes.size(); m++) {
                for (long[] t : runOn(mixes.get(m), threads, round)) {
                    for (int i = 0; i < types; i++) {
                        nanos[m][i] += t[2 * i];
                        counts[m][i] += t[2 * i + 1];
                    }
                }
            }
        }
        double seconds = round.toNanos() * (double) rounds / NANOS_PER_SECOND;
        List<CeilingResult> results = new ArrayList<>();
        for (int m = 0; m < mixes.size(); m++) {
            Map<LoadType, Double> perType = new EnumMap<>(LoadType.class);
            Map<LoadType, String> recipes = new EnumMap<>(LoadType.class);
            long total = 0;
            for (Mix.Entry e : mixes.get(m).entries()) {
                int i = e.type().ordinal();
                total += counts[m][i];
                perType.put(e.type(), counts[m][i] == 0 ? 0
                        : threads * NANOS_PER_SECOND * counts[m][i] / nanos[m][i]);
                recipes.put(e.type(), recipe(e.type()).text());
            }
            results.add(new CeilingResult(threads, seconds, total / seconds, perType, keys(), recipes));
        }
        return results;
    }

    /** The crypto of one request of {@code type}; returns false if any step did not succeed. */
    boolean once(LoadType type) {
        for (BooleanSupplier step : work.get(type).steps()) {
            if (!step.getAsBoolean()) {
                return false;
            }
        }
        return true;
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
        Steps steps = new Steps();
        String deviceId = SampleMessages.sampleDeviceId();
        String userId = SampleMessages.sampleUserId();
        String token = "6292000012345678901";
        TrxInfo request;
        TrxInfo response;
        String inboundJwe = null;
        boolean panOut = false;
        int cbsFields = 0;
        int callbacks = 0;
        // Further signed App Gateway exchanges of the same operation (QRC_GENERATION, ADDITIONAL_PROCESSING_RESULT).
        int moreExchanges = 0;
        switch (type) {
            case CARD_ENROLLMENT -> {
                inboundJwe = jweToSwitch(codec.encodeObject(SampleMessages.accountCvmInfo("100000001234")));
                request = SampleMessages.enrollmentRequest(deviceId, userId, inboundJwe);
                // The response carries a pan JWE of the size the switch produces.
                response = SampleMessages.enrollmentResponse(deviceId, JweCodec.encrypt(pan(),
                        clientEncryption.getPublic(), CLIENT_ENCRYPTION_KID, jweProfile));
                panOut = true;
                cbsFields = 1;
            }
            case CVM_INQUIRY -> {
                request = TrxInfo.EMPTY;
                response = TrxInfo.builder().put("cvm", List.of("firstName", "lastName", "idType", "idNo")).build();
            }
            case CARD_STATUS_INQUIRY -> {
                request = SampleMessages.statusInquiry(deviceId, userId, token);
                response = SampleMessages.statusResponse(deviceId);
            }
            case CARD_BALANCE_INQUIRY -> {
                request = SampleMessages.statusInquiry(deviceId, userId, token);
                response = TrxInfo.builder().put("deviceID", deviceId).put("accountTier", "1")
                        .put("balAmt", "1000.00").put("balCurrency", SampleMessages.CURRENCY_HKD)
                        .put("referNo", "119771").build();
                cbsFields = 1;
            }
            case P2P_TRANSFER -> {
                inboundJwe = jweToSwitch(codec.encodeObject(SampleMessages.payeeAccount("100000000002")));
                request = SampleMessages.p2pTransfer(deviceId, userId, token, inboundJwe, "0.25",
                        SampleMessages.CURRENCY_HKD);
                response = TrxInfo.EMPTY;
                cbsFields = 2;
                callbacks = 2;
            }
            case CPQRC_PAYMENT, CPQRC_PAYMENT_CVM -> {
                // QRC_GENERATION (its code HMACs are not public-key work) and the acquirer's CPQRC_PAYMENT with one
                // debit and its TRX_RESULT_NOTIFICATION; above the CVM limit also ADDITIONAL_PROCESSING to the App
                // Gateway and its ADDITIONAL_PROCESSING_RESULT.
                boolean cvm = type == LoadType.CPQRC_PAYMENT_CVM;
                request = SampleMessages.billPayment(deviceId, userId, token, "0.25", SampleMessages.CURRENCY_HKD,
                        SampleMessages.BILLER_MID);
                response = TrxInfo.builder().put("deviceID", deviceId).build();
                cbsFields = 1;
                moreExchanges = cvm ? 2 : 1;
                callbacks = cvm ? 2 : 1;
            }
            default -> {
                // BILL_PAYMENT, CREDIT_TRANSACTION, GET_CASH_OUT_TOKEN, MPQRC_PAYMENT_EMV: the same crypto, one account
                // field each (the QR's parse is not cryptography).
                request = SampleMessages.billPayment(deviceId, userId, token, "0.25", SampleMessages.CURRENCY_HKD,
                        SampleMessages.BILLER_MID);
                response = TrxInfo.builder().put("deviceID", deviceId).build();
                cbsFields = 1;
            }
        }
        MsgInfo msgInfo = SampleMessages.msgInfo(type.name());
        byte[] requestBody = codec.encode(Envelope.request(msgInfo, request));
        byte[] responseBody = codec.encode(Envelope.response(msgInfo, response, MsgResponse.of(ResponseCode.APPROVED)));
        String requestJws = UpiJws.sign(UpiJwsHeader.request(alg(requestSigning.getPrivate()), CLIENT_KID,
                UpiJws.newUuid(), now(), SampleMessages.INS_ID,
                "/scis/switch/" + type.name().toLowerCase(Locale.ROOT)), requestBody, requestSigning.getPrivate());

        for (int i = 0; i <= moreExchanges; i++) {
            steps.verify(requestJws, requestBody, requestSigning.getPublic());
        }
        if (inboundJwe != null) {
            String jwe = inboundJwe;
            steps.decrypt(() -> JweCodec.decrypt(jwe, kid -> SWITCH_ENCRYPTION_KID.equals(kid)
                    ? switchEncryption.getPrivate() : null) instanceof JweResult.Ok);
        }
        if (cbsFields > 0) {
            cbsCall(steps, cbsFields);
        }
        if (panOut) {
            steps.encrypt(() -> !JweCodec.encrypt(pan(), clientEncryption.getPublic(), CLIENT_ENCRYPTION_KID,
                    jweProfile).isEmpty());
        }
        for (int i = 0; i <= moreExchanges; i++) {
            steps.sign(() -> !UpiJws.sign(UpiJwsHeader.response(alg(responseSigning.getPrivate()), SWITCH_KID,
                    UpiJws.newUuid(), now(), SampleMessages.INS_ID), responseBody, responseSigning.getPrivate())
                    .isEmpty());
        }
        for (int i = 0; i < callbacks; i++) {
            callback(steps);
        }
        return steps.work();
    }

    /**
     * The switch's side of one signed CBS call (encrypt each account field to the CBS, sign the request, verify the
     * answer) and, with the embedded CBS, the simulator's (verify, decrypt each field, sign the answer).
     */
    private void cbsCall(Steps steps, int fields) {
        byte[] accountJson = codec.encodeObject(SampleMessages.cbsAccountInfo("100000000001"));
        String fieldJwe = JweCodec.encrypt(accountJson, cbsEncryption.getPublic(), CBS_ENCRYPTION_KID,
                CBS_JWE_PROFILE);
        byte[] cbsRequest = codec.encode(SampleMessages.cbsDebitRequestEnvelope(fieldJwe));
        byte[] cbsAnswer = codec.encode(SampleMessages.cbsApprovalEnvelope("DEBIT_TRANSACTION"));
        String cbsRequestJws = UpiJws.sign(UpiJwsHeader.request(alg(responseSigning.getPrivate()), SWITCH_KID,
                UpiJws.newUuid(), now(), SampleMessages.ISSUER_IIN, "/cbs/debit_transaction"), cbsRequest,
                responseSigning.getPrivate());
        String cbsAnswerJws = UpiJws.sign(UpiJwsHeader.response(alg(cbsSigning.getPrivate()), CBS_KID,
                UpiJws.newUuid(), now(), SampleMessages.ISSUER_IIN), cbsAnswer, cbsSigning.getPrivate());
        for (int i = 0; i < fields; i++) {
            steps.encrypt(() -> !JweCodec.encrypt(accountJson, cbsEncryption.getPublic(), CBS_ENCRYPTION_KID,
                    CBS_JWE_PROFILE).isEmpty());
        }
        steps.sign(() -> !UpiJws.sign(UpiJwsHeader.request(alg(responseSigning.getPrivate()), SWITCH_KID,
                UpiJws.newUuid(), now(), SampleMessages.ISSUER_IIN, "/cbs/debit_transaction"), cbsRequest,
                responseSigning.getPrivate()).isEmpty());
        if (embeddedCbs) {
            steps.verify(cbsRequestJws, cbsRequest, responseSigning.getPublic());
            for (int i = 0; i < fields; i++) {
                steps.decrypt(() -> JweCodec.decrypt(fieldJwe, kid -> CBS_ENCRYPTION_KID.equals(kid)
                        ? cbsEncryption.getPrivate() : null) instanceof JweResult.Ok);
            }
            steps.sign(() -> !UpiJws.sign(UpiJwsHeader.response(alg(cbsSigning.getPrivate()), CBS_KID,
                    UpiJws.newUuid(), now(), SampleMessages.ISSUER_IIN), cbsAnswer, cbsSigning.getPrivate())
                    .isEmpty());
        }
        steps.verify(cbsAnswerJws, cbsAnswer, cbsSigning.getPublic());
    }

    /** One TRX_RESULT_NOTIFICATION: the switch signs it and verifies the App Gateway's signed answer. */
    private void callback(Steps steps) {
        byte[] body = codec.encode(SampleMessages.trxResultNotificationEnvelope());
        byte[] answer = codec.encode(SampleMessages.callbackAnswerEnvelope());
        String answerJws = UpiJws.sign(UpiJwsHeader.response(alg(requestSigning.getPrivate()), CLIENT_KID,
                UpiJws.newUuid(), now(), SampleMessages.INS_ID), answer, requestSigning.getPrivate());
        steps.sign(() -> !UpiJws.sign(UpiJwsHeader.request(alg(responseSigning.getPrivate()), SWITCH_KID,
                UpiJws.newUuid(), now(), SampleMessages.INS_ID, "/callback"), body, responseSigning.getPrivate())
                .isEmpty());
        steps.verify(answerJws, answer, requestSigning.getPublic());
    }

    private String jweToSwitch(byte[] plaintext) {
        return JweCodec.encrypt(plaintext, switchEncryption.getPublic(), SWITCH_ENCRYPTION_KID, jweProfile);
    }

    private static byte[] pan() {
        return SampleMessages.samplePan().getBytes(StandardCharsets.US_ASCII);
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis() / 1000);
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

    /** Ready-made operations of one request type: nothing but crypto happens in the loop. */
    private record Work(List<BooleanSupplier> steps, Recipe recipe) {}

    /** Collects a type's operations and counts them by kind. */
    private static final class Steps {
        private final List<BooleanSupplier> steps = new ArrayList<>();
        private int verify;
        private int sign;
        private int decrypt;
        private int encrypt;

        void verify(String jws, byte[] body, PublicKey key) {
            verify++;
            steps.add(() -> UpiJws.parse(jws, true) instanceof JwsParseResult.Ok ok
                    && UpiJws.verify(ok.jws(), body, key));
        }

        void sign(BooleanSupplier step) {
            sign++;
            steps.add(step);
        }

        void decrypt(BooleanSupplier step) {
            decrypt++;
            steps.add(step);
        }

        void encrypt(BooleanSupplier step) {
            encrypt++;
            steps.add(step);
        }

        Work work() {
            return new Work(List.copyOf(steps), new Recipe(verify, sign, decrypt, encrypt));
        }
    }
}
