/**
 * The durable callback outbox and its dispatcher (decisions.md §8): callbacks to App Gateways
 * (TRX_RESULT_NOTIFICATION, CARD_STATUS_NOTIFICATION, ADDITIONAL_PROCESSING) are stored by {@link
 * org.openscis.server.outbox.JdbcOutbox} in the transaction of the state change that causes them, and delivered at
 * least once, in order per token, by {@link org.openscis.server.outbox.CallbackDispatcher} through a {@link
 * org.openscis.server.outbox.CallbackSender}. Several nodes may share the table: rows are claimed with a lease.
 * Undeliverable callbacks are parked; {@link org.openscis.server.outbox.JdbcOutboxAdmin} lists and replays them
 * (the {@code openscis outbox} command). Payloads are encrypted at rest; tokens are shown masked.
 */
package org.openscis.server.outbox;
