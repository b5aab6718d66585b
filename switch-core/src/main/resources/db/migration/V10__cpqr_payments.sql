-- Consumer-presented QR payments an acquirer made with a code the switch issued (decisions.md §7,
-- docs/decisions/cpqrc-verification.md). One row per acquirer CPQRC_PAYMENT request, keyed like its idempotency
-- record and money_transactions (ins_id, msg_id): the code paid with, the App Gateway that issued it (it gets
-- ADDITIONAL_PROCESSING and the TRX_RESULT_NOTIFICATION), the scanned payload (encrypted: it carries the token), and,
-- for payments above the code's CVM limit, the cardholder's verdict. The verdict is written once, by compare-and-set
-- (verdict IS NULL), whichever node receives ADDITIONAL_PROCESSING_RESULT or reaches the timeout first.
CREATE TABLE cpqr_payments (
    ins_id                 VARCHAR(16)  NOT NULL,
    msg_id                 VARCHAR(64)  NOT NULL,
    code_id                VARCHAR(64)  NOT NULL,
    app_gateway_ins_id     VARCHAR(16)  NOT NULL,
    barcode                BOOLEAN      NOT NULL,
    payload_enc            BYTEA        NOT NULL,
    verification_required  BOOLEAN      NOT NULL,
    verdict                VARCHAR(16),
    payment_status         VARCHAR(32),
    rejection_reason       VARCHAR(128),
    result_ins_id          VARCHAR(16),
    result_msg_id          VARCHAR(64),
    decided_at             BIGINT,
    created_at             BIGINT       NOT NULL,
    CONSTRAINT pk_cpqr_payments PRIMARY KEY (ins_id, msg_id)
);
