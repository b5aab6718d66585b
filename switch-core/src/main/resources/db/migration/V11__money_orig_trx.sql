-- Acquirer refunds and cancellations (decisions.md §7.1) refer to the CPQRC_PAYMENT they give money back from: the
-- CBS msgID of that original, copied in clear from the (encrypted) CBS request's origMsgID when the row is created,
-- so that the refunds of one payment can be summed without decrypting anything. Null for every other movement.
ALTER TABLE money_transactions ADD COLUMN orig_trx_id VARCHAR(64);
CREATE INDEX ix_money_transactions_orig_trx ON money_transactions (orig_trx_id);
