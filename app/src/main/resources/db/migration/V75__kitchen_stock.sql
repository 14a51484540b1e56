-- Kitchen stock (食堂进销存, docs/reports.md): suppliers, stock items with their quantity per meal (for the purchase
-- suggestion), and every movement: purchases in, issues to the kitchen (by meal period), stock counts (the variance,
-- with a reason) and waste. Quantities in thousandths of the item's unit; values in fen, signed like the quantity.
-- Stock on hand and its value are the sums of the movements; an issue is valued at the average cost on hand then.
CREATE TABLE stock_supplier (
    id      BIGINT AUTO_INCREMENT PRIMARY KEY,
    name    VARCHAR(100) NOT NULL UNIQUE,
    contact VARCHAR(100) DEFAULT '' NOT NULL
);

CREATE TABLE stock_item (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    code           VARCHAR(32)  NOT NULL UNIQUE,
    name           VARCHAR(100) NOT NULL,
    unit           VARCHAR(16)  NOT NULL,
    per_meal_milli BIGINT DEFAULT 0 NOT NULL CHECK (per_meal_milli >= 0),
    low_milli      BIGINT DEFAULT 0 NOT NULL CHECK (low_milli >= 0)
);

CREATE TABLE stock_move (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    item_id        BIGINT       NOT NULL REFERENCES stock_item (id),
    kind           VARCHAR(8)   NOT NULL CHECK (kind IN ('IN', 'ISSUE', 'COUNT', 'WASTE')),
    business_date  DATE         NOT NULL,
    period         VARCHAR(16)  DEFAULT '' NOT NULL,
    quantity_milli BIGINT       NOT NULL,
    value_fen      BIGINT       NOT NULL,
    unit_price_fen BIGINT,
    supplier_id    BIGINT       REFERENCES stock_supplier (id),
    reason         VARCHAR(200) DEFAULT '' NOT NULL,
    operator       VARCHAR(64)  NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX stock_move_item ON stock_move (item_id);
CREATE INDEX stock_move_day ON stock_move (business_date, kind);
