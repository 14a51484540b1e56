package org.tongpos.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCodeCombination;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.tongpos.app.Terminal;
import org.tongpos.app.devices.ui.ReceiptPrinterForScreens;
import org.tongpos.app.returns.ui.ReturnTill;
import org.tongpos.app.settings.ui.UiSettings;
import org.tongpos.app.shell.CashierWindow;
import org.tongpos.app.shifts.ui.ShiftTill;
import org.tongpos.app.suspend.ui.SuspendTill;

/**
 * What the till-screen tests share: the shift, suspend and return extensions wired as the application wires them
 * (GuiLauncher), typing at a person's pace (the wedge detector takes fast bursts for scans), and a snapshot of the
 * window as PNG when {@code -Dtongpos.fxSnapshots=DIR} is set (to look at the screens as a cashier would).
 */
public final class TillScreensSupport {

    /** Slower than any scanner: typed keys are typing, not a scan. */
    public static final int HUMAN_GAP_MS = 90;

    /** The extensions, as the application adds them. */
    public record Screens(ShiftTill shifts, SuspendTill suspend, ReturnTill returns) {
    }

    private TillScreensSupport() {
    }

    public static Screens addTillScreens(CashierWindow window, Terminal terminal, TaskRunner tasks) {
        Map<String, KeyCodeCombination> keys = UiSettings.load(terminal.settings()).commandKeyBindings();
        TillPrinter printer = new ReceiptPrinterForScreens(terminal.saleDevices());
        ShiftTill shifts = ShiftTill.forWindow(terminal, window.viewModel(), window.operatorGate(), tasks, printer,
                keys);
        window.addExtension(shifts);
        SuspendTill suspend = SuspendTill.forWindow(terminal, window.viewModel(), window.operatorGate(), tasks, keys);
        window.addExtension(suspend);
        ReturnTill returns = ReturnTill.forWindow(terminal, window.viewModel(), window.operatorGate(), tasks, printer,
                shifts.viewModel()::readyToSell, keys);
        window.addExtension(returns);
        return new Screens(shifts, suspend, returns);
    }

    /** Types {@code text} into the focused field at a person's pace and waits until it shows there. */
    public static void typeSlowly(FxRobot robot, Scene scene, String text) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        Node focused = scene.getFocusOwner();
        robot.write(text, HUMAN_GAP_MS);
        if (focused instanceof TextField field) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> field.getText().endsWith(text));
        }
        robot.sleep(HUMAN_GAP_MS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the window as {@code DIR/name.png} when {@code tongpos.fxSnapshots} names a directory. */
    public static void snapshot(Scene scene, String name) {
        String directory = System.getProperty("tongpos.fxSnapshots", "");
        if (directory.isBlank()) {
            return;
        }
        try {
            WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(20, TimeUnit.SECONDS);
            BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
            Path file = Path.of(directory, name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("snapshot failed", e);
        }
    }
}
