package org.openscis.server.qr;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openscis.router.handler.QrPorts;
import org.openscis.server.config.QrConfig;
import org.openscis.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the merchant-presented QR ports from {@code qr:} for the composition root. */
public final class MerchantQr {

    private static final Logger LOG = LoggerFactory.getLogger(MerchantQr.class);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(5);

    private MerchantQr() {}

    /**
     * The QR host (the file's codes, validated now), the inquiries in {@code database} (purged on
     * {@code housekeeping} once older than {@code retention}) and the configured promotions.
     *
     * @throws IllegalArgumentException when the QR host file is missing or invalid
     */
    public static QrPorts ports(QrConfig qr, Database database, ScheduledExecutorService housekeeping,
            Duration retention, Clock clock) {
        FileQrHost host = qr.urlHost().file() == null ? FileQrHost.empty()
                : FileQrHost.load(Path.of(qr.urlHost().file()));
        LOG.info("QR host simulator: {} URL codes{}; {} promotion(s)", host.size(),
                qr.urlHost().file() == null ? " (no qr.urlHost.file)" : " from " + qr.urlHost().file(),
                qr.promotions().size());
        JdbcUrlInquiries inquiries = new JdbcUrlInquiries(database);
        Duration keep = retention.compareTo(qr.urlHost().inquiryValidity()) > 0 ? retention
                : qr.urlHost().inquiryValidity();
        housekeeping.scheduleWithFixedDelay(new UrlInquiryPurge(inquiries, keep, clock), PURGE_INTERVAL.toSeconds(),
                PURGE_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        return new QrPorts(host, inquiries, new ConfiguredPromotions(qr.promotions()),
                qr.urlHost().inquiryValidity());
    }
}
