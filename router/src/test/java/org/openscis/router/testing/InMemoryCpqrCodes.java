package org.openscis.router.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.CpqrCodes;

/**
 * Consumer-presented codes in maps, with the JDBC store's rules: ATCs strictly increasing per token, unique barcodes
 * ({@link CpqrCodes.BarcodeTaken}, nothing stored), single-use redemption (again by the same message: redeemed). {@link #takeBarcodes} makes barcodes
 * taken, to test the caller's retry.
 */
public final class InMemoryCpqrCodes implements CpqrCodes {

    private final Map<String, Integer> lastAtc = new HashMap<>();
    private final Map<String, CpqrCode> byId = new LinkedHashMap<>();
    private final List<String> taken = new ArrayList<>();
    private int storeCalls;
    private int refuseStores;

    @Override
    public synchronized int reserveAtc(String token, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        int first = lastAtc.getOrDefault(token, 0) + 1;
        lastAtc.put(token, first + count - 1);
        return first;
    }

    /** Starts the token's counter after {@code atc}, as if that many values had been reserved. */
    public synchronized void setLastAtc(String token, int atc) {
        lastAtc.put(token, atc);
    }

    @Override
    public synchronized void store(List<CpqrCode> codes) {
        storeCalls++;
        if (refuseStores > 0) {
            refuseStores--;
            throw new BarcodeTaken();
        }
        for (CpqrCode c : codes) {
            if (taken.contains(c.barcode()) || findByBarcode(c.barcode()).isPresent()) {
                throw new BarcodeTaken();
            }
        }
        codes.forEach(c -> byId.put(c.codeId(), c));
    }

    /** The next {@code n} calls of {@link #store} find a barcode taken, whichever barcodes they bring. */
    public synchronized void refuseNextStores(int n) {
        refuseStores = n;
    }

    /** Makes {@code barcode} taken by a code this fake does not otherwise know. */
    public synchronized void takeBarcodes(String... barcodes) {
        taken.addAll(List.of(barcodes));
    }

    @Override
    public synchronized Optional<CpqrCode> findByPayload(String emvPayload) {
        return byId.values().stream().filter(c -> c.emvPayload().equals(emvPayload)).findFirst();
    }

    @Override
    public synchronized Optional<CpqrCode> findByBarcode(String barcode) {
        return byId.values().stream().filter(c -> c.barcode().equals(barcode)).findFirst();
    }

    @Override
    public synchronized RedeemResult redeem(String codeId, String usedByInsId, String usedByMsgId, Instant now) {
        CpqrCode c = byId.get(codeId);
        if (c == null) {
            return RedeemResult.UNKNOWN;
        }
        if (c.used()) {
            return usedByInsId.equals(c.usedByInsId()) && usedByMsgId.equals(c.usedByMsgId())
                    ? RedeemResult.REDEEMED
                    : RedeemResult.ALREADY_USED;
        }
        if (c.expiredAt(now)) {
            return RedeemResult.EXPIRED;
        }
        byId.put(codeId, c.usedBy(usedByInsId, usedByMsgId));
        return RedeemResult.REDEEMED;
    }

    /** Puts a code as it is, bypassing the rules (a test's past state). */
    public synchronized CpqrCode put(CpqrCode code) {
        byId.put(code.codeId(), code);
        return code;
    }

    /** Every stored code, in the order stored. */
    public synchronized List<CpqrCode> codes() {
        return List.copyOf(byId.values());
    }

    public synchronized int storeCalls() {
        return storeCalls;
    }
}
