package org.tongpos.hardware.printer;

import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.device.DeviceState;
import org.tongpos.hardware.device.ReportingDevice;
import org.tongpos.hardware.escpos.EscPosEncoder;
import org.tongpos.hardware.link.ByteLink;
import org.tongpos.hardware.link.LinkWriteException;

/**
 * An ESC/POS printer behind a {@link ByteLink} (TCP 9100, serial, USB device file). Connects on demand and again
 * after a failure; asks the real-time status around each job when the settings say the printer answers.
 */
public final class EscPosPrinter extends ReportingDevice implements ReceiptPrinter {

    private static final Logger LOG = LoggerFactory.getLogger(EscPosPrinter.class);
    private static final byte[] DRAWER_KICK = new EscPosEncoder().drawerKick().toBytes();

    private final ByteLink link;
    private final PrinterSettings settings;

    public EscPosPrinter(ByteLink link, PrinterSettings settings, Clock clock) {
        super("printer " + link.description(), clock);
        this.link = link;
        this.settings = link.canRead() ? settings : settings.withStatusCheck(PrinterSettings.StatusCheck.OFF);
    }

    @Override
    public synchronized void print(byte[] job) throws PrinterException {
        try {
            send(job);
        } finally {
            release();
        }
    }

    private void send(byte[] job) throws PrinterException {
        connect();
        requireReady("before printing");
        reporter.busy(DeviceReason.of(Code.PRINTING));
        try {
            link.write(job);
        } catch (LinkWriteException e) {
            boolean partly = e.bytesWritten() > 0;
            fail(e.reason());
            throw new PrinterException(e.reason(), e.getMessage(), partly, e);
        } catch (IOException e) {
            DeviceReason why = DeviceReason.from(e, link.description() + " write failed");
            fail(why);
            throw new PrinterException(why, e.getMessage(), false, e);
        }
        PrinterStatus after;
        try {
            after = readStatus();
        } catch (PrinterException e) {
            // the whole job went out before this failed: it may well be on paper, so never repeat it automatically
            throw new PrinterException(e.reason(), "job sent, then " + e.getMessage(), true, e);
        }
        if (after.problem().isPresent()) {
            DeviceReason problem = after.problem().get();
            reporter.error(problem);
            throw new PrinterException(problem, "printer reported " + problem + " after the job was sent", true, null);
        }
        if (settings.statusCheck() == PrinterSettings.StatusCheck.REQUIRED && !after.answered()) {
            DeviceReason silent = DeviceReason.of(Code.PRINTER_SILENT);
            fail(silent);
            throw new PrinterException(silent, "printer did not answer after the job was sent within "
                    + settings.statusTimeout().toMillis() + " ms", true, null);
        }
        reportReady(after);
    }

    /** Ready, with a warning the cashier should see early: the roll is nearly used up. */
    private void reportReady(PrinterStatus status) {
        if (status.paperNearEnd()) {
            reporter.report(DeviceState.CONNECTED, DeviceReason.of(Code.PAPER_NEAR_END));
        } else {
            reporter.connected();
        }
    }

    /** Closes the connection between jobs when the settings say so; the status stays what the job found. */
    private void release() {
        if (settings.closeAfterJob()) {
            link.close();
        }
    }

    @Override
    public synchronized void openDrawer() throws PrinterException {
        try {
            connect();
            link.write(DRAWER_KICK);
        } catch (IOException e) {
            DeviceReason why = DeviceReason.from(e, link.description() + " write failed");
            fail(why);
            throw new PrinterException(why, "drawer did not open: " + e.getMessage(), false, e);
        } finally {
            release();
        }
    }

    /** Asks the printer now; {@link PrinterStatus#noAnswer()} if it is silent or the link is write-only. */
    @Override
    public synchronized PrinterStatus queryStatus() throws PrinterException {
        PrinterStatus status;
        try {
            connect();
            status = readStatus();
        } finally {
            release();
        }
        status.problem().ifPresentOrElse(reporter::error, () -> {
            if (status.answered() || settings.statusCheck() != PrinterSettings.StatusCheck.REQUIRED) {
                reportReady(status);
            } else {
                reporter.error(DeviceReason.of(Code.PRINTER_SILENT));
            }
        });
        return status;
    }

    @Override
    public PrinterSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        link.close();
        reporter.closed();
    }

    private void connect() throws PrinterException {
        if (link.isOpen()) {
            return;
        }
        try {
            link.open();
            reporter.connected();
        } catch (IOException e) {
            DeviceReason why = DeviceReason.from(e, "cannot open " + link.description());
            fail(why);
            throw new PrinterException(why, e.getMessage(), false, e);
        }
    }

    private void requireReady(String when) throws PrinterException {
        PrinterStatus before = readStatus();
        if (before.problem().isPresent()) {
            reporter.error(before.problem().get());
            throw new PrinterException(before.problem().get(), false, null);
        }
        if (settings.statusCheck() == PrinterSettings.StatusCheck.REQUIRED && !before.answered()) {
            DeviceReason silent = DeviceReason.of(Code.PRINTER_SILENT);
            fail(silent);
            throw new PrinterException(silent, "printer did not answer the status request " + when + " within "
                    + settings.statusTimeout().toMillis() + " ms", false, null);
        }
    }

    private PrinterStatus readStatus() throws PrinterException {
        if (settings.statusCheck() == PrinterSettings.StatusCheck.OFF) {
            return PrinterStatus.noAnswer();
        }
        try {
            link.discardInput();
            int printer = ask(1);
            if (printer < 0) {
                return PrinterStatus.noAnswer();
            }
            int offlineCause = ask(2);
            int paper = ask(4);
            if (offlineCause < 0 || paper < 0) {
                return PrinterStatus.noAnswer();
            }
            return PrinterStatus.fromAnswers(printer, offlineCause, paper);
        } catch (IllegalArgumentException e) {
            LOG.warn("printer {} gave a malformed status answer: {}", link.description(), e.getMessage());
            return PrinterStatus.noAnswer();
        } catch (IOException e) {
            DeviceReason why = DeviceReason.from(e, link.description() + " failed");
            fail(why);
            throw new PrinterException(why, e.getMessage(), false, e);
        }
    }

    private int ask(int function) throws IOException {
        link.write(new byte[] {0x10, 0x04, (byte) function});
        byte[] answer = new byte[1];
        long deadline = System.nanoTime() + settings.statusTimeout().toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            int n = link.read(answer, 0, 1, java.time.Duration.ofNanos(left));
            if (n == 1 && PrinterStatus.isStatusByte(answer[0] & 0xFF)) {
                return answer[0] & 0xFF;
            }
        }
    }

    private void fail(DeviceReason reason) {
        link.close();
        reporter.error(reason);
    }
}
