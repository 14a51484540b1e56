-- Terminal settings (terminal.id, store.name, ui.locale, scale.layout, bank.*)
CREATE TABLE setting (
    name  VARCHAR(100)  PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);

CREATE TABLE product (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    plu       VARCHAR(32)  NOT NULL DEFAULT '',
    name      VARCHAR(200) NOT NULL,
    category  VARCHAR(100) NOT NULL,
    unit      VARCHAR(20)  NOT NULL,
    weighed   BOOLEAN      NOT NULL,
    price_fen BIGINT       NOT NULL CHECK (price_fen >= 0),
    cost_fen  BIGINT,
    initials  VARCHAR(200) NOT NULL
);
CREATE INDEX product_plu ON product (plu);

CREATE TABLE product_barcode (
    barcode    VARCHAR(32) PRIMARY KEY,
    product_id BIGINT      NOT NULL REFERENCES product (id),
    position   INT         NOT NULL
);
CREATE INDEX product_barcode_product ON product_barcode (product_id);

-- The hash-chained journal in exactly the Settlement API's entry format.
-- tenders holds the hash form "METHOD:amount_fen:reference,..." in the order sent.
CREATE TABLE journal (
    seq             BIGINT      PRIMARY KEY CHECK (seq >= 1),
    txn_id          VARCHAR(36) NOT NULL UNIQUE,
    kind            VARCHAR(16) NOT NULL,
    occurred_at     VARCHAR(32) NOT NULL,
    business_date   VARCHAR(10) NOT NULL,
    amount_fen      BIGINT      NOT NULL CHECK (amount_fen > 0),
    tenders         VARCHAR(2000) NOT NULL,
    original_txn_id VARCHAR(36) NOT NULL,
    prev_hash       CHAR(64)    NOT NULL,
    entry_hash      CHAR(64)    NOT NULL
);

-- What the receipt shows, beyond the journal entry (same txn_id).
CREATE TABLE sale (
    txn_id     VARCHAR(36) PRIMARY KEY REFERENCES journal (txn_id),
    receipt_no VARCHAR(40) NOT NULL,
    cashier    VARCHAR(64) NOT NULL,
    total_fen  BIGINT      NOT NULL,
    change_fen BIGINT      NOT NULL
);

CREATE TABLE sale_line (
    txn_id         VARCHAR(36)  NOT NULL REFERENCES sale (txn_id),
    line_no        INT          NOT NULL,
    product_id     BIGINT       NOT NULL,
    barcode        VARCHAR(32)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    unit           VARCHAR(20)  NOT NULL,
    weighed        BOOLEAN      NOT NULL,
    quantity       BIGINT       NOT NULL,
    unit_price_fen BIGINT       NOT NULL,
    amount_fen     BIGINT       NOT NULL,
    PRIMARY KEY (txn_id, line_no)
);

CREATE TABLE sale_tender (
    txn_id       VARCHAR(36) NOT NULL REFERENCES sale (txn_id),
    position     INT         NOT NULL,
    method       VARCHAR(16) NOT NULL,
    amount_fen   BIGINT      NOT NULL,
    tendered_fen BIGINT      NOT NULL,
    reference    VARCHAR(64) NOT NULL,
    PRIMARY KEY (txn_id, position)
);
