/**
 * The acquirer side of consumer-presented QR payments (decisions.md §7): the cardholder verification of a payment
 * above its code's CVM limit, waited for without a thread ({@link org.openscis.router.cpqrc.VerificationWaits},
 * {@link org.openscis.router.cpqrc.CvmGate}), and the callbacks of these payments, which go to the token's App
 * Gateway rather than to the acquirer ({@link org.openscis.router.cpqrc.CpqrcNotifications}).
 */
package org.openscis.router.cpqrc;
