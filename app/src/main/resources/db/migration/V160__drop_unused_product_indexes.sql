-- Two indexes that no query reads, each written by every row an import saves:
-- product_barcode_product repeated the index H2 makes for the foreign key on product_barcode(product_id), and
-- product_plu was read by no query (the till's PLU lookup goes by plu_key's unique index). The barcode lookup keeps
-- the primary key on barcode; product_id keeps the foreign key's index (loading a product's barcodes, replacing them).
--
-- product_barcode is made anew rather than the index dropped: in a database restored from a backup (SCRIPT, then
-- RUNSCRIPT) the foreign key was re-added after product_barcode_product and uses that index, which then cannot be
-- dropped, and the foreign key's generated name is not known here. No other table refers to product_barcode.
DROP INDEX IF EXISTS product_plu;

CREATE TABLE product_barcode_v160 (
    barcode    VARCHAR(32) PRIMARY KEY,
    product_id BIGINT      NOT NULL,
    position   INT         NOT NULL,
    CONSTRAINT product_barcode_product_fk FOREIGN KEY (product_id) REFERENCES product (id)
);
INSERT INTO product_barcode_v160 (barcode, product_id, position)
SELECT barcode, product_id, position FROM product_barcode;
DROP TABLE product_barcode;
ALTER TABLE product_barcode_v160 RENAME TO product_barcode;
