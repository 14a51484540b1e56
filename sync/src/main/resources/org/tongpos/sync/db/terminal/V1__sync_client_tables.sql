-- The terminal side of the Settlement API. Lives in the app's own H2 database, with its own
-- Flyway history table (sync_schema_history), so the app's migrations and these never collide.

CREATE TABLE sync_state (
    name        VARCHAR(64) PRIMARY KEY,
    text_value  VARCHAR(4000),
    long_value  BIGINT
);

-- Journal entries sealed into upload batches. body holds the exact bytes sent (frozen at sealing).
CREATE TABLE sync_batch (
    batch_id          UUID PRIMARY KEY,
    first_seq         BIGINT       NOT NULL,
    last_seq          BIGINT       NOT NULL,
    entry_count       INT          NOT NULL,
    debit_total_fen   BIGINT       NOT NULL,
    credit_total_fen  BIGINT       NOT NULL,
    body              BLOB         NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    reason            VARCHAR(2000),
    attempts          INT          DEFAULT 0 NOT NULL,
    accepted_at       VARCHAR(40),
    sealed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sync_batch_by_state ON sync_batch (state, first_seq);

CREATE TABLE sync_settlement (
    settlement_id     UUID PRIMARY KEY,
    business_date     DATE         NOT NULL,
    entry_count       BIGINT       NOT NULL,
    debit_total_fen   BIGINT       NOT NULL,
    credit_total_fen  BIGINT       NOT NULL,
    body              BLOB         NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    status            VARCHAR(16),
    bank_count        BIGINT,
    bank_debit_fen    BIGINT,
    bank_credit_fen   BIGINT,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sync_settlement_by_date ON sync_settlement (business_date, state);

CREATE TABLE recon_run (
    run_id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    business_date        DATE          NOT NULL,
    statement_hash       VARCHAR(64)   NOT NULL,
    download_path        VARCHAR(1000) NOT NULL,
    reconciled_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    statement_rows       BIGINT        NOT NULL,
    statement_amount_fen BIGINT        NOT NULL,
    statement_fee_fen    BIGINT        NOT NULL,
    statement_net_fen    BIGINT        NOT NULL,
    local_tenders        BIGINT        NOT NULL,
    matched_count        BIGINT        NOT NULL,
    matched_amount_fen   BIGINT        NOT NULL,
    difference_count     BIGINT        NOT NULL
);
CREATE INDEX recon_run_by_date ON recon_run (business_date, run_id);

CREATE TABLE recon_difference (
    run_id            BIGINT       NOT NULL,
    diff_no           INT          NOT NULL,
    category          VARCHAR(24)  NOT NULL,
    txn_id            VARCHAR(36)  NOT NULL,
    seq               BIGINT,
    method            VARCHAR(16)  NOT NULL,
    local_amount_fen  BIGINT,
    bank_amount_fen   BIGINT,
    bank_fee_fen      BIGINT,
    bank_status       VARCHAR(16),
    reference         VARCHAR(128),
    investigated      BOOLEAN      DEFAULT FALSE NOT NULL,
    note              VARCHAR(2000),
    investigated_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, diff_no),
    FOREIGN KEY (run_id) REFERENCES recon_run (run_id)
);

-- Written before the first payment request; auth codes are never stored in clear.
CREATE TABLE payment_intent (
    out_trade_no      VARCHAR(32)  PRIMARY KEY,
    amount_fen        BIGINT       NOT NULL,
    description       VARCHAR(128) NOT NULL,
    auth_code_masked  VARCHAR(40)  NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    trade_no          VARCHAR(64),
    channel           VARCHAR(16),
    fail_code         VARCHAR(64),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payment_intent_by_state ON payment_intent (state);

CREATE TABLE payment_refund (
    out_refund_no     VARCHAR(32)  PRIMARY KEY,
    out_trade_no      VARCHAR(32)  NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    reason            VARCHAR(128) NOT NULL,
    body              BLOB         NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payment_refund_by_state ON payment_refund (state);

-- Replica of the canteen accounts the bank holds, fed by the accounts change feed.
CREATE TABLE bank_account (
    account_id    VARCHAR(64)  PRIMARY KEY,
    diner_id      VARCHAR(64)  NOT NULL,
    name          VARCHAR(128) NOT NULL,
    department    VARCHAR(128) NOT NULL,
    diner_type    VARCHAR(32)  NOT NULL,
    card_uid      VARCHAR(64)  NOT NULL,
    balance_fen   BIGINT       NOT NULL,
    subsidy_fen   BIGINT       NOT NULL,
    hotlisted     BOOLEAN      NOT NULL,
    closed        BOOLEAN      NOT NULL,
    last_change   VARCHAR(16)  NOT NULL,
    last_cursor   VARCHAR(40)  NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX bank_account_by_card ON bank_account (card_uid);
CREATE INDEX bank_account_by_diner ON bank_account (diner_id);

CREATE TABLE bank_key (
    key_id      VARCHAR(64)  PRIMARY KEY,
    algorithm   VARCHAR(16)  NOT NULL,
    public_key  VARCHAR(128) NOT NULL,
    fetched_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
