-- The diner's personal balance after the meal as the lane knew it when it decided (NULL: cash, or a meal recorded
-- before this column): a negative one is an overdraft, which the inspection report lists (InspectionQueries).
ALTER TABLE canteen_meal ADD COLUMN balance_after_fen BIGINT;
