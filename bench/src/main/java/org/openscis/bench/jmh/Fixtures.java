package org.openscis.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.openscis.bench.workload.SampleMessages;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.KeyMaterial;

/**
 * Realistic CARD_ENROLLMENT bodies: the cvmInfo and pan members hold real RSA-2048 JWEs (encrypted to a throw-away
 * key), so body sizes and character mix match what the switch reads and writes.
 *
 * @param cvmInfoJwe the request's cvmInfo as an App Gateway sends it (RSA1_5/A128CBC-HS256, what real clients use)
 * @param panJwe     the response's pan as the switch produces it (its default RSA-OAEP-256/A128GCM)
 */
record Fixtures(String cvmInfoJwe, String panJwe) {

    static final String APPGW_ENCRYPTION_KID = "2000000000002";
    static final String SWITCH_ENCRYPTION_KID = "1000000000002";

    static Fixtures create() {
        KeyPair throwAway = KeyMaterial.generateRsa(2048);
        EnvelopeCodec codec = new EnvelopeCodec();
        byte[] cvmInfo = codec.encodeObject(SampleMessages.accountCvmInfo("100000001234"));
        String cvmInfoJwe = JweCodec.encrypt(cvmInfo, throwAway.getPublic(), SWITCH_ENCRYPTION_KID,
                JweProfile.RSA1_5_A128CBC_HS256);
        String panJwe = JweCodec.encrypt(SampleMessages.samplePan().getBytes(StandardCharsets.US_ASCII),
                throwAway.getPublic(), APPGW_ENCRYPTION_KID, JweProfile.RSA_OAEP_256_A128GCM);
        return new Fixtures(cvmInfoJwe, panJwe);
    }

    byte[] enrollmentRequestBody() {
        return new EnvelopeCodec().encode(SampleMessages.enrollmentRequestEnvelope(cvmInfoJwe));
    }

    byte[] enrollmentResponseBody() {
        return new EnvelopeCodec().encode(SampleMessages.enrollmentResponseEnvelope(panJwe));
    }
}
