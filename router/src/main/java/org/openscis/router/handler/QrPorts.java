package org.openscis.router.handler;

import java.time.Duration;
import java.util.Objects;
import org.openscis.router.port.Promotions;
import org.openscis.router.port.QrHost;
import org.openscis.router.port.UrlInquiries;

/**
 * What the merchant-presented QR flows need beyond {@link HandlerPorts} and {@link MoneyPorts}: the UnionPay QR host,
 * the answered URL inquiries, the promotions, and how long an inquiry may back a payment ({@code inquiryValidity}).
 */
public record QrPorts(QrHost host, UrlInquiries inquiries, Promotions promotions, Duration inquiryValidity) {

    /** How long a QRC_INFO_INQUIRY answer backs an MPQRC_PAYMENT_URL unless configured otherwise. */
    public static final Duration DEFAULT_INQUIRY_VALIDITY = Duration.ofMinutes(10);

    public QrPorts {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(inquiries, "inquiries");
        Objects.requireNonNull(promotions, "promotions");
        Objects.requireNonNull(inquiryValidity, "inquiryValidity");
        if (inquiryValidity.isNegative() || inquiryValidity.isZero()) {
            throw new IllegalArgumentException("inquiryValidity must be positive");
        }
    }
}
