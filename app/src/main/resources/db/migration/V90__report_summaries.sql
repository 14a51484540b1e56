-- Report summaries (decision 0012, docs/reports.md): the sales figures of each closed business day ('D', period
-- YYYY-MM-DD) and of each closed calendar month ('M', period YYYY-MM), by dimension: TOTAL (cnt = sales, qty = lines,
-- amount, costed amount, cost, refunds), VOID (voids before payment), HOUR, TENDER, CASHIER, PRODUCT (the line's
-- name) and PID (product id, for categories as the catalog has them now). Derived only: always rebuildable from the
-- journal (`report rebuild`); a day whose journal gains an entry after it was summarised is summarised again.
CREATE TABLE report_summary (
    span       CHAR(1)      NOT NULL,
    period     VARCHAR(10)  NOT NULL,
    dim        VARCHAR(8)   NOT NULL,
    k          VARCHAR(200) NOT NULL,
    cnt        BIGINT       NOT NULL,
    qty        BIGINT       NOT NULL,
    amount_fen BIGINT       NOT NULL,
    costed_fen BIGINT       NOT NULL,
    cost_fen   BIGINT       NOT NULL,
    refunds    BIGINT       NOT NULL,
    refund_fen BIGINT       NOT NULL,
    PRIMARY KEY (dim, span, period, k)
);

-- The journal seq up to which the summaries have been checked against the journal (one row, id 1).
CREATE TABLE report_summary_mark (
    id          INT    PRIMARY KEY CHECK (id = 1),
    journal_seq BIGINT NOT NULL
);
INSERT INTO report_summary_mark (id, journal_seq) VALUES (1, 0);
