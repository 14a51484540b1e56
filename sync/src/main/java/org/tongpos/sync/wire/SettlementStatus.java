package org.tongpos.sync.wire;

/** Whether the terminal's totals matched the bank's when a day was settled. */
public enum SettlementStatus {
    IN_BALANCE,
    OUT_OF_BALANCE
}
