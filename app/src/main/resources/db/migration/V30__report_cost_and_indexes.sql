-- Reports (docs/reports.md): the cost of each sale line as it was when sold (the catalog's cost then, not today's),
-- NULL where the product had no cost; and the indexes the report queries read by.
ALTER TABLE sale_line ADD COLUMN cost_fen BIGINT;
CREATE INDEX sale_line_product ON sale_line (product_id);
CREATE INDEX journal_kind_business_date ON journal (kind, business_date);
CREATE INDEX canteen_meal_business_date ON canteen_meal (business_date);
