package org.openscis.router.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.openscis.router.port.SwitchIds;

/**
 * Predictable identifiers from counters, in the formats of decisions.md §9. {@link #repeatNextCbsMsgId()} makes the
 * next CBS msgID a copy of the previous one, to test what happens when a drawn id is taken.
 */
public final class FixedSwitchIds implements SwitchIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final AtomicLong stan = new AtomicLong();
    private final AtomicLong referNo = new AtomicLong(119_770);
    private final AtomicLong cashOut = new AtomicLong();
    private final AtomicLong rrn = new AtomicLong();
    private final AtomicLong voucher = new AtomicLong();
    private final AtomicBoolean repeat = new AtomicBoolean();
    private volatile String lastCbsMsgId;

    @Override
    public synchronized String cbsMsgId(String issuerIin, Instant now) {
        if (repeat.getAndSet(false) && lastCbsMsgId != null) {
            return lastCbsMsgId;
        }
        lastCbsMsgId = "U" + issuerIin + STAMP.format(now) + String.format("%06d", stan.incrementAndGet() % 1_000_000);
        return lastCbsMsgId;
    }

    @Override
    public String referNo(String issuerIin) {
        return Long.toString(referNo.incrementAndGet());
    }

    @Override
    public String cashOutToken() {
        return String.format("9%017d", cashOut.incrementAndGet());
    }

    @Override
    public String retrievalRefNum() {
        return String.format("%012d", rrn.incrementAndGet());
    }

    @Override
    public String voucherNo() {
        return String.format("%020d", voucher.incrementAndGet());
    }

    public void repeatNextCbsMsgId() {
        repeat.set(true);
    }
}
