package org.tongpos.hardware.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The PC/SC daemon with the vpcd virtual reader, started by the test ({@code pcscd -f -a -i}) or reused if one is
 * already running. Only one pcscd can run per machine, so PC/SC tests run in one fork, one after the other.
 * Skips the test loudly when pcscd or vsmartcard-vpcd is missing.
 */
public final class PcscDaemon implements AutoCloseable {

    private static final Path PCSCD = Path.of("/usr/sbin/pcscd");
    private static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    private static final Path VPCD_CONFIG = Path.of("/etc/reader.conf.d/vpcd");

    private final Path log;
    private Process process;

    private PcscDaemon(Path log) {
        this.log = log;
    }

    public static PcscDaemon startOrReuse(Path logDir) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PCSCD), "SKIPPED: pcscd is not installed (apt-get install pcscd)");
        assumeTrue(Files.exists(VPCD_DRIVER) && Files.exists(VPCD_CONFIG),
                "SKIPPED: vsmartcard-vpcd is not installed (apt-get install vsmartcard-vpcd)");
        PcscDaemon daemon = new PcscDaemon(logDir.resolve("pcscd.log"));
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

    public void start() throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        process = new ProcessBuilder(PCSCD.toString(), "-f", "-a", "-i")
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

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
