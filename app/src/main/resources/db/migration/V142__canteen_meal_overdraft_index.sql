-- The inspection report reads a range's overdrawn meals live (InspectionQueries): by this index, not a scan of a
-- year of meals.
CREATE INDEX canteen_meal_overdraft ON canteen_meal (balance_after_fen);
