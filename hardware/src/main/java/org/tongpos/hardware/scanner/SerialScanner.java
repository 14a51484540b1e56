package org.tongpos.hardware.scanner;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.LineSuffix;
import org.tongpos.hardware.device.ReportingDevice;
import org.tongpos.hardware.link.ByteLink;
import org.tongpos.hardware.link.FrameReader;

/**
 * A scanner in serial (USB-COM) mode: each code ends with the configured suffix; an AIM prefix, when the scanner is
 * set to send one, is stripped and reported as the symbology. Reconnects by itself when the port goes away.
 */
public final class SerialScanner extends ReportingDevice implements Scanner {

    private static final int MAX_CODE_BYTES = 4096;

    private final Clock clock;
    private final Charset charset;
    private final FrameReader reader;
    private final List<ScanListener> listeners = new CopyOnWriteArrayList<>();

    public SerialScanner(ByteLink link, LineSuffix suffix, Charset charset, Clock clock, Backoff backoff) {
        super("scanner " + link.description(), clock);
        this.clock = clock;
        this.charset = charset;
        this.reader = new FrameReader(link, suffix.bytes(), MAX_CODE_BYTES, this::frame, reporter, backoff);
    }

    private void frame(byte[] bytes) {
        long now = System.nanoTime();
        String raw = new String(bytes, charset).strip();
        if (raw.isEmpty()) {
            return;
        }
        reporter.connected();
        Scan scan = Scan.withOptionalAimPrefix(raw, ScanSource.SERIAL, clock.instant(), now);
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
        reader.start();
    }

    @Override
    public void close() {
        reader.close();
    }
}
