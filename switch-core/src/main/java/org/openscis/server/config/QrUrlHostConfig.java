package org.openscis.server.config;

import java.time.Duration;

/**
 * {@code qr.urlHost}: the embedded UnionPay QR host simulator and URL-mode inquiries.
 *
 * @param file            the absolute name of the JSON file of known URL codes, read and validated when the switch
 *                        starts; null (not configured): the host knows no code, every inquiry is answered 03
 * @param inquiryValidity how long a QRC_INFO_INQUIRY answer backs an MPQRC_PAYMENT_URL (default 10 minutes; then 25)
 */
public record QrUrlHostConfig(String file, Duration inquiryValidity) {

    public static final Duration DEFAULT_INQUIRY_VALIDITY = Duration.ofMinutes(10);
}
