package org.tongpos.app.shell;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
 * line's quantity, {@code remove} to remove it — above {@code void.approval-above} that opens the approval prompt) on
 * the ready window, lets it settle, saves it as PNG and closes it.
 */
final class ScreenshotScript {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotScript.class);
    private static final Duration SETTLE = Duration.millis(500);

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
        for (String step : steps) {
            perform(vm, step.strip());
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
