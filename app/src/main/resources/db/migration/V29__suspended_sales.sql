-- Suspended sales (挂单), kept across a restart until resumed: docs/till.md.
CREATE TABLE suspended_sale (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    suspended_at VARCHAR(32) NOT NULL,
    cashier      VARCHAR(64) NOT NULL,
    total_fen    BIGINT      NOT NULL
);

CREATE TABLE suspended_line (
    sale_id        BIGINT       NOT NULL REFERENCES suspended_sale (id) ON DELETE CASCADE,
    line_no        INT          NOT NULL,
    barcode        VARCHAR(32)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    quantity       BIGINT       NOT NULL,
    unit_price_fen BIGINT       NOT NULL,
    amount_fen     BIGINT       NOT NULL,
    PRIMARY KEY (sale_id, line_no)
);
