package org.openscis.server.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code qr:} section: merchant-presented QR settings ({@code urlHost}, {@code promotions}) and the cardholder
 * verification of consumer-presented payments ({@code verification}). Absent, the QR host simulator reads the shipped
 * file {@code qr-host.json} next to the configuration and the verification waits its defaults.
 */
public record QrConfig(QrUrlHostConfig urlHost, List<QrPromotionConfig> promotions,
        QrVerificationConfig verification) {

    public QrConfig {
        Objects.requireNonNull(urlHost, "urlHost");
        promotions = List.copyOf(promotions);
        Objects.requireNonNull(verification, "verification");
    }

    /** Merchant-presented settings with the default verification. */
    public QrConfig(QrUrlHostConfig urlHost, List<QrPromotionConfig> promotions) {
        this(urlHost, promotions, QrVerificationConfig.defaults());
    }

    public QrConfig withVerification(QrVerificationConfig v) {
        return new QrConfig(urlHost, promotions, v);
    }
}
