package org.tongpos.app.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes new directory entries survive a power cut. Creating a file or directory changes its parent directory, and
 * that change stays in the page cache until the parent itself is fsynced: a fsynced file whose name was never made
 * durable can vanish with everything in it.
 */
public final class DurableDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(DurableDirectories.class);
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");

    private DurableDirectories() {
    }

    /** Creates {@code directory} and any missing parents, and fsyncs the parent of each directory it created. */
    public static void create(Path directory) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = directory.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(p);
        }
        Files.createDirectories(directory);
        for (Path created : missing) {
            syncEntries(created.getParent());
        }
    }

    /** Forces {@code directory} itself (its list of entries) to stable storage. */
    public static void syncEntries(Path directory) throws IOException {
        if (WINDOWS) {
            // Windows cannot open a directory as a FileChannel; NTFS journals its directory changes itself.
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            try {
                channel.force(true);
            } catch (IOException e) {
                // Some filesystems (and some JDK/OS pairs) refuse fsync on a directory (EINVAL); there is nothing
                // stronger to do there, and refusing to start would help nobody.
                LOG.debug("directory fsync not supported for {}: {}", directory, e.getMessage());
            }
        }
    }
}
