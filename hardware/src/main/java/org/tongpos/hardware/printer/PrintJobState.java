package org.tongpos.hardware.printer;

public enum PrintJobState {
    QUEUED,
    PRINTING,
    PRINTED,
    /** Not printed, or not known to be printed: the cashier decides to retry or reprint. */
    FAILED
}
