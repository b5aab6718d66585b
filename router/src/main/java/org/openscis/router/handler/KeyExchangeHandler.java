package org.openscis.router.handler;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.FieldError;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.KeyRegistry;
import org.openscis.router.port.SwitchKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KEY_EXCHANGE (protocol.md §3.24, §4.7): an App Gateway registers a new signing key ({@code insSignCertID} +
 * {@code insSignPublicKey}) and/or a new encryption key ({@code insEncCertID} + {@code insEncPublickey}, the real
 * clients' spelling; {@code insEncPublicKey} is accepted too). Keys are Base64 DER SubjectPublicKeyInfo, RSA ≥ 2048
 * or EC P-256; kids are AN 1-40. A missing pair, half a pair, an unreadable or weak key → 30; a kid already
 * registered with a different key → 78. Re-sending the same kid and key is accepted (idempotent).
 *
 * <p>Every key is read and checked before anything is registered, and a signing-kid clash is detected before the
 * encryption key is added, so a refused exchange changes nothing (barring a concurrent exchange of the same kid).
 * The response carries the switch's current keys: {@code upiSignCertID}, {@code upiSignPublicKey},
 * {@code upiEncCertID}, {@code upiEncPublicKey}.
 */
public final class KeyExchangeHandler extends SynchronousHandler {

    public static final int KID_MAX_CHARS = 40;
    /** Base64 of an RSA-8192 SPKI is about 1.5 KB; anything far beyond is not a public key. */
    public static final int KEY_MAX_BASE64_CHARS = 8 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(KeyExchangeHandler.class);

    private final KeyRegistry keys;
    private final SwitchKeys switchKeys;

    public KeyExchangeHandler(KeyRegistry keys, SwitchKeys switchKeys) {
        super(MessageType.KEY_EXCHANGE);
        this.keys = keys;
        this.switchKeys = switchKeys;
    }

    @Override
    Outcome decide(Request request) {
        TrxInfo trx = request.trxInfo();
        TrxReader reader = new TrxReader(trx);
        boolean hasSign = trx.has("insSignCertID") || trx.has("insSignPublicKey");
        boolean hasEnc = trx.has("insEncCertID") || trx.has("insEncPublickey") || trx.has("insEncPublicKey");
        if (!hasSign && !hasEnc) {
            return RequestFields.formatError(
                    new FieldError("insSignCertID/insEncCertID", "at least one key (kid and public key) is required"));
        }
        String signKid = null;
        String signKeyText = null;
        if (hasSign) {
            signKid = reader.required("insSignCertID", 1, KID_MAX_CHARS, CharClass.AN);
            signKeyText = reader.required("insSignPublicKey", 1, KEY_MAX_BASE64_CHARS, CharClass.ANS);
        }
        String encKid = null;
        String encKeyText = null;
        if (hasEnc) {
            encKid = reader.required("insEncCertID", 1, KID_MAX_CHARS, CharClass.AN);
            encKeyText = reader.requiredAnyOf(1, KEY_MAX_BASE64_CHARS, CharClass.ANS, "insEncPublickey",
                    "insEncPublicKey");
        }
        if (reader.failed()) {
            return RequestFields.formatError(reader);
        }
        PublicKey signKey = null;
        if (hasSign) {
            KeyRead read = readKey("insSignPublicKey", signKeyText);
            if (read.error() != null) {
                return RequestFields.formatError(read.error());
            }
            signKey = read.key();
        }
        PublicKey encKey = null;
        if (hasEnc) {
            KeyRead read = readKey("insEncPublickey", encKeyText);
            if (read.error() != null) {
                return RequestFields.formatError(read.error());
            }
            encKey = read.key();
        }

        String insId = request.participant().insId();
        if (hasSign && clashes(keys.signingKey(insId, signKid), signKey)) {
            return Outcome.fail(ResponseCode.DUPLICATE_REQUEST, "insSignCertID is registered with another key");
        }
        if (hasEnc && !keys.addEncryptionKey(insId, encKid, encKey)) {
            return Outcome.fail(ResponseCode.DUPLICATE_REQUEST, "insEncCertID is registered with another key");
        }
        if (hasSign && !keys.addSigningKey(insId, signKid, signKey)) {
            return Outcome.fail(ResponseCode.DUPLICATE_REQUEST, "insSignCertID is registered with another key");
        }
        LOG.info("key exchange by {}: signing kid {}, encryption kid {}", insId, signKid, encKid);
        Base64.Encoder b64 = Base64.getEncoder();
        return Outcome.ok(TrxInfo.builder()
                .put("upiSignCertID", switchKeys.signingKid())
                .put("upiSignPublicKey", b64.encodeToString(switchKeys.signingPublicKey().getEncoded()))
                .put("upiEncCertID", switchKeys.encryptionKid())
                .put("upiEncPublicKey", b64.encodeToString(switchKeys.encryptionPublicKey().getEncoded()))
                .build());
    }

    private static boolean clashes(Optional<PublicKey> registered, PublicKey offered) {
        return registered.isPresent() && !Arrays.equals(registered.get().getEncoded(), offered.getEncoded());
    }

    private static KeyRead readKey(String field, String base64) {
        PublicKey key;
        try {
            key = KeyMaterial.readBase64Der(base64);
        } catch (IllegalArgumentException e) {
            return new KeyRead(null, new FieldError(field, "is not a Base64 DER public key"));
        }
        if (!KeyMaterial.strongEnough(key)) {
            return new KeyRead(null, new FieldError(field, "must be RSA of at least 2048 bits or EC P-256"));
        }
        return new KeyRead(key, null);
    }

    private record KeyRead(PublicKey key, FieldError error) {}
}
