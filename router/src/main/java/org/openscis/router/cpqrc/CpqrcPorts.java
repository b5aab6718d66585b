package org.openscis.router.cpqrc;

import java.time.Duration;
import java.util.Objects;
import org.openscis.router.port.CpqrCodes;
import org.openscis.router.port.CpqrPayments;

/**
 * What the acquirer-side CPQRC flow needs beyond the money ports.
 *
 * @param scanner             validates scanned codes
 * @param codes               the codes the switch issued (single use)
 * @param payments            the payments made with them and their verification verdicts
 * @param waits               this node's payments waiting for a verdict
 * @param verificationTimeout how long a payment above the CVM limit waits for the cardholder (decisions.md §7: 30s)
 */
public record CpqrcPorts(CodeScanner scanner, CpqrCodes codes, CpqrPayments payments, VerificationWaits waits,
        Duration verificationTimeout) {

    public CpqrcPorts {
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(waits, "waits");
        if (verificationTimeout == null || verificationTimeout.isNegative() || verificationTimeout.isZero()) {
            throw new IllegalArgumentException("verificationTimeout must be positive, was " + verificationTimeout);
        }
    }
}
