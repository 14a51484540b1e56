-- Promotions as data (docs/promotions.md): one row per promotion, in the terms of the import file. Lists (product
-- codes, categories, card prefixes, weekdays) are ';'-separated; amounts in fen; 0 or '' where a value is not given.
CREATE TABLE promotion (
    id             VARCHAR(40)   PRIMARY KEY,
    name           VARCHAR(60)   NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    target_type    VARCHAR(10)   NOT NULL,
    targets        VARCHAR(4000) NOT NULL,
    get_targets    VARCHAR(4000) NOT NULL,
    buy_qty        INT           NOT NULL,
    get_qty        INT           NOT NULL,
    percent_off    INT           NOT NULL,
    price_fen      BIGINT        NOT NULL,
    min_spend_fen  BIGINT        NOT NULL,
    amount_off_fen BIGINT        NOT NULL,
    max_off_fen    BIGINT        NOT NULL,
    stepped        BOOLEAN       NOT NULL,
    mix            BOOLEAN       NOT NULL,
    members_only   BOOLEAN       NOT NULL,
    tender         VARCHAR(16)   NOT NULL,
    card_prefixes  VARCHAR(200)  NOT NULL,
    daily_cap      INT           NOT NULL,
    date_from      DATE,
    date_to        DATE,
    weekdays       VARCHAR(20)   NOT NULL,
    time_from      TIME,
    time_to        TIME,
    excl_group     VARCHAR(40)   NOT NULL,
    exclusive_     BOOLEAN       NOT NULL,
    priority       INT           NOT NULL,
    active         BOOLEAN       NOT NULL,
    updated_at     VARCHAR(32)   NOT NULL,
    updated_by     VARCHAR(64)   NOT NULL
);

-- Every change to a promotion, for the audit: when, by whom, what (CREATE, UPDATE, DISABLE), and the promotion after
-- the change as a row of the import file.
CREATE TABLE promotion_change (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    changed_at   VARCHAR(32)   NOT NULL,
    changed_by   VARCHAR(64)   NOT NULL,
    action       VARCHAR(16)   NOT NULL,
    promotion_id VARCHAR(40)   NOT NULL,
    row_text     VARCHAR(16000) NOT NULL
);
CREATE INDEX promotion_change_promotion ON promotion_change (promotion_id, id);
