-- Nonces of diner QR codes this terminal has accepted: each is accepted once, also after a restart. A code is expired
-- 90 s after it was issued, so a nonce is kept only until its code could no longer be accepted anyway (plus a margin).
CREATE TABLE canteen_qr_nonce (
    key_id      VARCHAR(64)  NOT NULL,
    nonce       VARCHAR(64)  NOT NULL,
    issued_at   BIGINT       NOT NULL,
    account_id  VARCHAR(64)  NOT NULL,
    spent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (key_id, nonce)
);
CREATE INDEX canteen_qr_nonce_by_issued ON canteen_qr_nonce (issued_at);
