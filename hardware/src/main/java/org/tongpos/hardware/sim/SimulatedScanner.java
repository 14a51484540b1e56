package org.tongpos.hardware.sim;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tongpos.hardware.device.ReportingDevice;
import org.tongpos.hardware.scanner.Scan;
import org.tongpos.hardware.scanner.ScanListener;
import org.tongpos.hardware.scanner.ScanSource;
import org.tongpos.hardware.scanner.Scanner;

/** A scanner driven by hand (a demo screen's buttons, a training script). */
public final class SimulatedScanner extends ReportingDevice implements Scanner {

    /** Codes for a demo: goods, a WeChat and an Alipay payment code, a diner code. */
    public static final List<String> DEMO_CODES = List.of("6901234567892", "6920152400012", "134567890123456789",
            "284123456789012345", "TQ1.demo-diner-42");

    private final Clock clock;
    private final List<ScanListener> listeners = new CopyOnWriteArrayList<>();

    public SimulatedScanner(Clock clock) {
        super("simulated scanner", clock);
        this.clock = clock;
    }

    /** As if the code (optionally with an AIM prefix) was scanned. */
    public void scan(String code) {
        Scan scan = Scan.withOptionalAimPrefix(code, ScanSource.SIMULATOR, clock.instant(), System.nanoTime());
        for (ScanListener listener : listeners) {
            listener.scanned(scan);
        }
    }

    @Override
    public void addScanListener(ScanListener listener) {
        listeners.add(listener);
    }

    @Override
    public void start() {
        reporter.connected();
    }

    @Override
    public void close() {
        reporter.closed();
    }
}
