-- The masked number of the bank card that paid a BANK_CARD tender, when the till's PC/SC reader read it
-- (6222 **** **** 1234: never the full number). Local only: the journal's reference stays the card terminal's.
ALTER TABLE sale_tender ADD COLUMN card_number VARCHAR(32) NOT NULL DEFAULT '';
