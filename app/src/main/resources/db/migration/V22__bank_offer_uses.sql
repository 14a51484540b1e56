-- Uses of bank offers capped per payer and day (用本行卡满50减5, once a day per card): one row per sale and offer,
-- written when the sale commits (the same txn_id again changes nothing). The payer is kept as the SHA-256 of the key
-- the till gave (a masked card number, a phone), never as the key itself.
CREATE TABLE bank_offer_use (
    txn_id        VARCHAR(36) NOT NULL,
    promotion_id  VARCHAR(40) NOT NULL,
    business_date VARCHAR(10) NOT NULL,
    payer_hash    CHAR(64)    NOT NULL,
    PRIMARY KEY (txn_id, promotion_id)
);
CREATE INDEX bank_offer_use_payer ON bank_offer_use (payer_hash, business_date, promotion_id);
