package org.tongpos.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.canteen.ui.ServingLine;
import org.tongpos.app.canteen.ui.ServingResult;

/**
 * A scripted rush through the real serving line, for the benchmark {@code bench/canteen-rush.sh}:
 * {@code -Dtongpos.rush=FILE} (one diner a line: {@code card:UID} through the simulated card reader, {@code face:ID}
 * through the simulated face terminal, anything else scanned as a code) presents each diner as soon as the screen
 * shows the previous one's result, times each from the tap to the result on screen (the window's own time per diner:
 * identification, decision, durable commit, the counts read again, the FX thread), logs the figures and closes the
 * window. A diner arriving while the line is busy waits, as at a real line: the terminal sets the pace.
 */
final class CanteenRush {

    private static final Logger LOG = LoggerFactory.getLogger(CanteenRush.class);

    private final List<String> steps;
    private final long[] nanos;
    private int next;
    private int served;
    private long started;
    private long tapped;

    private CanteenRush(List<String> steps) {
        this.steps = steps;
        this.nanos = new long[steps.size()];
    }

    /** The rush the system properties ask for, if any. */
    static Optional<CanteenRush> fromSystemProperties() {
        String file = System.getProperty("tongpos.rush", "");
        if (file.isBlank()) {
            return Optional.empty();
        }
        try {
            List<String> steps = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            return Optional.of(new CanteenRush(steps));
        } catch (IOException e) {
            LOG.error("canteen rush: cannot read {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Runs the rush on the serving line (called on the FX thread), then hides the stage. */
    void run(ServingLine line, Map<String, Consumer<String>> devices, Stage stage) {
        if (steps.isEmpty()) {
            stage.hide();
            return;
        }
        line.viewModel().addResultListener(() -> {
            if (next == 0 || next > steps.size()) {
                return;
            }
            nanos[next - 1] = System.nanoTime() - tapped;
            ServingResult result = line.viewModel().result().get();
            if (result != null && result.isServed()) {
                served++;
            }
            if (next == steps.size()) {
                next++;
                report(stage);
            } else {
                // the next diner taps once this result is on screen (after the pulse that draws it)
                Platform.runLater(() -> present(line, devices));
            }
        });
        LOG.info("canteen rush: {} diners", steps.size());
        started = System.nanoTime();
        present(line, devices);
    }

    private void present(ServingLine line, Map<String, Consumer<String>> devices) {
        String step = steps.get(next++);
        tapped = System.nanoTime();
        int colon = step.indexOf(':');
        Consumer<String> device = colon > 0 ? devices.get(step.substring(0, colon)) : null;
        if (device != null) {
            device.accept(step.substring(colon + 1));
        } else {
            line.takeScan(step);
        }
    }

    private void report(Stage stage) {
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double meanMs = Arrays.stream(sorted).average().orElse(0) / 1e6;
        LOG.info("canteen rush: {} diners ({} served) in {} s: {} diners per minute sustained (by the mean time per "
                        + "diner {} ms); per diner p50 {} ms, p90 {} ms, p99 {} ms, max {} ms",
                steps.size(), served, String.format("%.1f", wallSeconds),
                String.format("%.0f", steps.size() / wallSeconds * 60), String.format("%.1f", meanMs),
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 1.0));
        stage.hide();
    }

    private static String ms(long[] sorted, double quantile) {
        int at = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.1f", sorted[Math.max(0, at)] / 1e6);
    }
}
