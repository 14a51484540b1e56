package org.tongpos.hardware.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import org.tongpos.hardware.link.LinkTimeouts;
import org.tongpos.hardware.link.SerialLink;

/** The device's side of a socat pty pair, played by the test: send what the device would send, read what it got. */
public final class DeviceEnd implements AutoCloseable {

    private final SerialLink link;

    public DeviceEnd(Path path) throws IOException {
        link = new SerialLink(path.toString(), 9600, LinkTimeouts.DEFAULT);
        link.open();
    }

    public void send(byte[] bytes) throws IOException {
        link.write(bytes);
    }

    public void send(String text, Charset charset) throws IOException {
        send(text.getBytes(charset));
    }

    /** Reads until {@code quiet} passes without a byte, or {@code max} in all. */
    public byte[] readUntilQuiet(Duration quiet, Duration max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            int n = link.read(buffer, 0, buffer.length, quiet);
            if (n == 0 && out.size() > 0) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    public int read(byte[] buffer, Duration timeout) throws IOException {
        return link.read(buffer, 0, buffer.length, timeout);
    }

    @Override
    public void close() {
        link.close();
    }
}
