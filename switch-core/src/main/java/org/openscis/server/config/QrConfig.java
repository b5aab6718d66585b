package org.openscis.server.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code qr:} section: merchant-presented QR settings ({@code urlHost}, {@code promotions}). Absent, it is
 * {@link #defaults()}: the QR host simulator reads the shipped file {@code qr-host.json} next to the configuration.
 */
public record QrConfig(QrUrlHostConfig urlHost, List<QrPromotionConfig> promotions) {

    public QrConfig {
        Objects.requireNonNull(urlHost, "urlHost");
        promotions = List.copyOf(promotions);
    }
}
