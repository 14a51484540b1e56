-- Operators: who may log in, with which role. pin_hash is the PIN's slow salted hash in the form
-- pbkdf2-sha256$ITERATIONS$SALT$HASH (docs/decisions/0006-operators-pins-and-audit-log.md); never the PIN.
-- failed_attempts and locked_until make the lockout after too many wrong PINs survive a restart.
CREATE TABLE operator (
    number          VARCHAR(8)   PRIMARY KEY,
    name            VARCHAR(32)  NOT NULL,
    role            VARCHAR(16)  NOT NULL CHECK (role IN ('CASHIER', 'SUPERVISOR', 'MANAGER', 'AUDITOR')),
    pin_hash        VARCHAR(200) NOT NULL,
    must_change_pin BOOLEAN      NOT NULL DEFAULT FALSE,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts INT          NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    BIGINT,
    created_at      VARCHAR(32)  NOT NULL
);
