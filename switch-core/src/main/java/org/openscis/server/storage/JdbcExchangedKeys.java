package org.openscis.server.storage;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.openscis.server.storage.Tables.ParticipantKeys;

/**
 * Participants' public keys added at run time by KEY_EXCHANGE, stored as SPKI (X.509 SubjectPublicKeyInfo) so that
 * every node sharing the database sees them. Keys from configuration are not stored here; the key registry combines
 * both. A (participant, kid, use) triple is bound to one key forever: re-adding the same key is a no-op, a different
 * key under a used kid is refused.
 */
public final class JdbcExchangedKeys {

    /** Key algorithms tried, in order, to decode stored SPKI. */
    private static final List<String> ALGORITHMS = List.of("RSA", "EC");

    private final DSLContext dsl;

    public JdbcExchangedKeys(Database db) {
        this.dsl = db.dsl();
    }

    /**
     * Stores {@code key} for the participant. True if stored or already stored with identical bytes; false if the kid
     * is already bound to another key for this use.
     *
     * @throws IllegalArgumentException if the key has no X.509 (SPKI) encoding
     */
    public boolean add(String insId, String kid, KeyUse use, PublicKey key, Instant now) {
        byte[] spki = key.getEncoded();
        if (spki == null || !"X.509".equals(key.getFormat())) {
            throw new IllegalArgumentException("public key has no SPKI encoding");
        }
        try {
            dsl.transaction(cfg -> DSL.using(cfg).insertInto(ParticipantKeys.TABLE)
                    .set(ParticipantKeys.INS_ID, insId)
                    .set(ParticipantKeys.KID, kid)
                    .set(ParticipantKeys.KEY_USE, use.name())
                    .set(ParticipantKeys.SPKI, spki)
                    .set(ParticipantKeys.CREATED_AT, now.toEpochMilli())
                    .execute());
            return true;
        } catch (DataAccessException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
        byte[] stored = dsl.transactionResult(cfg -> DSL.using(cfg).select(ParticipantKeys.SPKI)
                .from(ParticipantKeys.TABLE)
                .where(ParticipantKeys.INS_ID.eq(insId)
                        .and(ParticipantKeys.KID.eq(kid))
                        .and(ParticipantKeys.KEY_USE.eq(use.name())))
                .fetchOne(ParticipantKeys.SPKI));
        return stored != null && Arrays.equals(stored, spki);
    }

    /** The participant's exchanged signing keys by kid, oldest first. */
    public Map<String, PublicKey> signingKeys(String insId) {
        List<Record> rows = dsl.transactionResult(cfg -> DSL.using(cfg)
                .select(ParticipantKeys.ALL).from(ParticipantKeys.TABLE)
                .where(ParticipantKeys.INS_ID.eq(insId).and(ParticipantKeys.KEY_USE.eq(KeyUse.SIG.name())))
                .orderBy(ParticipantKeys.CREATED_AT, ParticipantKeys.KID)
                .fetch());
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (Record r : rows) {
            keys.put(r.get(ParticipantKeys.KID), decode(r.get(ParticipantKeys.SPKI), r.get(ParticipantKeys.KID)));
        }
        return keys;
    }

    /**
     * The encryption key exchanged most recently (ties on the millisecond: the greater kid), which the switch
     * encrypts to; empty if none was exchanged.
     */
    public Optional<Map.Entry<String, PublicKey>> latestEncryptionKey(String insId) {
        Optional<Record> row = dsl.transactionResult(cfg -> DSL.using(cfg)
                .select(ParticipantKeys.ALL).from(ParticipantKeys.TABLE)
                .where(ParticipantKeys.INS_ID.eq(insId).and(ParticipantKeys.KEY_USE.eq(KeyUse.ENC.name())))
                .orderBy(ParticipantKeys.CREATED_AT.desc(), ParticipantKeys.KID.desc())
                .limit(1)
                .fetchOptional());
        return row.map(r -> {
            String kid = r.get(ParticipantKeys.KID);
            return new AbstractMap.SimpleImmutableEntry<>(kid, decode(r.get(ParticipantKeys.SPKI), kid));
        });
    }

    /** Decodes SPKI bytes this class stored from a valid key; failure means the row was corrupted. */
    private static PublicKey decode(byte[] spki, String kid) {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(spki);
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
                // not this algorithm; try the next
            }
        }
        throw new IllegalStateException("stored public key " + kid + " is neither RSA nor EC");
    }

    @Override
    public String toString() {
        return "JdbcExchangedKeys";
    }
}
