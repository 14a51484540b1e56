-- Only for .ci/upgrade-test.sh: "the next version" of TongPOS adds this migration, so that installing it over the
-- previous version must copy the database, migrate it, and keep every sale, setting and unsent entry.
CREATE TABLE upgrade_probe (id INT PRIMARY KEY, note VARCHAR(100));
INSERT INTO upgrade_probe VALUES (1, 'migrated by the next version');
