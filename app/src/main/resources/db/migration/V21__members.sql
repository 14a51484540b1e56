-- Members of the store's loyalty scheme, known by phone number or member card UID (member prices, members-only
-- promotions). A phone or a UID names one member; the keys are NULL when empty so that the unique indexes only cover
-- members that have one.
CREATE TABLE member (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    phone     VARCHAR(20) NOT NULL,
    card_uid  VARCHAR(32) NOT NULL,
    name      VARCHAR(60) NOT NULL,
    active    BOOLEAN     NOT NULL,
    phone_key VARCHAR(20) GENERATED ALWAYS AS (CASE WHEN phone = '' THEN NULL ELSE phone END),
    uid_key   VARCHAR(32) GENERATED ALWAYS AS (CASE WHEN card_uid = '' THEN NULL ELSE card_uid END)
);
CREATE UNIQUE INDEX member_phone ON member (phone_key);
CREATE UNIQUE INDEX member_card_uid ON member (uid_key);
