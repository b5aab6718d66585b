-- When each card expires, so that the system can find the cards past their expiry with an index instead of
-- decrypting every card's expiry_enc (docs/decisions/card-state-notifications.md).
--   * expires_at is the first instant (epoch milliseconds, UTC) after the card's expiry month: a card is valid through
--     the last day of its month. 0 means the stored expiry could not be read (such a card counts as expired, as the
--     router's CardUsability treats it).
--   * It is not card data in any useful sense: the month is already implied by created_at and the product's expiry
--     period, and the PAN it belongs to stays encrypted.
--   * NULL for cards stored before this migration: SQL cannot decrypt expiry_enc, so the application fills the
--     column the first time the expiry sweep looks at such a card (JdbcCardStates).

ALTER TABLE cards ADD COLUMN expires_at BIGINT;

-- "ACTIVE cards whose expires_at has passed (or is not known yet)".
CREATE INDEX ix_cards_state_expires_at ON cards (state, expires_at);
