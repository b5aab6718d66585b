package org.openscis.server.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code qr:} section: merchant-presented QR settings ({@code urlHost}, {@code promotions}), the
 * consumer-presented codes QRC_GENERATION issues ({@code codes}) and the cardholder verification of consumer-presented
 * payments ({@code verification}). Absent, the host knows no code, no promotion applies, and codes and verification
 * have their defaults.
 */
public record QrConfig(QrUrlHostConfig urlHost, List<QrPromotionConfig> promotions, QrCodesConfig codes,
        QrVerificationConfig verification) {

    public QrConfig {
        Objects.requireNonNull(urlHost, "urlHost");
        promotions = List.copyOf(promotions);
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(verification, "verification");
    }

    /** Everything but the verification, which has its defaults. */
    public QrConfig(QrUrlHostConfig urlHost, List<QrPromotionConfig> promotions, QrCodesConfig codes) {
        this(urlHost, promotions, codes, QrVerificationConfig.defaults());
    }

    public QrConfig withVerification(QrVerificationConfig v) {
        return new QrConfig(urlHost, promotions, codes, v);
    }
}
