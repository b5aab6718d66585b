-- Consumer-presented QR codes issued by QRC_GENERATION (decisions.md §7, docs/decisions/cpqr-codes.md).
-- The EMV payload carries the token and, like the barcode, is a bearer credential until used: both are stored only
-- as AES-256-GCM ciphertext (*_enc, bound to the code id) plus an HMAC-SHA256 keyed hash (*_hash) the acquirer's
-- scan is looked up by. The token is stored encrypted too (token_enc); the ATC counter is keyed by its hash.
CREATE TABLE cpqr_codes (
    code_id          VARCHAR(32)  NOT NULL,
    payload_hash     VARCHAR(64)  NOT NULL,
    barcode_hash     VARCHAR(64)  NOT NULL,
    payload_enc      BYTEA        NOT NULL,
    barcode_enc      BYTEA        NOT NULL,
    token_enc        BYTEA        NOT NULL,
    ins_id           VARCHAR(32)  NOT NULL,
    issuer_iin       VARCHAR(16)  NOT NULL,
    card_id          VARCHAR(64)  NOT NULL,
    device_id        VARCHAR(128) NOT NULL,
    user_id          VARCHAR(128),
    atc              INTEGER      NOT NULL,
    trx_limit_minor  BIGINT       NOT NULL,
    cvm_limit_minor  BIGINT       NOT NULL,
    limit_currency   VARCHAR(3)   NOT NULL,
    created_at       BIGINT       NOT NULL,
    expires_at       BIGINT       NOT NULL,
    used_by_ins_id   VARCHAR(32),
    used_by_msg_id   VARCHAR(64),
    used_at          BIGINT,
    CONSTRAINT pk_cpqr_codes PRIMARY KEY (code_id),
    CONSTRAINT uq_cpqr_codes_payload_hash UNIQUE (payload_hash),
    CONSTRAINT uq_cpqr_codes_barcode_hash UNIQUE (barcode_hash),
    CONSTRAINT ck_cpqr_codes_limits CHECK (trx_limit_minor > 0 AND cvm_limit_minor >= 0
        AND cvm_limit_minor <= trx_limit_minor),
    CONSTRAINT ck_cpqr_codes_used CHECK ((used_by_msg_id IS NULL) = (used_at IS NULL))
);

CREATE INDEX ix_cpqr_codes_expires_at ON cpqr_codes (expires_at);

-- The highest application transaction counter (9F36) reserved per token, on every node: a reservation locks the
-- row (SELECT ... FOR UPDATE) and raises last_atc, so the values of two nodes never overlap.
CREATE TABLE cpqr_atc (
    token_hash  VARCHAR(64)  NOT NULL,
    last_atc    BIGINT       NOT NULL,
    CONSTRAINT pk_cpqr_atc PRIMARY KEY (token_hash),
    CONSTRAINT ck_cpqr_atc_positive CHECK (last_atc > 0)
);
