package org.tongpos.app.devices;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The PC/SC counterpart for card tests: {@code pcscd -f -a -i} with vsmartcard-vpcd's virtual reader ("Virtual PCD
 * 00 00"), started here or reused when one runs, and a contactless meal card in software that speaks vpcd's socket
 * protocol (2-byte big-endian length + payload; 1-byte payloads are control codes, 4 = get ATR) and answers the
 * PC/SC GET UID pseudo-APDU {@code FF CA 00 00}. Skips the test loudly when pcscd or vpcd is missing.
 */
public final class PcscWithVirtualCard implements AutoCloseable {

    public static final String READER = "Virtual PCD 00 00";
    private static final int VPCD_PORT = 35963;
    private static final Path PCSCD = Path.of("/usr/sbin/pcscd");
    private static final byte[] ATR = HexFormat.of().parseHex("3B8F8001804F0CA000000306030001000000006A");

    private Process daemon;
    private Socket card;

    public static PcscWithVirtualCard start(Path logDir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PCSCD), "SKIPPED: pcscd is not installed (apt-get install pcscd)");
        assumeTrue(Files.exists(Path.of("/etc/reader.conf.d/vpcd")),
                "SKIPPED: vsmartcard-vpcd is not installed (apt-get install vsmartcard-vpcd)");
        PcscWithVirtualCard pcsc = new PcscWithVirtualCard();
        boolean running = ProcessHandle.allProcesses()
                .anyMatch(p -> p.info().command().map(c -> c.endsWith("/pcscd")).orElse(false));
        if (!running) {
            Path run = Files.isDirectory(Path.of("/run/pcscd")) ? Path.of("/run/pcscd") : Path.of("/run");
            assumeTrue(Files.isWritable(run), "SKIPPED: pcscd is not running and starting it needs write access to "
                    + run);
            Path log = logDir.resolve("pcscd.log");
            pcsc.daemon = new ProcessBuilder(PCSCD.toString(), "-f", "-a", "-i").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.readString(log).contains("daemon ready")) {
                if (!pcsc.daemon.isAlive() || System.nanoTime() > deadline) {
                    pcsc.close();
                    throw new IOException("pcscd did not start: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
        return pcsc;
    }

    /** Puts a meal card with this UID on the reader. */
    public void insertUidCard(String uidHex) throws IOException {
        byte[] uid = HexFormat.of().parseHex(uidHex);
        card = new Socket(InetAddress.getLoopbackAddress(), VPCD_PORT);
        Socket socket = card;
        Thread serving = new Thread(() -> serve(socket, uid), "virtual-uid-card");
        serving.setDaemon(true);
        serving.start();
    }

    private static void serve(Socket socket, byte[] uid) {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true) {
                byte[] payload = in.readNBytes(in.readUnsignedShort());
                byte[] answer;
                if (payload.length == 1) {
                    if (payload[0] != 4) {
                        continue;
                    }
                    answer = ATR;
                } else if (payload.length >= 4 && (payload[0] & 0xFF) == 0xFF && (payload[1] & 0xFF) == 0xCA) {
                    answer = new byte[uid.length + 2];
                    System.arraycopy(uid, 0, answer, 0, uid.length);
                    answer[uid.length] = (byte) 0x90;
                } else {
                    answer = new byte[] {0x6D, 0x00};
                }
                out.writeShort(answer.length);
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // the card was taken away
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (card != null) {
            card.close();
        }
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor();
            }
        }
    }
}
