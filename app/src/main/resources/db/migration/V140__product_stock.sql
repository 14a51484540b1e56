-- Supermarket products kept as stock items (docs/decisions/0011-product-stock-posted-from-the-journal.md): an item may
-- stand for a product; the sales and returns of such items are posted from the journal into stock_sale_post, once
-- each, up to the journal seq kept in stock_posting.
ALTER TABLE stock_item ADD COLUMN product_id BIGINT REFERENCES product (id);
CREATE UNIQUE INDEX stock_item_product ON stock_item (product_id);

CREATE TABLE stock_sale_post (
    journal_seq    BIGINT     NOT NULL,
    line_no        INT        NOT NULL,
    item_id        BIGINT     NOT NULL REFERENCES stock_item (id),
    kind           VARCHAR(8) NOT NULL CHECK (kind IN ('SALE', 'RETURN')),
    business_date  DATE       NOT NULL,
    quantity_milli BIGINT     NOT NULL,
    value_fen      BIGINT     NOT NULL,
    PRIMARY KEY (journal_seq, line_no)
);
CREATE INDEX stock_sale_post_item ON stock_sale_post (item_id);

CREATE TABLE stock_posting (
    id          INT    PRIMARY KEY CHECK (id = 1),
    journal_seq BIGINT NOT NULL
);
INSERT INTO stock_posting (id, journal_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM journal;
