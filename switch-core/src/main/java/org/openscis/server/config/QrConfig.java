package org.openscis.server.config;

/**
 * QR payments (the {@code qr:} section). {@code codes}: consumer-presented codes issued by QRC_GENERATION.
 */
public record QrConfig(QrCodesConfig codes) {

    public static QrConfig defaults() {
        return new QrConfig(QrCodesConfig.defaults());
    }
}
