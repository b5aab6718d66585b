package org.openscis.server.config;

/**
 * The {@code qr:} section: settings of the QR payment flows, one sub-record per flow.
 *
 * @param verification the cardholder verification of consumer-presented payments above their CVM limit
 */
public record QrConfig(QrVerificationConfig verification) {

    public static QrConfig defaults() {
        return new QrConfig(QrVerificationConfig.defaults());
    }
}
