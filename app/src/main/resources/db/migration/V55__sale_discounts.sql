-- Promotions applied to real sales (issue 9, docs/promotions.md "At the till").
-- sale_line.amount_fen is what the customer paid for the line (its amount less its share of every discount), so that
-- reports and returns use what was paid; list_amount_fen is the line before discounts (NULL: no discount on it).
ALTER TABLE sale_line ADD COLUMN list_amount_fen BIGINT;

-- Each discount of a sale as the receipt printed it: the promotion, its name then, its stage (ITEM, CART, TENDER),
-- the amount (negative, in fen) and the line it was printed under (1-based; 0 for a cart or bank discount).
CREATE TABLE sale_discount (
    txn_id       VARCHAR(36)  NOT NULL REFERENCES sale (txn_id),
    position     INT          NOT NULL,
    promotion_id VARCHAR(40)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    stage        VARCHAR(10)  NOT NULL,
    amount_fen   BIGINT       NOT NULL,
    line_no      INT          NOT NULL,
    PRIMARY KEY (txn_id, position)
);
CREATE INDEX sale_discount_promotion ON sale_discount (promotion_id);
