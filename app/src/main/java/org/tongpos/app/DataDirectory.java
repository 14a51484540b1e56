package org.tongpos.app;

import java.nio.file.Path;
import java.util.Map;

/** Where the terminal keeps its data: {@code --data-dir}, else {@code TONGPOS_HOME}, else {@code ~/.tongpos}. */
public final class DataDirectory {

    public static final String ENVIRONMENT_VARIABLE = "TONGPOS_HOME";

    private DataDirectory() {
    }

    public static Path resolve(Path option, Map<String, String> environment, String userHome) {
        if (option != null) {
            return option.toAbsolutePath();
        }
        String home = environment.get(ENVIRONMENT_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        return Path.of(userHome, ".tongpos");
    }
}
