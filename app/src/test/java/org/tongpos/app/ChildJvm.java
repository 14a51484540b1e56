package org.tongpos.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM on the test class path running {@code main}, for the kill -9 tests: every line it prints on standard
 * output lands in {@code lines} (a thread-safe list) until it exits or is killed; standard error is dropped.
 */
public record ChildJvm(Process process, Thread reader) {

    public static ChildJvm start(Class<?> main, List<String> lines, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=none",
                main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child was killed: what it printed before is in lines
            }
        }, "child-jvm-reader");
        reader.setDaemon(true);
        reader.start();
        return new ChildJvm(child, reader);
    }
}
