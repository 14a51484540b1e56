package org.tongpos.app.devices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import org.tongpos.hardware.link.LinkTimeouts;
import org.tongpos.hardware.link.SerialLink;

/** The device's end of a socat pair, played by a test: sends what a scanner or scale sends, reads what a display got. */
public final class SerialDevice implements AutoCloseable {

    private final SerialLink link;

    public SerialDevice(Path path) throws IOException {
        link = new SerialLink(path.toString(), 9600, LinkTimeouts.DEFAULT);
        link.open();
    }

    public void send(String text, Charset charset) throws IOException {
        byte[] bytes = text.getBytes(charset);
        link.write(bytes, 0, bytes.length);
    }

    /** Reads until {@code quiet} passes without a byte after something came, or {@code max} in all. */
    public byte[] readUntilQuiet(Duration quiet, Duration max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            int n = link.read(buffer, 0, buffer.length, quiet);
            if (n <= 0 && out.size() > 0) {
                break;
            }
            if (n > 0) {
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** Reads until what came ends with {@code end}, or {@code max} passed. */
    public byte[] readUntilEndsWith(byte[] end, Duration max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            int n = link.read(buffer, 0, buffer.length, Duration.ofMillis(100));
            if (n > 0) {
                out.write(buffer, 0, n);
                byte[] all = out.toByteArray();
                if (all.length >= end.length && java.util.Arrays.equals(all, all.length - end.length, all.length,
                        end, 0, end.length)) {
                    break;
                }
            }
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        link.close();
    }
}
