-- Cash handed out at an agent against a GET_CASH_OUT_TOKEN token, as the embedded CBS simulator reported it
-- (docs/decisions/cash-out-withdrawals.md). One row per cash-out movement: trx_id is the switch's CBS msgID of the
-- GET_CASH_OUT_TOKEN (money_transactions.trx_id), so a second report of the same withdrawal cannot insert again and
-- the wallet's TRX_RESULT_NOTIFICATION (WITHDRAW), written to the outbox in the same database transaction, is
-- enqueued exactly once. The cash-out token itself is not stored here (money_transactions keeps it encrypted).
CREATE TABLE cash_out_withdrawals (
    trx_id        VARCHAR(64)  NOT NULL,
    issuer_iin    VARCHAR(16)  NOT NULL,
    agent_mid     VARCHAR(32)  NOT NULL,
    amount_minor  BIGINT       NOT NULL,
    currency      VARCHAR(3)   NOT NULL,
    withdrawn_at  BIGINT       NOT NULL,
    recorded_at   BIGINT       NOT NULL,
    CONSTRAINT pk_cash_out_withdrawals PRIMARY KEY (trx_id),
    CONSTRAINT ck_cash_out_withdrawals_amount CHECK (amount_minor >= 0)
);
