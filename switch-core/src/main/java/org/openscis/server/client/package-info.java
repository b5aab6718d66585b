/**
 * An App Gateway client for the switch: a non-blocking Netty HTTP/1.1 client with a keep-alive connection pool,
 * UPI-JWS signing of requests and verification of responses, JWE for sensitive fields, a builder for deliberately
 * bad requests (system tests), the {@code client} CLI command, and a small callback receiver that answers the
 * switch's signed callbacks. Used by the CLI, by system tests and by the bench load generator.
 */
package org.openscis.server.client;
