-- A PLU names one product. Two products with the same PLU (or the same but for leading zeros, which the till's
-- lookup ignores) made the till sell whichever was imported last. plu_key is the PLU as the lookup compares it,
-- NULL when there is none, so the unique index only covers products that have a PLU.
ALTER TABLE product ADD COLUMN plu_key VARCHAR(32)
    GENERATED ALWAYS AS (CASE WHEN plu = '' THEN NULL ELSE REGEXP_REPLACE(plu, '^0+(?=.)', '') END);

-- A terminal that already holds a repeated PLU keeps it on the product the till was selling for it (the newest) and
-- clears it on the older ones, which keep their barcodes and stay findable by name.
UPDATE product p SET plu = ''
WHERE p.plu_key IS NOT NULL AND EXISTS (SELECT 1 FROM product q WHERE q.plu_key = p.plu_key AND q.id > p.id);

CREATE UNIQUE INDEX product_plu_key ON product (plu_key);
