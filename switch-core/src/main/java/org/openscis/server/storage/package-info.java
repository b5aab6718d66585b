/**
 * Durable state on H2 (one node) or PostgreSQL (several nodes sharing one database; decisions.md §11):
 * {@link org.openscis.server.storage.Database} (HikariCP + Flyway + jOOQ without code generation) and the adapters
 * built on it: cards and tokens, idempotency records, replay-window UUIDs, cross-node sequences and the identifiers
 * made from them, exchanged participant keys, money-movement records (with their callbacks enqueued in the same
 * transaction through an {@link org.openscis.server.storage.OutboxWriter}), issuer and system card state changes
 * (with their CARD_STATUS_NOTIFICATIONs, likewise), KYC decisions and account tiers. The
 * schema (db/migration) is one portable script set for both databases; times are epoch milliseconds, amounts minor
 * units. Card, account and KYC data is stored only encrypted. Every public method is blocking and runs in its own
 * transaction; callers use worker threads. Races between nodes are settled by the database (unique constraints and
 * conditional updates), never by reading first.
 */
package org.openscis.server.storage;
