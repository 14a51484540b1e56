package org.tongpos.app.storage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A process that owns a data directory until its standard input closes (or it is killed), for tests of what other
 * processes see: {@code DirectoryLockHolder DIR WINDOW|COMMAND LOCALE [PORT TOKEN]}. Prints "locked" once it owns it.
 */
public final class DirectoryLockHolder {

    private DirectoryLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        DirectoryLock lock = DirectoryLock.tryAcquire(Path.of(args[0]), DirectoryLock.Holder.valueOf(args[1]))
                .orElseThrow(() -> new IllegalStateException("already owned"));
        lock.describe(args[2], args.length > 3 ? Integer.parseInt(args[3]) : 0, args.length > 4 ? args[4] : "");
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the directory until the parent closes our input
        }
        lock.close();
    }

    /** Starts a holder and waits until it owns the directory. */
    public static Process start(Path directory, String holder, String locale) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=none", DirectoryLockHolder.class.getName(), directory.toString(), holder,
                locale).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String first = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (!"locked".equals(first)) {
            child.destroyForcibly();
            throw new IllegalStateException("the holder did not take the directory: " + first);
        }
        return child;
    }
}
