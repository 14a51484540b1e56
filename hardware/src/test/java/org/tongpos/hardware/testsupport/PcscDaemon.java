package org.tongpos.hardware.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The PC/SC daemon with a vsmartcard-vpcd virtual reader, started by the test ({@code pcscd -f -a -i -c DIR}) or
 * reused if one is already running. Only one pcscd can run per machine, so PC/SC tests run in one fork, one after
 * the other. Skips the test loudly when pcscd or vsmartcard-vpcd is missing.
 *
 * <p>A daemon started here reads its own reader configuration, with vpcd on a port pair chosen below the kernel's
 * ephemeral range: vpcd binds its port without {@code SO_REUSEADDR}, so Debian's fixed port 35963 fails whenever an
 * earlier outgoing connection of any program left a TIME_WAIT socket on it, and pcscd then comes up with no reader
 * at all (measured: a single {@code socat} connection from source port 35963 is enough).
 */
public final class PcscDaemon implements AutoCloseable {

    /** The first slot of the virtual reader, where {@link VirtualCard}s are inserted. */
    public static final String READER = "Virtual PCD 00 00";

    private static final Path PCSCD = Path.of("/usr/sbin/pcscd");
    private static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    private static final Path VPCD_CONFIG = Path.of("/etc/reader.conf.d/vpcd");
    private static final int DEBIAN_VPCD_PORT = 35963;
    private static final int FIRST_PORT = 20_000;
    private static final int LAST_PORT = 32_000;
    private static final int ATTEMPTS = 5;

    private final Path dir;
    private final Path log;
    private Process process;
    private int cardPort = DEBIAN_VPCD_PORT;

    private PcscDaemon(Path dir) {
        this.dir = dir;
        this.log = dir.resolve("pcscd.log");
    }

    public static PcscDaemon startOrReuse(Path workDir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PCSCD), "SKIPPED: pcscd is not installed (apt-get install pcscd)");
        assumeTrue(Files.exists(VPCD_DRIVER) && Files.exists(VPCD_CONFIG),
                "SKIPPED: vsmartcard-vpcd is not installed (apt-get install vsmartcard-vpcd)");
        PcscDaemon daemon = new PcscDaemon(workDir);
        if (!pcscdRunning()) {
            Path run = Files.isDirectory(Path.of("/run/pcscd")) ? Path.of("/run/pcscd") : Path.of("/run");
            assumeTrue(Files.isWritable(run),
                    "SKIPPED: pcscd is not running and starting it needs write access to " + run + " (run as root or start pcscd)");
            daemon.start();
        }
        return daemon;
    }

    /** Whether this test started the daemon (and so may restart it). */
    public boolean ownsDaemon() {
        return process != null;
    }

    /** The TCP port a virtual card connects to in order to sit in {@link #READER}. */
    public int cardPort() {
        return cardPort;
    }

    /** Starts pcscd with the virtual reader on free ports, trying other ports if vpcd still cannot bind. */
    public void start() throws IOException, InterruptedException {
        String lastLog = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freePortPair();
            launch(readerConfig(port));
            lastLog = Files.readString(log);
            if (lastLog.contains("Waiting for virtual ICC on port " + port) && !lastLog.contains("init failed")) {
                cardPort = port;
                return;
            }
            stop();
        }
        throw new IOException("pcscd started but vpcd's virtual reader never came up; last pcscd log:\n" + lastLog);
    }

    /** Starts pcscd with no reader configured at all, as on a till with no card reader plugged in. */
    public void startWithoutReaders() throws IOException, InterruptedException {
        Path empty = Files.createDirectories(dir.resolve("no-readers"));
        launch(empty);
    }

    private void launch(Path configDir) throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        process = new ProcessBuilder(PCSCD.toString(), "-f", "-a", "-i", "-c", configDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(log) && Files.readString(log).contains("daemon ready"))) {
            if (!process.isAlive()) {
                throw new IOException("pcscd exited: " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("pcscd did not get ready: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    /** A reader.conf.d holding Debian's vpcd entry, moved to {@code port} (slot 00 00) and {@code port + 1}. */
    private Path readerConfig(int port) throws IOException {
        Path config = Files.createDirectories(dir.resolve("reader.conf.d-" + port));
        String channel = String.format("0x%04X", port);
        Files.writeString(config.resolve("vpcd"), String.join("\n",
                "FRIENDLYNAME \"Virtual PCD\"",
                "DEVICENAME   /dev/null:" + channel,
                "LIBPATH      " + VPCD_DRIVER,
                "CHANNELID    " + channel,
                ""));
        return config;
    }

    /** Two consecutive ports nobody holds, TIME_WAIT included (probed without {@code SO_REUSEADDR}, as vpcd binds). */
    private static int freePortPair() throws IOException {
        for (int tries = 0; tries < 200; tries++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST_PORT, LAST_PORT);
            if (bindable(port) && bindable(port + 1)) {
                return port;
            }
        }
        throw new IOException("no free port pair between " + FIRST_PORT + " and " + LAST_PORT);
    }

    private static boolean bindable(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(port));
            return true;
        } catch (BindException busy) {
            return false;
        }
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    public void restart() throws IOException, InterruptedException {
        stop();
        start();
    }

    /** Any pcscd on this machine (ours or the system's); probing vpcd's port instead would look like a card. */
    private static boolean pcscdRunning() {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().command().map(c -> c.endsWith("/pcscd")).orElse(false));
    }

    /** Stops the daemon; an interrupt while waiting for it kills it at once and stays set for the caller. */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            if (process != null) {
                process.destroyForcibly();
                process = null;
            }
            Thread.currentThread().interrupt();
        }
    }
}
