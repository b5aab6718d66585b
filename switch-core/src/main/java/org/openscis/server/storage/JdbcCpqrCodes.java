package org.openscis.server.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.CpqrCodes;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.KeyedHash;

/**
 * {@link CpqrCodes} on the {@code cpqr_codes} and {@code cpqr_atc} tables (V9). Payload, barcode and token are
 * stored only as {@link DataCipher} ciphertext bound to the code id, and found through {@link KeyedHash} lookups;
 * the ATC counter row is keyed by the token's hash. Multi-node safety comes from the database: the ATC row is locked
 * while a reservation raises it, barcode and payload hashes are unique, and {@link #redeem} is one conditional
 * UPDATE, so of two concurrent scans on any nodes exactly one changes the row.
 */
public final class JdbcCpqrCodes implements CpqrCodes {

    static final Table<Record> CODES = table(name("cpqr_codes"));
    static final Field<String> CODE_ID = field(name("code_id"), SQLDataType.VARCHAR);
    static final Field<String> PAYLOAD_HASH = field(name("payload_hash"), SQLDataType.VARCHAR);
    static final Field<String> BARCODE_HASH = field(name("barcode_hash"), SQLDataType.VARCHAR);
    static final Field<byte[]> PAYLOAD_ENC = field(name("payload_enc"), SQLDataType.VARBINARY);
    static final Field<byte[]> BARCODE_ENC = field(name("barcode_enc"), SQLDataType.VARBINARY);
    static final Field<byte[]> TOKEN_ENC = field(name("token_enc"), SQLDataType.VARBINARY);
    static final Field<String> INS_ID = field(name("ins_id"), SQLDataType.VARCHAR);
    static final Field<String> ISSUER_IIN = field(name("issuer_iin"), SQLDataType.VARCHAR);
    static final Field<String> CARD_ID = field(name("card_id"), SQLDataType.VARCHAR);
    static final Field<String> DEVICE_ID = field(name("device_id"), SQLDataType.VARCHAR);
    static final Field<String> USER_ID = field(name("user_id"), SQLDataType.VARCHAR);
    static final Field<Integer> ATC = field(name("atc"), SQLDataType.INTEGER);
    static final Field<Long> TRX_LIMIT_MINOR = field(name("trx_limit_minor"), SQLDataType.BIGINT);
    static final Field<Long> CVM_LIMIT_MINOR = field(name("cvm_limit_minor"), SQLDataType.BIGINT);
    static final Field<String> LIMIT_CURRENCY = field(name("limit_currency"), SQLDataType.VARCHAR);
    static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
    static final Field<Long> EXPIRES_AT = field(name("expires_at"), SQLDataType.BIGINT);
    static final Field<String> USED_BY_INS_ID = field(name("used_by_ins_id"), SQLDataType.VARCHAR);
    static final Field<String> USED_BY_MSG_ID = field(name("used_by_msg_id"), SQLDataType.VARCHAR);
    static final Field<Long> USED_AT = field(name("used_at"), SQLDataType.BIGINT);
    private static final Field<?>[] ALL = {CODE_ID, PAYLOAD_ENC, BARCODE_ENC, TOKEN_ENC, INS_ID, ISSUER_IIN, CARD_ID,
        DEVICE_ID, USER_ID, ATC, TRX_LIMIT_MINOR, CVM_LIMIT_MINOR, LIMIT_CURRENCY, CREATED_AT, EXPIRES_AT,
        USED_BY_INS_ID, USED_BY_MSG_ID};

    static final Table<Record> ATC_TABLE = table(name("cpqr_atc"));
    static final Field<String> TOKEN_HASH = field(name("token_hash"), SQLDataType.VARCHAR);
    static final Field<Long> LAST_ATC = field(name("last_atc"), SQLDataType.BIGINT);

    /** Attempts to create a token's counter row when another node creates it at the same moment. */
    private static final int MAX_RESERVE_ATTEMPTS = 3;
    private static final String PAYLOAD_DOMAIN = "cpqr-payload";
    private static final String BARCODE_DOMAIN = "cpqr-barcode";
    private static final String TOKEN_DOMAIN = "cpqr-token";

    private final DSLContext dsl;
    private final DataCipher cipher;
    private final KeyedHash keyedHash;

    public JdbcCpqrCodes(Database db, DataCipher cipher, KeyedHash keyedHash) {
        this.dsl = db.dsl();
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.keyedHash = Objects.requireNonNull(keyedHash, "keyedHash");
    }

    /**
     * {@inheritDoc} The counter row is locked ({@code SELECT ... FOR UPDATE}) while it is raised, in one short
     * transaction; a missing row is created, and a concurrent creator's primary key violation makes the loser retry
     * on the row the winner made.
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     * @throws IllegalStateException    if the counter would pass {@link Integer#MAX_VALUE} (after some 200 million
     *                                  requests for one token; the handler refuses long before, at the 16-bit ATC)
     */
    @Override
    public int reserveAtc(String token, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        String hash = keyedHash.hash(TOKEN_DOMAIN, token);
        for (int attempt = 0; attempt < MAX_RESERVE_ATTEMPTS; attempt++) {
            try {
                long first = dsl.transactionResult(cfg -> {
                    DSLContext tx = DSL.using(cfg);
                    Long last = tx.select(LAST_ATC).from(ATC_TABLE).where(TOKEN_HASH.eq(hash)).forUpdate()
                            .fetchOne(LAST_ATC);
                    if (last == null) {
                        tx.insertInto(ATC_TABLE).set(TOKEN_HASH, hash).set(LAST_ATC, (long) count).execute();
                        return 1L;
                    }
                    if (last + count > Integer.MAX_VALUE) {
                        throw new IllegalStateException("the token's ATC counter is exhausted");
                    }
                    tx.update(ATC_TABLE).set(LAST_ATC, last + count).where(TOKEN_HASH.eq(hash)).execute();
                    return last + 1;
                });
                return (int) first;
            } catch (DataAccessException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("could not create the ATC counter of a token");
    }

    @Override
    public void store(List<CpqrCode> codes) {
        try {
            dsl.transaction(cfg -> {
                DSLContext tx = DSL.using(cfg);
                for (CpqrCode c : codes) {
                    insert(tx, c);
                }
            });
        } catch (DataAccessException e) {
            // Only a barcode can clash: payloads hold a fresh ATC and code ids are random 128-bit values.
            if (SqlErrors.isUniqueViolation(e) && anyBarcodeStored(codes)) {
                throw new BarcodeTaken();
            }
            throw e;
        }
    }

    private void insert(DSLContext tx, CpqrCode c) {
        String id = c.codeId();
        tx.insertInto(CODES)
                .set(CODE_ID, id)
                .set(PAYLOAD_HASH, keyedHash.hash(PAYLOAD_DOMAIN, c.emvPayload()))
                .set(BARCODE_HASH, keyedHash.hash(BARCODE_DOMAIN, c.barcode()))
                .set(PAYLOAD_ENC, cipher.encryptString(c.emvPayload(), Aad.cpqrPayload(id)))
                .set(BARCODE_ENC, cipher.encryptString(c.barcode(), Aad.cpqrBarcode(id)))
                .set(TOKEN_ENC, cipher.encryptString(c.token(), Aad.cpqrToken(id)))
                .set(INS_ID, c.insId())
                .set(ISSUER_IIN, c.issuerIin())
                .set(CARD_ID, c.cardId())
                .set(DEVICE_ID, c.deviceId())
                .set(USER_ID, c.userId())
                .set(ATC, c.atc())
                .set(TRX_LIMIT_MINOR, c.trxLimitMinor())
                .set(CVM_LIMIT_MINOR, c.cvmLimitMinor())
                .set(LIMIT_CURRENCY, c.limitCurrency())
                .set(CREATED_AT, c.createdAt().toEpochMilli())
                .set(EXPIRES_AT, c.expiresAt().toEpochMilli())
                .set(USED_BY_INS_ID, c.usedByInsId())
                .set(USED_BY_MSG_ID, c.usedByMsgId())
                .set(USED_AT, c.used() ? c.createdAt().toEpochMilli() : null)
                .execute();
    }

    private boolean anyBarcodeStored(List<CpqrCode> codes) {
        List<String> hashes = codes.stream().map(c -> keyedHash.hash(BARCODE_DOMAIN, c.barcode())).toList();
        return dsl.fetchExists(CODES, BARCODE_HASH.in(hashes));
    }

    @Override
    public Optional<CpqrCode> findByPayload(String emvPayload) {
        return one(PAYLOAD_HASH.eq(keyedHash.hash(PAYLOAD_DOMAIN, emvPayload)))
                .filter(c -> c.emvPayload().equals(emvPayload));
    }

    @Override
    public Optional<CpqrCode> findByBarcode(String barcode) {
        return one(BARCODE_HASH.eq(keyedHash.hash(BARCODE_DOMAIN, barcode)))
                .filter(c -> c.barcode().equals(barcode));
    }

    /** The code with id {@code codeId}. */
    public Optional<CpqrCode> findById(String codeId) {
        return one(CODE_ID.eq(codeId));
    }

    private Optional<CpqrCode> one(Condition condition) {
        return dsl.select(ALL).from(CODES).where(condition).fetchOptional().map(this::toCode);
    }

    /**
     * {@inheritDoc} One conditional UPDATE (unused and not expired); when it changes no row, the row is read to say
     * why. Redeeming again for the same {@code (usedByInsId, usedByMsgId)} answers {@link RedeemResult#REDEEMED}, so
     * that a payment retried after a crash finds its own redemption.
     */
    @Override
    public RedeemResult redeem(String codeId, String usedByInsId, String usedByMsgId, Instant now) {
        Objects.requireNonNull(usedByInsId, "usedByInsId");
        Objects.requireNonNull(usedByMsgId, "usedByMsgId");
        int changed = dsl.update(CODES)
                .set(USED_BY_INS_ID, usedByInsId)
                .set(USED_BY_MSG_ID, usedByMsgId)
                .set(USED_AT, now.toEpochMilli())
                .where(CODE_ID.eq(codeId))
                .and(USED_BY_MSG_ID.isNull())
                .and(EXPIRES_AT.gt(now.toEpochMilli()))
                .execute();
        if (changed == 1) {
            return RedeemResult.REDEEMED;
        }
        Record row = dsl.select(USED_BY_INS_ID, USED_BY_MSG_ID).from(CODES).where(CODE_ID.eq(codeId)).fetchOne();
        if (row == null) {
            return RedeemResult.UNKNOWN;
        }
        String usedBy = row.get(USED_BY_MSG_ID);
        if (usedBy == null) {
            return RedeemResult.EXPIRED;
        }
        return usedBy.equals(usedByMsgId) && usedByInsId.equals(row.get(USED_BY_INS_ID))
                ? RedeemResult.REDEEMED
                : RedeemResult.ALREADY_USED;
    }

    private CpqrCode toCode(Record r) {
        String id = r.get(CODE_ID);
        return new CpqrCode(id, r.get(INS_ID), r.get(ISSUER_IIN), r.get(CARD_ID),
                cipher.decryptString(r.get(TOKEN_ENC), Aad.cpqrToken(id)), r.get(DEVICE_ID), r.get(USER_ID),
                cipher.decryptString(r.get(PAYLOAD_ENC), Aad.cpqrPayload(id)),
                cipher.decryptString(r.get(BARCODE_ENC), Aad.cpqrBarcode(id)), r.get(ATC), r.get(TRX_LIMIT_MINOR),
                r.get(CVM_LIMIT_MINOR), r.get(LIMIT_CURRENCY), Instant.ofEpochMilli(r.get(CREATED_AT)),
                Instant.ofEpochMilli(r.get(EXPIRES_AT)), r.get(USED_BY_INS_ID), r.get(USED_BY_MSG_ID));
    }

    @Override
    public String toString() {
        return "JdbcCpqrCodes";
    }
}
