-- Canteen report summaries (decision 0018, docs/reports.md): the meals of each closed business day ('D', period
-- YYYY-MM-DD) and of each closed calendar month ('M', period YYYY-MM), by dimension: TOTAL (k ''), PERIOD (the meal
-- period's name) and ACCT (the account: departments and diner types are joined from the diners as they are now, as the
-- live report does); with the live report's measures (meals and money not refunded, refunded meals counted apart).
-- Derived only: always rebuildable (`report rebuild`); a day that gains a meal or whose meal is refunded after it was
-- summarised is summarised again.
CREATE TABLE canteen_summary (
    span        CHAR(1)      NOT NULL,
    period      VARCHAR(10)  NOT NULL,
    dim         VARCHAR(8)   NOT NULL,
    k           VARCHAR(200) NOT NULL,
    meals       BIGINT       NOT NULL,
    amount_fen  BIGINT       NOT NULL,
    subsidy_fen BIGINT       NOT NULL,
    balance_fen BIGINT       NOT NULL,
    cash_fen    BIGINT       NOT NULL,
    refunded    BIGINT       NOT NULL,
    PRIMARY KEY (dim, span, period, k)
);

-- The anomalies of each closed day's meals (more meals than allowed, outside the window, refunds) as the live rules
-- found them with the meal periods of the time; all dropped when a meal period changes (canteen_summary_mark.periods).
CREATE TABLE canteen_summary_anomaly (
    business_date DATE          NOT NULL,
    rule          VARCHAR(32)   NOT NULL,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    diner_id      VARCHAR(64)   NOT NULL,
    period        VARCHAR(16)   NOT NULL,
    amount_fen    BIGINT        NOT NULL,
    detail        VARCHAR(400)  NOT NULL
);
CREATE INDEX canteen_summary_anomaly_by_date ON canteen_summary_anomaly (business_date, occurred_at);

-- The journal seq up to which the canteen summaries were checked, and a digest of the meal periods they were made with.
CREATE TABLE canteen_summary_mark (
    id          INT          PRIMARY KEY CHECK (id = 1),
    journal_seq BIGINT       NOT NULL,
    periods     VARCHAR(64)  NOT NULL
);
INSERT INTO canteen_summary_mark (id, journal_seq, periods) VALUES (1, 0, '');
