-- Shifts (交班) and the drawer: docs/till.md. The journal entries of a shift are those with
-- after_seq < seq <= last_seq (last_seq set when the Z report closes it); at most one shift is open.
CREATE TABLE shift (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    opened_at         VARCHAR(32)  NOT NULL,
    opened_by         VARCHAR(64)  NOT NULL,
    float_fen         BIGINT       NOT NULL CHECK (float_fen >= 0),
    after_seq         BIGINT       NOT NULL CHECK (after_seq >= 0),
    closed_at         VARCHAR(32),
    closed_by         VARCHAR(64),
    last_seq          BIGINT,
    expected_cash_fen BIGINT,
    counted_cash_fen  BIGINT,
    count_detail      VARCHAR(400),
    over_short_reason VARCHAR(400),
    -- 'OPEN' while open, NULL once closed: the unique index lets only one shift be open
    open_marker       VARCHAR(4)
);
CREATE UNIQUE INDEX shift_one_open ON shift (open_marker);

CREATE TABLE shift_movement (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    shift_id    BIGINT       NOT NULL REFERENCES shift (id),
    kind        VARCHAR(10)  NOT NULL CHECK (kind IN ('PAID_IN', 'PAID_OUT')),
    amount_fen  BIGINT       NOT NULL CHECK (amount_fen > 0),
    reason      VARCHAR(200) NOT NULL,
    occurred_at VARCHAR(32)  NOT NULL,
    operator    VARCHAR(64)  NOT NULL
);
CREATE INDEX shift_movement_shift ON shift_movement (shift_id);
