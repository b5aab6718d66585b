-- Money movement (decisions.md §5), KYC decisions and account tiers. Same portable subset as V1: VARCHAR, BIGINT,
-- INT, BOOLEAN, BYTEA, CHECK constraints, plain indexes; times are epoch milliseconds, amounts BIGINT minor units.

-- One row per money movement, written before the CBS is called. cbs_request_enc and approved_reply_enc are
-- AES-256-GCM ciphertext (they hold account numbers, PANs and cash-out tokens). token and card_id stay in clear:
-- a token is the public face of a card and a card id is opaque. next_attempt_at is when the background resolver may
-- next look at an open row (also its lease); final rows have none.
CREATE TABLE money_transactions (
    trx_id              VARCHAR(64)  NOT NULL,
    ins_id              VARCHAR(32)  NOT NULL,
    msg_id              VARCHAR(64)  NOT NULL,
    msg_type            VARCHAR(64)  NOT NULL,
    msg_version         VARCHAR(64),
    msg_time_stamp      VARCHAR(64),
    issuer_iin          VARCHAR(16)  NOT NULL,
    card_id             VARCHAR(64),
    token               VARCHAR(32),
    device_id           VARCHAR(128),
    operation           VARCHAR(32)  NOT NULL,
    amount_minor        BIGINT       NOT NULL,
    currency            VARCHAR(3)   NOT NULL,
    cbs_request_enc     BYTEA,
    approved_reply_enc  BYTEA,
    state               VARCHAR(24)  NOT NULL,
    response_code       VARCHAR(8),
    notify_on_final     BOOLEAN      NOT NULL,
    attempts            INT          NOT NULL,
    next_attempt_at     BIGINT,
    created_at          BIGINT       NOT NULL,
    updated_at          BIGINT       NOT NULL,
    CONSTRAINT pk_money_transactions PRIMARY KEY (trx_id),
    CONSTRAINT uq_money_transactions_request UNIQUE (ins_id, msg_id),
    CONSTRAINT ck_money_transactions_state CHECK (state IN ('RECEIVED', 'AWAITING_CVM', 'SENT', 'APPROVED',
        'DECLINED', 'UNKNOWN', 'RESOLVED_APPROVED', 'RESOLVED_DECLINED', 'REFUNDED', 'CANCELLED')),
    CONSTRAINT ck_money_transactions_amount CHECK (amount_minor >= 0),
    CONSTRAINT ck_money_transactions_attempts CHECK (attempts >= 0)
);

-- Per-card spending limits: the card's movements since the start of the window.
CREATE INDEX ix_money_transactions_card_created ON money_transactions (card_id, created_at);
-- The resolver's scan for due open rows, oldest first.
CREATE INDEX ix_money_transactions_next_attempt ON money_transactions (next_attempt_at);

-- KYC_VERIFICATION decisions kept for the OPEN_ACCOUNT that follows. cvm_info_enc (names, ID numbers, account and
-- mobile numbers) is AES-256-GCM ciphertext.
CREATE TABLE kyc_records (
    refer_no            VARCHAR(50)  NOT NULL,
    ins_id              VARCHAR(32)  NOT NULL,
    kyc_msg_id          VARCHAR(64)  NOT NULL,
    issuer_iin          VARCHAR(16)  NOT NULL,
    prd_no              VARCHAR(32),
    device_id           VARCHAR(128),
    user_id             VARCHAR(128),
    cvm_info_enc        BYTEA,
    state               VARCHAR(16)  NOT NULL,
    opening_cbs_msg_id  VARCHAR(64),
    created_at          BIGINT       NOT NULL,
    consumed_at         BIGINT,
    CONSTRAINT pk_kyc_records PRIMARY KEY (refer_no),
    CONSTRAINT uq_kyc_records_request UNIQUE (ins_id, kyc_msg_id),
    CONSTRAINT ck_kyc_records_state CHECK (state IN ('APPROVED', 'REJECTED', 'CONSUMED'))
);

-- The KYC tier of a card's account as the App Gateway last reported it.
CREATE TABLE account_tiers (
    card_id     VARCHAR(64)  NOT NULL,
    tier        VARCHAR(16)  NOT NULL,
    updated_at  BIGINT       NOT NULL,
    CONSTRAINT pk_account_tiers PRIMARY KEY (card_id)
);
