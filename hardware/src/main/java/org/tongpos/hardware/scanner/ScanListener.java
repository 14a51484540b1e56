package org.tongpos.hardware.scanner;

/** Receives every scan, on the scanner's thread. */
@FunctionalInterface
public interface ScanListener {
    void scanned(Scan scan);
}
