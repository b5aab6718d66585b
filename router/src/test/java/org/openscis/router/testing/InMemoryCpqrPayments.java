package org.openscis.router.testing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openscis.router.port.CpqrPayment;
import org.openscis.router.port.CpqrPayments;
import org.openscis.router.port.CpqrVerdict;

/** {@link CpqrPayments} in memory, with the same compare-and-set rules as the database store. */
public final class InMemoryCpqrPayments implements CpqrPayments {

    private final Map<CpqrPayment.Key, CpqrPayment> byKey = new LinkedHashMap<>();

    @Override
    public synchronized boolean create(CpqrPayment payment) {
        return byKey.putIfAbsent(payment.key(), payment) == null;
    }

    @Override
    public synchronized Optional<CpqrPayment> find(String acquirerInsId, String acquirerMsgId) {
        return Optional.ofNullable(byKey.get(new CpqrPayment.Key(acquirerInsId, acquirerMsgId)));
    }

    @Override
    public synchronized RecordResult recordVerdict(String acquirerInsId, String acquirerMsgId, CpqrVerdict verdict) {
        CpqrPayment.Key key = new CpqrPayment.Key(acquirerInsId, acquirerMsgId);
        CpqrPayment p = byKey.get(key);
        if (p == null || !p.verificationRequired()) {
            return RecordResult.NOT_AWAITED;
        }
        if (p.verdict() != null) {
            return RecordResult.ALREADY_DECIDED;
        }
        byKey.put(key, p.withVerdict(verdict));
        return RecordResult.RECORDED;
    }

    @Override
    public synchronized Map<CpqrPayment.Key, CpqrVerdict> verdicts(Collection<CpqrPayment.Key> payments) {
        Map<CpqrPayment.Key, CpqrVerdict> found = new LinkedHashMap<>();
        for (CpqrPayment.Key k : payments) {
            CpqrPayment p = byKey.get(k);
            if (p != null && p.verdict() != null) {
                found.put(k, p.verdict());
            }
        }
        return found;
    }
}
