package org.tongpos.hardware.face;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the parts of an endless {@code multipart/mixed} stream (Hikvision's alert stream), one at a time: headers,
 * then Content-Length bytes, or up to the next boundary line when there is no length.
 */
final class MultipartReader {

    private static final int MAX_PART = 4 * 1024 * 1024;

    record Part(Map<String, String> headers, byte[] body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private final InputStream in;
    private final String boundaryLine;
    private String pendingLine;

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.boundaryLine = "--" + boundary;
    }

    /** The boundary parameter of a multipart Content-Type header. */
    static String boundaryOf(String contentType) throws IOException {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring(9).trim();
                if (b.startsWith("\"") && b.endsWith("\"") && b.length() > 1) {
                    b = b.substring(1, b.length() - 1);
                }
                if (!b.isEmpty()) {
                    return b;
                }
            }
        }
        throw new IOException("alert stream is not multipart (Content-Type: " + contentType + ")");
    }

    /** The next part; {@link EOFException} when the stream ends. */
    Part next() throws IOException {
        String line = pendingLine != null ? pendingLine : readLine();
        pendingLine = null;
        while (!line.startsWith(boundaryLine)) {
            line = readLine();
        }
        if (line.startsWith(boundaryLine + "--")) {
            throw new EOFException("multipart stream closed by the terminal");
        }
        Map<String, String> headers = new HashMap<>();
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
        }
        String length = headers.get("content-length");
        if (length != null) {
            int n;
            try {
                n = Integer.parseInt(length);
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length '" + length + "' in alert stream");
            }
            if (n < 0 || n > MAX_PART) {
                throw new IOException("alert stream part of " + n + " bytes refused");
            }
            byte[] body = in.readNBytes(n);
            if (body.length < n) {
                throw new EOFException("alert stream ended inside a part");
            }
            return new Part(headers, body);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String bodyLine = readLine(); ; bodyLine = readLine()) {
            if (bodyLine.startsWith(boundaryLine)) {
                pendingLine = bodyLine;
                break;
            }
            if (body.size() + bodyLine.length() > MAX_PART) {
                throw new IOException("alert stream part too large");
            }
            body.writeBytes(bodyLine.getBytes(StandardCharsets.UTF_8));
            body.write('\n');
        }
        return new Part(headers, body.toByteArray());
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("alert stream ended");
            }
            if (b == '\n') {
                break;
            }
            if (line.size() > 64 * 1024) {
                throw new IOException("alert stream line too long");
            }
            line.write(b);
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
