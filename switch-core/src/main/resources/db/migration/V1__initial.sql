-- OpenSCIS initial schema. The same script runs on H2 2.3 and PostgreSQL 15, so it sticks to types and syntax both
-- accept: VARCHAR, BIGINT, BYTEA (H2 reads it as BINARY VARYING), CHECK constraints, plain indexes.
-- Times are epoch milliseconds (BIGINT): portable, unambiguous, and cheap to compare in purge queries.
-- Card data (PAN, expiry, account number) is stored only as AES-256-GCM ciphertext (*_enc) plus an HMAC-SHA256
-- keyed hash (*_hash) for lookups; see org.openscis.server.crypto.

CREATE TABLE cards (
    card_id       VARCHAR(64)  NOT NULL,
    pan_hash      VARCHAR(64)  NOT NULL,
    pan_enc       BYTEA        NOT NULL,
    expiry_enc    BYTEA        NOT NULL,
    issuer_iin    VARCHAR(16)  NOT NULL,
    product_id    VARCHAR(32)  NOT NULL,
    account_hash  VARCHAR(64),
    account_enc   BYTEA,
    card_type     VARCHAR(64)  NOT NULL,
    card_face_id  VARCHAR(64)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    reason        VARCHAR(16),
    created_at    BIGINT       NOT NULL,
    CONSTRAINT pk_cards PRIMARY KEY (card_id),
    CONSTRAINT uq_cards_pan_hash UNIQUE (pan_hash),
    CONSTRAINT ck_cards_state CHECK (state IN ('ACTIVE', 'SUSPENDED', 'DELETED')),
    CONSTRAINT ck_cards_reason CHECK (reason IS NULL OR reason IN ('NONE', 'LOST', 'STOLEN', 'FRAUD', 'EXPIRED'))
);

CREATE INDEX ix_cards_account_hash ON cards (account_hash);

CREATE TABLE tokens (
    token         VARCHAR(32)  NOT NULL,
    card_id       VARCHAR(64)  NOT NULL,
    ins_id        VARCHAR(32)  NOT NULL,
    device_id     VARCHAR(128) NOT NULL,
    user_id       VARCHAR(128),
    token_expiry  VARCHAR(12)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL,
    CONSTRAINT pk_tokens PRIMARY KEY (token),
    CONSTRAINT fk_tokens_card FOREIGN KEY (card_id) REFERENCES cards (card_id),
    CONSTRAINT ck_tokens_state CHECK (state IN ('ACTIVE', 'SUSPENDED', 'DELETED'))
);

CREATE INDEX ix_tokens_card_id ON tokens (card_id);

CREATE TABLE idempotency (
    ins_id         VARCHAR(32)  NOT NULL,
    msg_id         VARCHAR(64)  NOT NULL,
    msg_type       VARCHAR(64)  NOT NULL,
    fingerprint    VARCHAR(128) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    response_code  VARCHAR(8),
    response_enc   BYTEA,
    created_at     BIGINT       NOT NULL,
    completed_at   BIGINT,
    CONSTRAINT pk_idempotency PRIMARY KEY (ins_id, msg_id),
    CONSTRAINT ck_idempotency_status CHECK (status IN ('IN_FLIGHT', 'DONE'))
);

CREATE INDEX ix_idempotency_created_at ON idempotency (created_at);

CREATE TABLE replay_uuids (
    ins_id      VARCHAR(32)  NOT NULL,
    uuid        VARCHAR(64)  NOT NULL,
    expires_at  BIGINT       NOT NULL,
    CONSTRAINT pk_replay_uuids PRIMARY KEY (ins_id, uuid)
);

CREATE INDEX ix_replay_uuids_expires_at ON replay_uuids (expires_at);

CREATE TABLE sequences (
    name        VARCHAR(64)  NOT NULL,
    next_value  BIGINT       NOT NULL,
    CONSTRAINT pk_sequences PRIMARY KEY (name)
);

CREATE TABLE participant_keys (
    ins_id      VARCHAR(32)  NOT NULL,
    kid         VARCHAR(128) NOT NULL,
    key_use     VARCHAR(3)   NOT NULL,
    spki        BYTEA        NOT NULL,
    created_at  BIGINT       NOT NULL,
    CONSTRAINT pk_participant_keys PRIMARY KEY (ins_id, kid, key_use),
    CONSTRAINT ck_participant_keys_use CHECK (key_use IN ('SIG', 'ENC'))
);
