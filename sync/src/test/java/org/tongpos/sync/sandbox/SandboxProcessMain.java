package org.tongpos.sync.sandbox;

import java.nio.file.Path;
import java.util.Map;

/** Runs a sandbox bank in its own JVM so a test can kill it with SIGKILL. Args: dataDir terminalId base64Key. */
public final class SandboxProcessMain {

    private SandboxProcessMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxBank bank = SandboxBank.start(new SandboxBankConfig(0, Path.of(args[0]), Map.of(args[1], args[2]),
                "M001"));
        System.out.println("READY " + bank.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
