package org.openscis.router.port;

/**
 * A merchant-side party an issuer has configured: a biller (BILL_PAYMENT credits it) or an agent or merchant that
 * funds CREDIT_TRANSACTION top-ups. {@code mid} is ANS 15; {@code mcc} N 4; {@code country} ISO 3166 numeric.
 */
public record Merchant(String mid, String name, Role role, String mcc, String country) {

    public enum Role { BILLER, AGENT }
}
