-- Returns against the original receipt (docs/till.md): one row per REFUND journal entry, and what it took back of
-- each line of the original sale. What is left to return of a line = its quantity - the sum returned before.
CREATE TABLE sale_return (
    refund_txn_id   VARCHAR(36)  PRIMARY KEY REFERENCES journal (txn_id),
    original_txn_id VARCHAR(36)  NOT NULL REFERENCES sale (txn_id),
    cashier         VARCHAR(64)  NOT NULL,
    approver        VARCHAR(64)  NOT NULL,
    reason          VARCHAR(200) NOT NULL
);
CREATE INDEX sale_return_original ON sale_return (original_txn_id);

CREATE TABLE sale_return_line (
    refund_txn_id VARCHAR(36) NOT NULL REFERENCES sale_return (refund_txn_id),
    line_no       INT         NOT NULL,
    quantity      BIGINT      NOT NULL CHECK (quantity > 0),
    amount_fen    BIGINT      NOT NULL CHECK (amount_fen >= 0),
    PRIMARY KEY (refund_txn_id, line_no)
);

-- The bank's refund number for a payment-code tender of a return, written before the bank is asked, so that a
-- retried return sends the same out_refund_no and the bank never refunds twice.
CREATE TABLE return_code_refund (
    request_key   VARCHAR(200) PRIMARY KEY,
    out_refund_no VARCHAR(64)  NOT NULL
);
