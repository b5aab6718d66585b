-- Failed cardholder verifications (wrong expiry or CVN2 in CARD_ENROLLMENT) per card, shared by every switch node so
-- that the limit cannot be bypassed by spreading guesses over nodes. A row counts the failures of the window that
-- started at window_start (the first failure, epoch milliseconds); a correct verification deletes the row. No
-- foreign key to cards: the row must not stand in the way of anything done to the card itself.

CREATE TABLE card_verification_failures (
    card_id       VARCHAR(64)  NOT NULL,
    failures      INT          NOT NULL,
    window_start  BIGINT       NOT NULL,
    CONSTRAINT pk_card_verification_failures PRIMARY KEY (card_id),
    CONSTRAINT ck_card_verification_failures_positive CHECK (failures > 0)
);

CREATE INDEX ix_card_verification_failures_window ON card_verification_failures (window_start);
