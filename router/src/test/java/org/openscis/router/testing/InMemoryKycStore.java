package org.openscis.router.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openscis.router.port.KycRecord;
import org.openscis.router.port.KycStore;

/**
 * KYC decisions in a map keyed by {@code referNo}, with the uniqueness and compare-and-set rules of the real adapter;
 * every method holds the object's lock, so concurrent OPEN_ACCOUNTs see one consistent store.
 */
public final class InMemoryKycStore implements KycStore {

    private final Map<String, KycRecord> byReferNo = new LinkedHashMap<>();

    @Override
    public synchronized boolean save(KycRecord record) {
        if (byReferNo.containsKey(record.referNo()) || find(record.insId(), record.kycMsgId()).isPresent()) {
            return false;
        }
        byReferNo.put(record.referNo(), record);
        return true;
    }

    @Override
    public synchronized Optional<KycRecord> find(String insId, String kycMsgId) {
        return byReferNo.values().stream()
                .filter(r -> r.insId().equals(insId) && r.kycMsgId().equals(kycMsgId))
                .findFirst();
    }

    @Override
    public synchronized String fixOpeningCbsMsgId(String referNo, String candidate) {
        KycRecord r = byReferNo.get(referNo);
        if (r == null) {
            throw new IllegalStateException("no KYC " + referNo);
        }
        if (r.openingCbsMsgId() != null) {
            return r.openingCbsMsgId();
        }
        byReferNo.put(referNo, new KycRecord(r.referNo(), r.insId(), r.kycMsgId(), r.issuerIin(), r.prdNo(),
                r.deviceId(), r.userId(), r.cvmInfo(), r.state(), candidate, r.createdAt(), r.consumedAt()));
        return candidate;
    }

    @Override
    public synchronized boolean consume(String referNo, Instant now) {
        KycRecord r = byReferNo.get(referNo);
        if (r == null || r.state() != KycRecord.KycState.APPROVED) {
            return false;
        }
        byReferNo.put(referNo, new KycRecord(r.referNo(), r.insId(), r.kycMsgId(), r.issuerIin(), r.prdNo(),
                r.deviceId(), r.userId(), r.cvmInfo(), KycRecord.KycState.CONSUMED, r.openingCbsMsgId(),
                r.createdAt(), now));
        return true;
    }

    /** Stores or replaces a record as given, bypassing the rules (to set up a test). */
    public synchronized KycRecord put(KycRecord record) {
        byReferNo.put(record.referNo(), record);
        return record;
    }

    public synchronized Optional<KycRecord> byReferNo(String referNo) {
        return Optional.ofNullable(byReferNo.get(referNo));
    }

    public synchronized List<KycRecord> all() {
        return new ArrayList<>(byReferNo.values());
    }
}
