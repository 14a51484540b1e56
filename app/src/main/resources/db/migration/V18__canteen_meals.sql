-- Meals served on this terminal (written by the durable meal commit together with the MEAL journal entry), what the
-- bank's feed says other lanes charged, and manual identifications.

CREATE TABLE canteen_meal (
    txn_id         UUID          PRIMARY KEY,
    seq            BIGINT        NOT NULL UNIQUE,
    account_id     VARCHAR(64)   NOT NULL,
    diner_id       VARCHAR(64)   NOT NULL,
    source         VARCHAR(8)    NOT NULL,
    identified_by  VARCHAR(8)    NOT NULL,
    period         VARCHAR(16)   NOT NULL,
    business_date  DATE          NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    nth            INT           NOT NULL,
    amount_fen     BIGINT        NOT NULL,
    subsidy_fen    BIGINT        NOT NULL,
    balance_fen    BIGINT        NOT NULL,
    cash_fen       BIGINT        NOT NULL,
    refunded       BOOLEAN       DEFAULT FALSE NOT NULL,
    -- the bank's feed has reported this meal's DEBIT: its balances include it
    confirmed      BOOLEAN       DEFAULT FALSE NOT NULL,
    CHECK (amount_fen > 0 AND subsidy_fen >= 0 AND balance_fen >= 0 AND cash_fen >= 0
           AND subsidy_fen + balance_fen + cash_fen = amount_fen)
);
CREATE INDEX canteen_meal_by_account_day ON canteen_meal (account_id, business_date, period);
CREATE INDEX canteen_meal_unconfirmed ON canteen_meal (confirmed, source, account_id);

CREATE TABLE canteen_meal_dish (
    txn_id     UUID         NOT NULL,
    line_no    INT          NOT NULL,
    dish_no    INT          NOT NULL,
    name       VARCHAR(40)  NOT NULL,
    price_fen  BIGINT       NOT NULL,
    PRIMARY KEY (txn_id, line_no),
    FOREIGN KEY (txn_id) REFERENCES canteen_meal (txn_id)
);

-- DEBIT and CREDIT changes of the bank's accounts feed (every lane's, this one's included), as they arrived.
CREATE TABLE canteen_lane_movement (
    txn_id         VARCHAR(64)  NOT NULL,
    account_id     VARCHAR(64)  NOT NULL,
    terminal_id    VARCHAR(64)  NOT NULL,
    kind           VARCHAR(8)   NOT NULL,
    amount_fen     BIGINT       NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    business_date  DATE         NOT NULL,
    feed_cursor    VARCHAR(40)  NOT NULL PRIMARY KEY
);
CREATE INDEX canteen_lane_movement_by_account ON canteen_lane_movement (account_id, business_date, received_at);
CREATE INDEX canteen_lane_movement_by_txn ON canteen_lane_movement (txn_id);

CREATE TABLE canteen_manual_identification (
    entry_id     BIGINT AUTO_INCREMENT PRIMARY KEY,
    txn_id       UUID,
    account_id   VARCHAR(64)   NOT NULL,
    diner_id     VARCHAR(64)   NOT NULL,
    reason       VARCHAR(200)  NOT NULL,
    operator     VARCHAR(32)   NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX canteen_manual_identification_by_time ON canteen_manual_identification (recorded_at);
