package org.tongpos.hardware.sim;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.ReportingDevice;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.escpos.EscPosRenderer;
import org.tongpos.hardware.printer.PrinterException;
import org.tongpos.hardware.printer.PrinterSettings;
import org.tongpos.hardware.printer.PrinterStatus;
import org.tongpos.hardware.printer.ReceiptPrinter;

/**
 * A receipt printer for demos and training: checks each job is valid ESC/POS, keeps it, and renders it as the paper
 * would look. Paper-out can be switched on to practise the error path.
 */
public final class SimulatedPrinter extends ReportingDevice implements ReceiptPrinter {

    private final EscPosRenderer renderer;
    private final List<byte[]> jobs = new ArrayList<>();
    private int drawerOpenings;
    private boolean paperOut;

    public SimulatedPrinter(int paperDots, Clock clock) {
        super("simulated printer", clock);
        this.renderer = new EscPosRenderer(paperDots);
        reporter.connected();
    }

    @Override
    public synchronized void print(byte[] job) throws PrinterException {
        if (paperOut) {
            reporter.error(DeviceReason.of(Code.PAPER_OUT));
            throw new PrinterException(DeviceReason.of(Code.PAPER_OUT), false, null);
        }
        try {
            EscPosDecoder.decode(job);
        } catch (IllegalArgumentException e) {
            throw new PrinterException(DeviceReason.of(Code.PRINT_JOB_INVALID, e.getMessage()), false, e);
        }
        jobs.add(job.clone());
        reporter.connected();
    }

    @Override
    public synchronized void openDrawer() {
        drawerOpenings++;
    }

    @Override
    public synchronized PrinterStatus queryStatus() {
        return paperOut ? new PrinterStatus(true, true, false, true, true, false) : PrinterStatus.ready();
    }

    public synchronized void setPaperOut(boolean out) {
        paperOut = out;
        if (out) {
            reporter.error(DeviceReason.of(Code.PAPER_OUT));
        } else {
            reporter.connected();
        }
    }

    public synchronized List<byte[]> jobs() {
        return List.copyOf(jobs);
    }

    public synchronized int drawerOpenings() {
        return drawerOpenings;
    }

    /** The last receipt as it would come out of the printer. */
    public synchronized Optional<BufferedImage> lastReceipt() {
        return jobs.isEmpty() ? Optional.empty() : Optional.of(renderer.render(jobs.get(jobs.size() - 1)));
    }

    @Override
    public PrinterSettings settings() {
        return PrinterSettings.defaults();
    }

    @Override
    public void close() {
        reporter.closed();
    }
}
