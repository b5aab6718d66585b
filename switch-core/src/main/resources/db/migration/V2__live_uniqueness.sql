-- Liveness rules that CARD_ENROLLMENT relies on, enforced by the database so they hold across every switch node
-- sharing it (two concurrent enrolments must not both pass a read-then-insert check):
--   * one live (ACTIVE or SUSPENDED) token per card and device;
--   * one live (not DELETED) card per issuer IIN, account and product.
-- Neither H2 nor the portable subset has partial indexes, so each rule is a UNIQUE constraint over a nullable copy
-- of the distinguishing column that is set while the row is live and NULL once it is DELETED. A NULL never collides
-- with anything in a UNIQUE constraint on either database, so deleted rows (and cards without an account) are free.
-- The application keeps the copies up to date (JdbcCardRepository); DELETED is final.

ALTER TABLE tokens ADD COLUMN live_device_id VARCHAR(128);
ALTER TABLE cards ADD COLUMN live_account_hash VARCHAR(64);

-- Backfill. A database that already suffered the race may hold live duplicates; only the oldest of each group (ties
-- broken by the smaller key) takes the rule's slot, so the migration never fails on existing data. The others keep
-- working and stay outside the rule until they are deleted.
UPDATE tokens t SET live_device_id = device_id
WHERE state <> 'DELETED'
  AND NOT EXISTS (
    SELECT 1 FROM tokens o
    WHERE o.card_id = t.card_id AND o.device_id = t.device_id AND o.state <> 'DELETED'
      AND (o.created_at < t.created_at OR (o.created_at = t.created_at AND o.token < t.token)));

UPDATE cards c SET live_account_hash = account_hash
WHERE state <> 'DELETED' AND account_hash IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM cards o
    WHERE o.issuer_iin = c.issuer_iin AND o.account_hash = c.account_hash AND o.product_id = c.product_id
      AND o.state <> 'DELETED'
      AND (o.created_at < c.created_at OR (o.created_at = c.created_at AND o.card_id < c.card_id)));

ALTER TABLE tokens ADD CONSTRAINT uq_tokens_live_device UNIQUE (card_id, live_device_id);
ALTER TABLE cards ADD CONSTRAINT uq_cards_live_account UNIQUE (issuer_iin, live_account_hash, product_id);
