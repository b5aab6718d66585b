package org.openscis.server.qr;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes answered URL inquiries older than {@code keep}. A failure is logged and the next run tries again (a scheduled
 * task that throws would never run again).
 */
final class UrlInquiryPurge implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(UrlInquiryPurge.class);

    private final JdbcUrlInquiries inquiries;
    private final Duration keep;
    private final Clock clock;

    UrlInquiryPurge(JdbcUrlInquiries inquiries, Duration keep, Clock clock) {
        this.inquiries = inquiries;
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            int purged = inquiries.purgeBefore(clock.instant().minus(keep));
            if (purged > 0) {
                LOG.debug("Purged {} URL inquiries", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging URL inquiries failed; trying again later", e);
        }
    }
}
