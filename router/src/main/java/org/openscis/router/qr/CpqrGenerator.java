package org.openscis.router.qr;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.CpqrCodes;
import org.openscis.router.port.TokenRecord;

/**
 * Issues a batch of consumer-presented codes for one token (decisions.md §7): reserves one ATC per code (strictly
 * increasing per token on every node), draws a fresh 4-byte unpredictable number per code, computes the cryptogram
 * ({@link CodeCryptogram}), builds the payload ({@link CpqrEmv}) and a barcode ({@link BarcodeSource}), and stores
 * the batch before returning it. A barcode clash ({@link CpqrCodes.BarcodeTaken}) is retried with fresh barcodes.
 */
public final class CpqrGenerator {

    /** Attempts to store a batch when barcodes clash; each clash has odds of about one in 10^17 per live code. */
    static final int MAX_STORE_ATTEMPTS = 3;
    private static final int CODE_ID_BYTES = 16;

    private final CpqrCodes codes;
    private final CodeCryptogram cryptogram;
    private final CpqrEmv emv;
    private final BarcodeSource barcodes;
    private final SecureRandom random;

    public CpqrGenerator(CpqrCodes codes, CodeCryptogram cryptogram, SecureRandom random) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.cryptogram = Objects.requireNonNull(cryptogram, "cryptogram");
        this.random = Objects.requireNonNull(random, "random");
        this.emv = new CpqrEmv();
        this.barcodes = new BarcodeSource(random);
    }

    /**
     * What to issue.
     *
     * @param insId    the App Gateway asking (its insID goes into 9F10)
     * @param count    how many codes, at least 1
     * @param validity how long each code can be scanned
     */
    public record Order(String insId, TokenRecord token, CardRecord card, int count, long trxLimitMinor,
            long cvmLimitMinor, String limitCurrency, Duration validity) {

        public Order {
            Objects.requireNonNull(insId, "insId");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(limitCurrency, "limitCurrency");
            Objects.requireNonNull(validity, "validity");
            if (count < 1) {
                throw new IllegalArgumentException("count must be positive: " + count);
            }
        }
    }

    /** What {@link #generate} did. */
    public sealed interface Generated {

        /** The codes, stored, in ATC order. */
        record Issued(List<CpqrCode> codes) implements Generated {}

        /** The token's 16-bit ATC would pass {@link CodeCryptogram#MAX_ATC}: it cannot issue codes any more. */
        record AtcExhausted() implements Generated {}
    }

    public Generated generate(Order order, Instant now) {
        TokenRecord token = order.token();
        int first = codes.reserveAtc(token.token(), order.count());
        if (first < 1 || first > CodeCryptogram.MAX_ATC - order.count() + 1) {
            return new Generated.AtcExhausted();
        }
        // track 2 carries YYMM; the token's expiry is YYMMDDhhmmss
        String expiryYymm = token.tokenExpiry().substring(0, 4);
        Instant expiresAt = now.plus(order.validity());
        List<CpqrCode> batch = new ArrayList<>(order.count());
        for (int i = 0; i < order.count(); i++) {
            int atc = first + i;
            byte[] un = new byte[CodeCryptogram.UNPREDICTABLE_NUMBER_BYTES];
            random.nextBytes(un);
            byte[] ac = cryptogram.compute(token.token(), atc, un, CpqrEmv.AIP, expiryYymm);
            String payload = emv.build(token.token(), expiryYymm, atc, un, ac, order.insId());
            batch.add(new CpqrCode(codeId(), order.insId(), order.card().issuerIin(), order.card().cardId(),
                    token.token(), token.deviceId(), token.userId(), payload, barcodes.next(), atc,
                    order.trxLimitMinor(), order.cvmLimitMinor(), order.limitCurrency(), now, expiresAt, null, null));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                codes.store(batch);
                return new Generated.Issued(List.copyOf(batch));
            } catch (CpqrCodes.BarcodeTaken e) {
                if (attempt >= MAX_STORE_ATTEMPTS) {
                    throw e;
                }
                batch.replaceAll(c -> new CpqrCode(c.codeId(), c.insId(), c.issuerIin(), c.cardId(), c.token(),
                        c.deviceId(), c.userId(), c.emvPayload(), barcodes.next(), c.atc(), c.trxLimitMinor(),
                        c.cvmLimitMinor(), c.limitCurrency(), c.createdAt(), c.expiresAt(), null, null));
            }
        }
    }

    private String codeId() {
        byte[] b = new byte[CODE_ID_BYTES];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
