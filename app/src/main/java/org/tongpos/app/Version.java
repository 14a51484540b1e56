package org.tongpos.app;

import java.util.List;

/** The program's version: {@code --version}, the window's about box, backups' manifests and the support bundle. */
public final class Version {

    /** What {@code tongpos --version} prints. */
    public static final String TEXT = "TongPOS 0.1.0";

    private Version() {
    }

    /** {@link #TEXT} and what it runs on: Java, JavaFX when loaded, the operating system. */
    public static List<String> details() {
        String javafx = System.getProperty("javafx.runtime.version", "");
        return List.of(TEXT,
                "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                        + System.getProperty("java.vendor", "") + ")",
                javafx.isEmpty() ? "JavaFX (not loaded)" : "JavaFX " + javafx,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }
}
