-- Diners kept on this terminal, for a canteen without the bank's accounts feed (issue 8). Bank diners live in the
-- sync module's replica (bank_account); the canteen reads both through one model.

CREATE TABLE canteen_diner (
    account_id     VARCHAR(64)   PRIMARY KEY,
    diner_id       VARCHAR(32)   NOT NULL UNIQUE,
    staff_no       VARCHAR(32),
    name           VARCHAR(60)   NOT NULL,
    name_initials  VARCHAR(60)   NOT NULL,
    department     VARCHAR(60)   NOT NULL,
    diner_type     VARCHAR(32)   NOT NULL,
    card_uid       VARCHAR(32),
    balance_fen    BIGINT        NOT NULL,
    subsidy_fen    BIGINT        NOT NULL,
    hotlisted      BOOLEAN       NOT NULL,
    closed         BOOLEAN       NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX canteen_diner_by_card ON canteen_diner (card_uid);
CREATE UNIQUE INDEX canteen_diner_by_staff_no ON canteen_diner (staff_no);
CREATE INDEX canteen_diner_by_name ON canteen_diner (name);
CREATE INDEX canteen_diner_by_initials ON canteen_diner (name_initials);

-- Every money movement of a local account other than a meal: top-ups, subsidies. Append-only; the balances after.
CREATE TABLE canteen_diner_ledger (
    entry_id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id         VARCHAR(64)  NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    amount_fen         BIGINT       NOT NULL,
    balance_after_fen  BIGINT       NOT NULL,
    subsidy_after_fen  BIGINT       NOT NULL,
    operator           VARCHAR(32)  NOT NULL,
    note               VARCHAR(200) NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY (account_id) REFERENCES canteen_diner (account_id)
);
CREATE INDEX canteen_diner_ledger_by_account ON canteen_diner_ledger (account_id, entry_id);

-- Face terminals report the id a person was enrolled with; this maps it to a diner (bank or local).
CREATE TABLE canteen_face_map (
    person_id  VARCHAR(64)  PRIMARY KEY,
    diner_id   VARCHAR(64)  NOT NULL,
    mapped_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
