-- The audit log: append-only and hash-chained (each entry_hash is SHA-256 over prev_hash and the record's canonical
-- content, see AuditHashes). Nothing in the application updates or deletes a row; `audit verify` recomputes the chain.
CREATE TABLE audit_log (
    seq         BIGINT        PRIMARY KEY CHECK (seq >= 1),
    occurred_at VARCHAR(32)   NOT NULL,
    source      VARCHAR(16)   NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    actor_role  VARCHAR(16)   NOT NULL,
    approver    VARCHAR(8)    NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    subject     VARCHAR(400)  NOT NULL,
    detail      VARCHAR(2000) NOT NULL,
    amount_fen  BIGINT,
    prev_hash   CHAR(64)      NOT NULL,
    entry_hash  CHAR(64)      NOT NULL
);

-- The head of the chain, one row. Appending locks it (SELECT ... FOR UPDATE) until the appending transaction ends,
-- so that two transactions can never take the same seq, even when a feature appends inside its own transaction.
CREATE TABLE audit_head (
    id        INT      PRIMARY KEY CHECK (id = 1),
    seq       BIGINT   NOT NULL,
    head_hash CHAR(64) NOT NULL
);
-- head_hash of an empty log: SHA-256 of "tongpos-audit-genesis" (AuditHashes.GENESIS)
INSERT INTO audit_head (id, seq, head_hash)
VALUES (1, 0, 'f26b14b8458c4e999c20bb5172179749b66c5563c56d2d112dd3d5948f798670');

-- `audit list --from --to` reads one period.
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);
