package org.tongpos.hardware.printer;

/** Told about every change of a job's state, on the queue's thread. */
@FunctionalInterface
public interface PrintJobListener {
    void jobChanged(PrintJob job);
}
