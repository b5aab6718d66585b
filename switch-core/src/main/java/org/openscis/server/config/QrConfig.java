package org.openscis.server.config;

import java.util.List;
import java.util.Objects;

/**
 * The {@code qr:} section: merchant-presented QR settings ({@code urlHost}, {@code promotions}) and the
 * consumer-presented codes QRC_GENERATION issues ({@code codes}). Absent, the host knows no code, no promotion
 * applies and the codes have {@link QrCodesConfig#defaults()}.
 */
public record QrConfig(QrUrlHostConfig urlHost, List<QrPromotionConfig> promotions, QrCodesConfig codes) {

    public QrConfig {
        Objects.requireNonNull(urlHost, "urlHost");
        promotions = List.copyOf(promotions);
        Objects.requireNonNull(codes, "codes");
    }
}
