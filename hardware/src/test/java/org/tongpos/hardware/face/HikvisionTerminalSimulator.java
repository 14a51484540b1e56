package org.tongpos.hardware.face;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Hikvision face terminal's ISAPI alert stream: Digest authentication, then an endless multipart/mixed body to
 * which the test pushes parts (JSON events, JPEG pictures, garbage) or a close.
 */
final class HikvisionTerminalSimulator implements AutoCloseable {

    static final String USER = "admin";
    static final String PASSWORD = "Tong12345";
    private static final String REALM = "DS-K1T671MF";
    private static final String BOUNDARY = "MIME_boundary";
    private static final String[] CLOSE = {"close", ""};

    private final HttpServer server;
    private final BlockingQueue<String[]> parts = new LinkedBlockingQueue<>();
    final AtomicInteger streamsOpened = new AtomicInteger();
    final AtomicInteger unauthorised = new AtomicInteger();

    HikvisionTerminalSimulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/ISAPI/Event/notification/alertStream", this::alertStream);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hik-sim");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void pushJson(String json) {
        parts.add(new String[] {"application/json; charset=\"UTF-8\"", json});
    }

    void pushPicture() {
        parts.add(new String[] {"image/jpeg", "\u00ff\u00d8\u00ff\u00e0 not really a jpeg \u00ff\u00d9"});
    }

    void closeStream() {
        parts.add(CLOSE);
    }

    static String faceEvent(String employeeNo, int minor) {
        return "{\"ipAddress\":\"10.0.0.64\",\"portNo\":80,\"protocol\":\"HTTP\",\"macAddress\":\"44:19:b6:00:00:01\","
                + "\"channelID\":1,\"dateTime\":\"2024-05-01T11:58:03+08:00\",\"activePostCount\":1,"
                + "\"eventType\":\"AccessControllerEvent\",\"eventState\":\"active\","
                + "\"eventDescription\":\"Access Controller Event\",\"AccessControllerEvent\":{"
                + "\"deviceName\":\"Access Controller\",\"majorEventType\":5,\"subEventType\":" + minor + ","
                + "\"name\":\"张三\",\"cardReaderNo\":1,\"employeeNoString\":\"" + employeeNo + "\",\"serialNo\":77,"
                + "\"userType\":\"normal\",\"currentVerifyMode\":\"cardOrFace\",\"mask\":\"no\",\"picturesNumber\":1}}";
    }

    static String heartbeat() {
        return "{\"ipAddress\":\"10.0.0.64\",\"eventType\":\"heartBeat\",\"eventState\":\"active\"}";
    }

    private void alertStream(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !validDigest(authorization)) {
                unauthorised.incrementAndGet();
                exchange.getResponseHeaders().set("WWW-Authenticate",
                        "Digest qop=\"auth\", realm=\"" + REALM + "\", nonce=\"4e6a51304f444d314e4451364f5755\", stale=\"FALSE\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            streamsOpened.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "multipart/mixed; boundary=" + BOUNDARY);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (true) {
                String[] part = parts.poll(30, TimeUnit.SECONDS);
                if (part == null || part == CLOSE) {
                    return;
                }
                byte[] body = part[0].startsWith("image") ? part[1].getBytes(StandardCharsets.ISO_8859_1)
                        : part[1].getBytes(StandardCharsets.UTF_8);
                out.write(("--" + BOUNDARY + "\r\nContent-Type: " + part[0] + "\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // client went away
        }
    }

    private static boolean validDigest(String authorization) {
        if (!authorization.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = DigestAuthenticator.parse(authorization.substring(7));
        String ha1 = DigestAuthenticator.md5(p.get("username") + ":" + REALM + ":" + PASSWORD);
        String ha2 = DigestAuthenticator.md5("GET:" + p.get("uri"));
        String expected = DigestAuthenticator.md5(ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce")
                + ":" + p.get("qop") + ":" + ha2);
        return USER.equals(p.get("username")) && expected.equals(p.get("response"));
    }

    @Override
    public void close() {
        parts.add(CLOSE);
        server.stop(0);
    }
}
