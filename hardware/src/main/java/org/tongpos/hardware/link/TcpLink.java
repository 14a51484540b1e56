package org.tongpos.hardware.link;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tongpos.hardware.device.DeviceIOException;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;

/** A TCP connection, e.g. to a receipt printer's raw port 9100. Socket writes have no timeout of their own: a watchdog closes the socket. */
public final class TcpLink implements ByteLink {

    private static final int CHUNK = 4096;

    private final String host;
    private final int port;
    private final LinkTimeouts timeouts;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public TcpLink(String host, int port, LinkTimeouts timeouts) {
        this.host = host;
        this.port = port;
        this.timeouts = timeouts;
    }

    @Override
    public synchronized void open() throws IOException {
        if (isOpen()) {
            return;
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) timeouts.connect().toMillis());
        } catch (SocketTimeoutException e) {
            s.close();
            throw new DeviceIOException(
                    DeviceReason.of(Code.CONNECT_TIMEOUT, description(), timeouts.connect().toMillis()), e);
        } catch (ConnectException e) {
            s.close();
            throw new DeviceIOException(DeviceReason.of(Code.CONNECTION_REFUSED, description()), e);
        } catch (IOException e) {
            s.close();
            throw new DeviceIOException(DeviceReason.of(Code.CONNECT_FAILED, description(), e.getMessage()), e);
        }
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    @Override
    public synchronized boolean isOpen() {
        return socket != null && !socket.isClosed();
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        Socket s;
        OutputStream o;
        synchronized (this) {
            requireOpen();
            s = socket;
            o = out;
        }
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = Watchdog.schedule(() -> {
            expired.set(true);
            closeQuietly(s);
        }, timeouts.write().toMillis(), TimeUnit.MILLISECONDS);
        long written = 0;
        long attempted = 0;
        try {
            while (written < length) {
                int n = (int) Math.min(CHUNK, length - written);
                attempted = written + n;
                o.write(data, offset + (int) written, n);
                written += n;
            }
            o.flush();
        } catch (IOException e) {
            close();
            DeviceReason why = expired.get()
                    ? DeviceReason.of(Code.WRITE_TIMEOUT, description(), timeouts.write().toMillis())
                    : DeviceReason.of(Code.CONNECTION_LOST, description());
            // part of a chunk may have gone out before the failure: count it as possibly sent
            throw new LinkWriteException(why, attempted, length, e);
        } finally {
            watchdog.cancel(false);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, Duration timeout) throws IOException {
        Socket s;
        InputStream i;
        synchronized (this) {
            requireOpen();
            s = socket;
            i = in;
        }
        if (timeout.isZero() && i.available() == 0) {
            return 0;
        }
        s.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            int n = i.read(buffer, offset, length);
            if (n < 0) {
                close();
                throw new DeviceIOException(DeviceReason.of(Code.CONNECTION_LOST, description()),
                        new EOFException(description() + " closed the connection"));
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public boolean canRead() {
        return true;
    }

    @Override
    public String description() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            closeQuietly(socket);
            socket = null;
        }
    }

    private void requireOpen() throws IOException {
        if (!isOpen()) {
            throw new DeviceIOException(DeviceReason.of(Code.NOT_OPEN, description()), null);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
