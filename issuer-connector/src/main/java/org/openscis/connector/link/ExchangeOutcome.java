package org.openscis.connector.link;

/** How one exchange on a connection ended, as the {@link ExchangeHandler} saw it (before any signature check). */
sealed interface ExchangeOutcome {

    /** A complete final response; {@code upiJws} is null when the header is absent. */
    record Response(int status, boolean keepAlive, String upiJws, byte[] body) implements ExchangeOutcome {}

    /** The connection failed or closed before a complete response arrived (the request may have been read). */
    record Lost(String detail) implements ExchangeOutcome {}

    /** Bytes arrived that are not a usable HTTP response (garbage, too large); the connection is closed. */
    record Malformed(String detail) implements ExchangeOutcome {}
}
