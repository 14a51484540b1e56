package org.tongpos.hardware.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A virtual null-modem cable: {@code socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B}. The driver opens one end by
 * path, the test plays the device on the other. Skips the test (loudly) when socat is not installed.
 */
public final class SocatPair implements AutoCloseable {

    private final Process process;
    private final Path a;
    private final Path b;

    private SocatPair(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    public static SocatPair start(Path dir) throws IOException, InterruptedException {
        assumeTrue(socatInstalled(), "SKIPPED: socat is not installed (apt-get install socat); serial device tests need a pty pair");
        Path a = dir.resolve("A");
        Path b = dir.resolve("B");
        Process process = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("socat did not create the pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(5);
        }
        return new SocatPair(process, a, b);
    }

    static boolean socatInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** The end the driver under test opens. */
    public Path driverEnd() {
        return a;
    }

    /** The driver's end as a device address, as a terminal is configured with it. */
    public String driverAddress() {
        return "serial:" + a;
    }

    /**
     * Holds the driver's end open as well, so that when the driver closes it socat does not see the hang-up and exit,
     * which would flush what the device end has not read yet (a command that writes and exits at once).
     */
    public java.io.Closeable holdDriverEndOpen() throws IOException {
        return new java.io.FileInputStream(a.toFile());
    }

    /** The end the test opens to play the device. */
    public Path deviceEnd() {
        return b;
    }

    /** Stops socat; an interrupt while waiting for it kills it at once and stays set for the caller. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
