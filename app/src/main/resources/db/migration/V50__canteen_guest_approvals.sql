-- Guest meals (零接待) only against an approval entered by a manager; each guest meal names its approval.
CREATE TABLE canteen_guest_approval (
    approval_id   VARCHAR(16)   PRIMARY KEY,
    approved_by   VARCHAR(32)   NOT NULL,
    reason        VARCHAR(200)  NOT NULL,
    head_count    INT           NOT NULL CHECK (head_count BETWEEN 1 AND 500),
    meal_date     DATE          NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the account that pays (a diner's account id), or NULL: the guests pay cash
    payer_account VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE canteen_meal ADD COLUMN guest_approval VARCHAR(16);
CREATE INDEX canteen_meal_by_guest_approval ON canteen_meal (guest_approval);
