package org.tongpos.hardware.testsupport;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A loopback port that nothing listens on, chosen below the kernel's ephemeral range. A released ephemeral port is
 * not enough: a client connecting to it can be handed that very port as its own source port and connect to itself
 * (TCP simultaneous open), which makes "unreachable printer" tests pass a connect now and then.
 */
public final class RefusingPort {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;

    private RefusingPort() {
    }

    public static int find() throws IOException {
        for (int port = FIRST; port < LAST; port++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (BindException busy) {
                // taken: try the next one
            }
        }
        throw new IOException("no free loopback port between " + FIRST + " and " + LAST);
    }
}
