package org.tongpos.app.shell;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.checkout.ui.CashierAction;
import org.tongpos.app.checkout.ui.CashierViewModel;

/**
 * Screenshots for the documentation and benchmarks: {@code -Dtongpos.screenshot=FILE} runs the steps of
 * {@code -Dtongpos.prescan} (comma separated: a code to scan, {@code cash:AMOUNT} to open the cash dialog with an
 * amount, {@code pay:AMOUNT} to take it, {@code search:TEXT} for the search dialog, {@code qty:N} for the selected
 * line's quantity, {@code remove} to remove it — above {@code void.approval-above} that opens the approval prompt;
 * on the serving line {@code card:UID} and {@code face:ID} through the simulated card reader and face terminal) on
 * the ready window, lets it settle ({@code tongpos.screenshot.settle-ms}, 500 by default), saves it as PNG and closes
 * it. Codes are scanned as a scanner would ({@code ]Q1}-prefixed diner codes reach the serving line).
 */
final class ScreenshotScript {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotScript.class);
    private static final Duration SETTLE = Duration.millis(Long.getLong("tongpos.screenshot.settle-ms", 500));

    private final Path file;
    private final List<String> steps;

    ScreenshotScript(Path file, List<String> steps) {
        this.file = file;
        this.steps = List.copyOf(steps);
    }

    /** The script the system properties ask for, if any. */
    static Optional<ScreenshotScript> fromSystemProperties() {
        String screenshot = System.getProperty("tongpos.screenshot");
        if (screenshot == null || screenshot.isBlank()) {
            return Optional.empty();
        }
        List<String> steps = List.of(System.getProperty("tongpos.prescan", "").split(","));
        return Optional.of(new ScreenshotScript(Path.of(screenshot), steps));
    }

    /** Runs the steps on the window (on the FX thread), then saves it and hides the stage once it settled. */
    void run(CashierViewModel vm, Stage stage) {
        run(vm, vm::scanned, Map.of(), stage);
    }

    /**
     * As above; plain codes go to {@code scanned} (the window: the serving line when it is in front), steps
     * {@code NAME:VALUE} whose name is in {@code devices} ({@code card}, {@code face}) to that device.
     */
    void run(CashierViewModel vm, Consumer<String> scanned, Map<String, Consumer<String>> devices, Stage stage) {
        for (String step : steps) {
            String trimmed = step.strip();
            int colon = trimmed.indexOf(':');
            Consumer<String> device = colon > 0 ? devices.get(trimmed.substring(0, colon)) : null;
            if (device != null) {
                device.accept(trimmed.substring(colon + 1));
            } else if (colon > 0 || trimmed.equals("remove")) {
                perform(vm, trimmed);
            } else if (!trimmed.isEmpty()) {
                scanned.accept(trimmed);
            }
        }
        PauseTransition settle = new PauseTransition(SETTLE);
        settle.setOnFinished(e -> {
            save(stage.getScene());
            stage.hide();
        });
        settle.play();
    }

    private static void perform(CashierViewModel vm, String step) {
        if (step.startsWith("cash:") || step.startsWith("pay:")) {
            vm.perform(CashierAction.CASH);
            if (vm.payment().get() != null) {
                vm.payment().get().tendered().set(step.substring(step.indexOf(':') + 1));
                if (step.startsWith("pay:")) {
                    vm.payment().get().confirm();
                }
            }
        } else if (step.startsWith("qty:")) {
            vm.perform(CashierAction.QUANTITY);
            vm.entryText().set(step.substring("qty:".length()));
            vm.confirmEntry();
        } else if (step.equals("remove")) {
            vm.perform(CashierAction.REMOVE);
        } else if (step.startsWith("search:")) {
            vm.perform(CashierAction.SEARCH);
            vm.search().query().set(step.substring("search:".length()));
        } else if (!step.isEmpty()) {
            vm.scanned(step);
        }
    }

    private void save(Scene scene) {
        WritableImage image = scene.snapshot(null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            ImageIO.write(buffered, "png", file.toFile());
            LOG.info("screenshot saved to {}", file.toAbsolutePath());
        } catch (IOException e) {
            LOG.error("cannot save the screenshot to {}", file, e);
        }
    }
}
