package org.tongpos.hardware.link;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.StatusReporter;

/**
 * A thread that reads a serial input device (scanner, scale), cuts the byte stream into frames at a terminator and
 * hands them on. A link that fails is closed and opened again with backoff; bytes that run past {@code maxFrame}
 * without a terminator are dropped and reported as garbage, so a noisy line never hangs or grows memory.
 */
public final class FrameReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrameReader.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ByteLink link;
    private final byte[] terminator;
    private final int maxFrame;
    private final FrameHandler handler;
    private final StatusReporter reporter;
    private final Backoff backoff;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    public FrameReader(ByteLink link, byte[] terminator, int maxFrame, FrameHandler handler, StatusReporter reporter,
                       Backoff backoff) {
        if (terminator.length == 0) {
            throw new IllegalArgumentException("a frame terminator is needed");
        }
        this.link = link;
        this.terminator = terminator.clone();
        this.maxFrame = maxFrame;
        this.handler = handler;
        this.reporter = reporter;
        this.backoff = backoff;
    }

    public synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        thread = new Thread(this::loop, "device-reader " + link.description());
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        int failures = 0;
        byte[] buffer = new byte[512];
        byte[] frame = new byte[maxFrame + terminator.length];
        while (running.get()) {
            try {
                link.open();
                reporter.connected();
                failures = 0;
                int length = 0;
                boolean discarding = false;
                while (running.get()) {
                    int n = link.read(buffer, 0, buffer.length, POLL);
                    for (int i = 0; i < n; i++) {
                        frame[length++] = buffer[i];
                        if (endsWithTerminator(frame, length)) {
                            int bodyLength = length - terminator.length;
                            length = 0;
                            if (discarding) {
                                discarding = false;
                                continue;
                            }
                            deliver(Arrays.copyOf(frame, bodyLength));
                        } else if (length == frame.length) {
                            if (!discarding) {
                                reporter.error(DeviceReason.of(Code.GARBAGE_ON_LINE, maxFrame));
                            }
                            discarding = true;
                            System.arraycopy(frame, length - (terminator.length - 1), frame, 0, terminator.length - 1);
                            length = terminator.length - 1;
                        }
                    }
                }
            } catch (IOException e) {
                failures++;
                link.close();
                if (running.get()) {
                    reporter.error(DeviceReason.from(e, link.description() + " failed: " + e));
                    sleep(backoff.delayAfter(failures));
                }
            }
        }
        link.close();
    }

    private void deliver(byte[] body) {
        try {
            handler.frame(body);
        } catch (RuntimeException e) {
            LOG.error("frame handler failed on {}", link.description(), e);
        }
    }

    private boolean endsWithTerminator(byte[] frame, int length) {
        if (length < terminator.length) {
            return false;
        }
        for (int i = 0; i < terminator.length; i++) {
            if (frame[length - terminator.length + i] != terminator[i]) {
                return false;
            }
        }
        return true;
    }

    private void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void close() {
        running.set(false);
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(POLL.toMillis() * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        link.close();
        reporter.closed();
    }
}
