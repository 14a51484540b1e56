package org.tongpos.app.support.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tongpos.app.logging.SecretMasking;

/**
 * {@code support bundle FILE}: one zip for whoever helps the shop (docs/operations.md). The texts the caller
 * gathered (versions, configuration, device states, journal head, sync state, backups, data directory) and the log
 * files, every line of text passed through {@link SecretMasking} on the way in: configuration values the caller
 * marked secret are masked already, and this is the net under that. Rolled, compressed logs were masked when they
 * were written and are copied as they are.
 */
public final class SupportBundle {

    private SupportBundle() {
    }

    /** Writes the bundle: {@code texts} by file name, then {@code logs/} from {@code logFolder}; returns its entries. */
    public static List<String> write(Path file, Map<String, String> texts, Path logFolder) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        List<String> entries = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> text : texts.entrySet()) {
                zip.putNextEntry(new ZipEntry(text.getKey()));
                zip.write(maskLines(text.getValue()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                entries.add(text.getKey());
            }
            for (Path log : logFiles(logFolder)) {
                String name = "logs/" + log.getFileName();
                zip.putNextEntry(new ZipEntry(name));
                if (log.getFileName().toString().endsWith(".gz")) {
                    Files.copy(log, zip);
                } else {
                    try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            zip.write((SecretMasking.mask(line) + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
                zip.closeEntry();
                entries.add(name);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return entries;
    }

    static String maskLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(SecretMasking.mask(line));
        }
        return out.toString();
    }

    private static List<Path> logFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, "*.{log,gz}")) {
            found.forEach(files::add);
        }
        files.sort(null);
        return files;
    }
}
