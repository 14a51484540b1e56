-- The canteen's meal rules (issue 8), kept as data: periods, prices per period and diner type, the menu, the
-- calendar (closed days and make-up working days) and the canteen's limits. One terminal serves one canteen.

CREATE TABLE canteen_period (
    name           VARCHAR(16)  PRIMARY KEY,
    start_minute   INT          NOT NULL,
    end_minute     INT          NOT NULL,
    weekdays       VARCHAR(7)   NOT NULL,
    meals_allowed  INT,
    CHECK (start_minute >= 0 AND start_minute < end_minute AND end_minute <= 1440)
);

-- price_fen NULL: priced by dish from the period's menu.
CREATE TABLE canteen_price (
    period      VARCHAR(16)  NOT NULL,
    diner_type  VARCHAR(32)  NOT NULL,
    price_fen   BIGINT,
    PRIMARY KEY (period, diner_type),
    FOREIGN KEY (period) REFERENCES canteen_period (name) ON DELETE CASCADE,
    CHECK (price_fen IS NULL OR price_fen > 0)
);

-- The price of the Nth meal of the same period (N >= 2), for a fixed price.
CREATE TABLE canteen_nth_price (
    period      VARCHAR(16)  NOT NULL,
    diner_type  VARCHAR(32)  NOT NULL,
    nth         INT          NOT NULL,
    price_fen   BIGINT       NOT NULL,
    PRIMARY KEY (period, diner_type, nth),
    FOREIGN KEY (period, diner_type) REFERENCES canteen_price (period, diner_type) ON DELETE CASCADE,
    CHECK (nth BETWEEN 2 AND 20 AND price_fen > 0)
);

CREATE TABLE canteen_dish (
    period     VARCHAR(16)  NOT NULL,
    dish_no    INT          NOT NULL,
    name       VARCHAR(40)  NOT NULL,
    price_fen  BIGINT       NOT NULL,
    PRIMARY KEY (period, dish_no),
    FOREIGN KEY (period) REFERENCES canteen_period (name) ON DELETE CASCADE,
    CHECK (price_fen > 0 AND dish_no BETWEEN 1 AND 999)
);

-- kind CLOSED (a holiday) or WORKDAY (every period served, whatever the weekday).
CREATE TABLE canteen_calendar (
    calendar_date  DATE         PRIMARY KEY,
    kind           VARCHAR(8)   NOT NULL,
    note           VARCHAR(60)  NOT NULL
);

CREATE TABLE canteen_setting (
    name           VARCHAR(40)  PRIMARY KEY,
    setting_value  VARCHAR(40)  NOT NULL
);
