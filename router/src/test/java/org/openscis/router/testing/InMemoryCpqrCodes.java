package org.openscis.router.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.CpqrCodes;

/** {@link CpqrCodes} in memory: atomic redeem, ATC reservations per token. */
public final class InMemoryCpqrCodes implements CpqrCodes {

    private final Map<String, CpqrCode> byId = new LinkedHashMap<>();
    private final Map<String, Integer> nextAtc = new LinkedHashMap<>();

    @Override
    public synchronized int reserveAtc(String token, int count) {
        int first = nextAtc.getOrDefault(token, 1);
        nextAtc.put(token, first + count);
        return first;
    }

    @Override
    public synchronized void store(List<CpqrCode> codes) {
        codes.forEach(c -> byId.put(c.codeId(), c));
    }

    @Override
    public synchronized Optional<CpqrCode> findByPayload(String emvPayload) {
        return byId.values().stream().filter(c -> Objects.equals(c.emvPayload(), emvPayload)).findFirst();
    }

    @Override
    public synchronized Optional<CpqrCode> findByBarcode(String barcode) {
        return byId.values().stream().filter(c -> Objects.equals(c.barcode(), barcode)).findFirst();
    }

    @Override
    public synchronized RedeemResult redeem(String codeId, String usedByInsId, String usedByMsgId, Instant now) {
        CpqrCode c = byId.get(codeId);
        if (c == null) {
            return RedeemResult.UNKNOWN;
        }
        if (c.usedByMsgId() != null) {
            return RedeemResult.ALREADY_USED;
        }
        if (!now.isBefore(c.expiresAt())) {
            return RedeemResult.EXPIRED;
        }
        byId.put(codeId, new CpqrCode(c.codeId(), c.insId(), c.issuerIin(), c.cardId(), c.token(), c.deviceId(),
                c.userId(), c.emvPayload(), c.barcode(), c.atc(), c.trxLimitMinor(), c.cvmLimitMinor(),
                c.limitCurrency(), c.createdAt(), c.expiresAt(), usedByInsId, usedByMsgId));
        return RedeemResult.REDEEMED;
    }

    public synchronized Optional<CpqrCode> find(String codeId) {
        return Optional.ofNullable(byId.get(codeId));
    }
}
