-- The canteen finds diners in the accounts replica by name and by pinyin initials (issue 8): the initials are
-- computed by the terminal when a change describes the account (AccountReplica's name-initials function).
ALTER TABLE bank_account ADD COLUMN name_initials VARCHAR(128) DEFAULT '' NOT NULL;
CREATE INDEX bank_account_by_name ON bank_account (name);
CREATE INDEX bank_account_by_initials ON bank_account (name_initials);
