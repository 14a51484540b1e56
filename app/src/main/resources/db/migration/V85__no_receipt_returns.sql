-- Returns without a receipt (docs/till.md#returns-without-a-receipt, decision 0015): a supervisor's return of goods
-- at today's price, refunded in cash, with a reason. Its REFUND journal entry names the nil UUID as original_txn_id
-- (the contract requires refunds to name one; no sale is meant), so it has no row in sale_return: the goods it took
-- back are recorded here by product.
CREATE TABLE no_receipt_return (
    refund_txn_id VARCHAR(36)  PRIMARY KEY REFERENCES journal (txn_id),
    cashier       VARCHAR(64)  NOT NULL,
    approver      VARCHAR(64)  NOT NULL,
    reason        VARCHAR(200) NOT NULL
);

CREATE TABLE no_receipt_return_line (
    refund_txn_id VARCHAR(36)  NOT NULL REFERENCES no_receipt_return (refund_txn_id),
    line_no       INT          NOT NULL,
    product_id    BIGINT       NOT NULL,
    barcode       VARCHAR(32)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    quantity      BIGINT       NOT NULL CHECK (quantity >= 0),
    amount_fen    BIGINT       NOT NULL CHECK (amount_fen > 0),
    PRIMARY KEY (refund_txn_id, line_no)
);
