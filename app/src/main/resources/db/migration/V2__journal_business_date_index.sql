-- Day close and reconciliation read one business date's entries (sync's JournalSource.forEachOfBusinessDate).
-- The seq in the index makes it covering for the run-finding query, in seq order.
CREATE INDEX journal_business_date ON journal (business_date, seq);
