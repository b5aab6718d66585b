package org.openscis.server.config;

import java.time.Duration;

/**
 * {@code qr.verification}: the wait for ADDITIONAL_PROCESSING_RESULT of a CPQRC_PAYMENT above the code's CVM limit
 * (decisions.md §7).
 *
 * @param timeout      how long the acquirer's payment waits for the cardholder's verdict before it is declined 05,
 *                     default 30s; the acquirer's request deadline is this plus the CBS call timeout and a margin
 * @param pollInterval how often a node looks in the database for verdicts recorded by another node, default 250ms
 */
public record QrVerificationConfig(Duration timeout, Duration pollInterval) {

    public static QrVerificationConfig defaults() {
        return new QrVerificationConfig(Duration.ofSeconds(30), Duration.ofMillis(250));
    }
}
