package org.tongpos.app.promotions.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.tongpos.app.storage.DirectoryLock;

/**
 * {@code promo import FILE} while the window owns the data directory: the command asks the window, over its loopback
 * second-start channel (as {@code backup create} does), to import the file itself, so that the promotions the till
 * prices with change at once, for the next scan, without a restart. Request {@code promo-import TOKEN PATH OPERATOR}
 * (path and operator number in Base64 of UTF-8); answer lines (UTF-8): {@code ok ADDED UPDATED UNCHANGED}, or
 * {@code refused} then one line per problem ({@code 第 N 行：原因}, in the window's language), or {@code failed REASON}.
 */
public final class WindowPromoImport {

    public static final String REQUEST = "promo-import";

    /** What a request asks: the file, and the operator number given with {@code --operator} (empty: none). */
    public record Request(Path file, String operator) {
    }

    private WindowPromoImport() {
    }

    public static String request(String token, Path file, String operator) {
        Base64.Encoder b64 = Base64.getEncoder();
        return REQUEST + " " + token + " "
                + b64.encodeToString(file.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)) + " "
                + b64.encodeToString((operator == null ? "" : operator).getBytes(StandardCharsets.UTF_8));
    }

    /** The request a line makes, when it is a promotions import with this token. */
    public static Optional<Request> parse(String line, String token) {
        String prefix = REQUEST + " " + token + " ";
        if (line == null || !line.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = line.substring(prefix.length()).split(" ", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return Optional.of(new Request(Path.of(new String(b64.decode(parts[0]), StandardCharsets.UTF_8)),
                    new String(b64.decode(parts[1]), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Asks the window that owns the directory to import {@code file} as {@code operator}; its answer lines, or empty
     * when no window answered.
     */
    public static Optional<List<String>> ask(DirectoryLock.Owner owner, Path file, String operator,
                                             Duration timeout) {
        if (owner.holder() != DirectoryLock.Holder.WINDOW || owner.port() <= 0) {
            return Optional.empty();
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), owner.port()), 2000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((request(owner.token(), file, operator) + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
