package org.tongpos.hardware.link;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.time.Duration;
import org.tongpos.hardware.device.DeviceIOException;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/**
 * A serial port through jSerialComm, opened by path ({@code /dev/ttyUSB0}, {@code COM3}, or a pty link), 8N1.
 */
public final class SerialLink implements ByteLink {

    private final String path;
    private final int baud;
    private final LinkTimeouts timeouts;
    private SerialPort port;
    private int configuredReadTimeout = -1;

    public SerialLink(String path, int baud, LinkTimeouts timeouts) {
        this.path = path;
        this.baud = baud;
        this.timeouts = timeouts;
    }

    @Override
    public synchronized void open() throws IOException {
        if (isOpen()) {
            return;
        }
        if ((path.startsWith("/") || path.startsWith(".")) && !java.nio.file.Files.exists(java.nio.file.Path.of(path))) {
            throw new DeviceIOException(DeviceReason.of(Code.SERIAL_PORT_MISSING, path), null);
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new DeviceIOException(DeviceReason.of(Code.SERIAL_PORT_MISSING, path),
                    "no serial port " + path + ": " + e.getMessage(), e);
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!p.openPort()) {
            throw new DeviceIOException(
                    DeviceReason.of(Code.SERIAL_PORT_CANNOT_OPEN, path, p.getLastErrorCode()), null);
        }
        configuredReadTimeout = -1;
        port = p;
    }

    private static final long LINE_MARGIN_NANOS = 20_000_000L;

    private volatile long lastWriteDoneNanos;

    @Override
    public synchronized boolean isOpen() {
        return port != null && port.isOpen();
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        SerialPort p = requireOpen();
        int written = 0;
        long deadline = System.nanoTime() + timeouts.write().toNanos();
        while (written < length) {
            int n = p.writeBytes(data, length - written, offset + written);
            if (n < 0) {
                close();
                throw new LinkWriteException(DeviceReason.of(Code.WRITE_FAILED, description(),
                        "error " + p.getLastErrorCode()), written, length, null);
            }
            written += n;
            lastWriteDoneNanos = System.nanoTime() + lineTimeNanos(n);
            if (n == 0 && System.nanoTime() > deadline) {
                throw new LinkWriteException(DeviceReason.of(Code.WRITE_TIMEOUT, description(),
                        timeouts.write().toMillis()), written, length, null);
            }
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        SerialPort p = requireOpen();
        int available = p.bytesAvailable();
        if (available < 0) {
            close();
            throw new DeviceIOException(DeviceReason.of(Code.CONNECTION_LOST, description()), null);
        }
        if (timeout.isZero() && available == 0) {
            return 0;
        }
        int millis = (int) Math.max(1, timeout.toMillis());
        synchronized (this) {
            if (configuredReadTimeout != millis) {
                p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, millis, 0);
                configuredReadTimeout = millis;
            }
        }
        int n = p.readBytes(buffer, length, offset);
        if (n < 0) {
            close();
            throw new DeviceIOException(DeviceReason.of(Code.CONNECTION_LOST, description()),
                    description() + " went away (error " + p.getLastErrorCode() + ")", null);
        }
        return n;
    }

    @Override
    public boolean canRead() {
        return true;
    }

    @Override
    public String description() {
        return "serial:" + path + "?baud=" + baud;
    }

    /**
     * Closes the port once what was written has left it (bounded by the write timeout): closing a serial port drops
     * whatever the driver still holds, so a display line written just before closing would never show.
     */
    @Override
    public synchronized void close() {
        if (port != null) {
            drainOutput(port);
            port.closePort();
            port = null;
        }
    }

    /**
     * Waits until the driver's queue is empty and the last bytes had time to go down the line at the baud rate (a
     * UART's FIFO and a pty's far side are not in the queue the driver reports), bounded by the write timeout.
     */
    private void drainOutput(SerialPort p) {
        long deadline = System.nanoTime() + timeouts.write().toNanos();
        while (p.isOpen() && System.nanoTime() < deadline
                && (p.bytesAwaitingWrite() > 0 || System.nanoTime() < lastWriteDoneNanos)) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Time the line needs for {@code bytes} at this baud rate (10 bits a byte), plus a margin for the far side. */
    private long lineTimeNanos(int bytes) {
        return bytes * 10L * 1_000_000_000L / baud + LINE_MARGIN_NANOS;
    }

    private synchronized SerialPort requireOpen() throws IOException {
        if (!isOpen()) {
            throw new DeviceIOException(DeviceReason.of(Code.NOT_OPEN, description()), null);
        }
        return port;
    }
}
