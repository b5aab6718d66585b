/**
 * Durable state on H2 (one node) or PostgreSQL (several nodes sharing one database; decisions.md §11):
 * {@link org.openscis.server.storage.Database} (HikariCP + Flyway + jOOQ without code generation) and the adapters
 * built on it: cards and tokens, idempotency records, replay-window UUIDs, cross-node sequences and exchanged
 * participant keys. The schema (db/migration) is one portable script set for both databases; times are epoch
 * milliseconds. Every public method is blocking and runs in its own transaction; callers use worker threads.
 */
package org.openscis.server.storage;
