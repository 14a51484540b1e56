package org.tongpos.hardware.link;

import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tongpos.hardware.device.DeviceIOException;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/** A device file written directly, e.g. a USB printer at {@code /dev/usb/lp0}. Write-only: no status answers. */
public final class FileLink implements ByteLink {

    private final String path;
    private final LinkTimeouts timeouts;
    private FileOutputStream out;

    public FileLink(String path, LinkTimeouts timeouts) {
        this.path = path;
        this.timeouts = timeouts;
    }

    @Override
    public synchronized void open() throws IOException {
        if (out == null) {
            try {
                out = new FileOutputStream(path, true);
            } catch (IOException e) {
                throw new DeviceIOException(DeviceReason.of(Code.FILE_CANNOT_OPEN, path, e.getMessage()), e);
            }
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return out != null;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        FileOutputStream o;
        synchronized (this) {
            if (out == null) {
                throw new DeviceIOException(DeviceReason.of(Code.NOT_OPEN, description()), null);
            }
            o = out;
        }
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = Watchdog.schedule(() -> {
            expired.set(true);
            close();
        }, timeouts.write().toMillis(), TimeUnit.MILLISECONDS);
        try {
            o.write(data, offset, length);
            o.flush();
        } catch (IOException e) {
            close();
            throw new LinkWriteException(expired.get()
                    ? DeviceReason.of(Code.WRITE_TIMEOUT, description(), timeouts.write().toMillis())
                    : DeviceReason.of(Code.WRITE_FAILED, description(), e.getMessage()), 0, length, e);
        } finally {
            watchdog.cancel(false);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) {
        return 0;
    }

    @Override
    public boolean canRead() {
        return false;
    }

    @Override
    public String description() {
        return "file:" + path;
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            out = null;
        }
    }
}
