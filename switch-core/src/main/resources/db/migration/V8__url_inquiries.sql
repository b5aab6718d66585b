-- Answered QRC_INFO_INQUIRY requests (docs/decisions/merchant-qr.md). MPQRC_PAYMENT_URL names one by origTrxMsgID,
-- which must be the inquiry's msgID from the same participant, and is held to the order the QR host returned then.
-- order_json is that order (amount rules and merchant data, no card data); created_at (epoch milliseconds) decides
-- the inquiry's validity. Rows are purged after the idempotency retention.
CREATE TABLE url_inquiries (
    ins_id       VARCHAR(16)   NOT NULL,
    msg_id       VARCHAR(64)   NOT NULL,
    url          VARCHAR(512)  NOT NULL,
    order_json   VARCHAR(4000) NOT NULL,
    device_id    VARCHAR(64),
    created_at   BIGINT        NOT NULL,
    CONSTRAINT pk_url_inquiries PRIMARY KEY (ins_id, msg_id)
);

CREATE INDEX ix_url_inquiries_created_at ON url_inquiries (created_at);
