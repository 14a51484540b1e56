package org.tongpos.app.devices;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A virtual null-modem cable, {@code socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B}: the app opens one end as
 * its serial device, the test plays the scanner, display or scale on the other. Skips the test, saying so, when
 * socat is not installed.
 */
public final class SocatPair implements AutoCloseable {

    private final Process process;
    private final Path appEnd;
    private final Path deviceEnd;

    private SocatPair(Process process, Path appEnd, Path deviceEnd) {
        this.process = process;
        this.appEnd = appEnd;
        this.deviceEnd = deviceEnd;
    }

    public static SocatPair start(Path dir) throws IOException, InterruptedException {
        assumeTrue(installed(), "SKIPPED: socat is not installed (apt-get install socat); serial device tests need "
                + "a pty pair");
        Path a = dir.resolve("app-end");
        Path b = dir.resolve("device-end");
        Path log = dir.resolve("socat.log");
        Process process = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("socat did not make the pty pair: " + Files.readString(log));
            }
            Thread.sleep(5);
        }
        return new SocatPair(process, a, b);
    }

    private static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** The serial address the app is configured with. */
    public String appAddress() {
        return "serial:" + appEnd;
    }

    public Path deviceEnd() {
        return deviceEnd;
    }

    /**
     * Holds the app's end open as well, so that when the app closes it socat does not see the hang-up and exit,
     * which would flush what the device end has not read yet (a command that writes and exits at once).
     */
    public java.io.Closeable holdAppEndOpen() throws IOException {
        return new java.io.FileInputStream(appEnd.toFile());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
