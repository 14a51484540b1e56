package org.tongpos.hardware.display;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.ReportingDevice;
import org.tongpos.hardware.escpos.TextWidth;
import org.tongpos.hardware.link.ByteLink;
import org.tongpos.hardware.receipt.Fen;

/**
 * A CD5220 / PD-2800 command-set customer display: {@code ESC @} init, {@code 0C} clear, {@code ESC Q A} upper line,
 * {@code ESC Q B} lower line (20 columns each, CR-terminated), and on Chinese LED price displays {@code ESC s n}
 * to light the price (1), total (2), paid (3) or change (4) lamp. A failed write marks the display in error; the next
 * update after the backoff delay opens it again, so the display never holds up a sale.
 */
public final class Cd5220Display extends ReportingDevice implements CustomerDisplay {

    public static final int COLUMNS = 20;

    private final ByteLink link;
    private final DisplayMode mode;
    private final Charset charset;
    private final DisplayLabels labels;
    private final Clock clock;
    private final Backoff backoff;
    private int failures;
    private Instant nextAttempt = Instant.MIN;

    public Cd5220Display(ByteLink link, DisplayMode mode, Charset charset, DisplayLabels labels, Clock clock,
                         Backoff backoff) {
        super("display " + link.description(), clock);
        this.link = link;
        this.mode = mode;
        this.charset = charset;
        this.labels = labels;
        this.clock = clock;
        this.backoff = backoff;
    }

    @Override
    public void showItem(String name, long priceFen) {
        if (mode == DisplayMode.PRICE_LED) {
            send(led(1, priceFen));
        } else {
            send(lines(name, rightAligned(labels.currency() + Fen.format(priceFen))));
        }
    }

    @Override
    public void showTotal(long totalFen) {
        if (mode == DisplayMode.PRICE_LED) {
            send(led(2, totalFen));
        } else {
            send(lines(labels.total(), rightAligned(labels.currency() + Fen.format(totalFen))));
        }
    }

    @Override
    public void showPayment(long paidFen, long changeFen) {
        if (mode == DisplayMode.PRICE_LED) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(led(3, paidFen));
            both.writeBytes(led(4, changeFen));
            send(both.toByteArray());
        } else {
            send(lines(spread(labels.paid(), Fen.format(paidFen)), spread(labels.change(), Fen.format(changeFen))));
        }
    }

    @Override
    public void showLines(String upper, String lower) {
        send(lines(upper, lower));
    }

    @Override
    public void clear() {
        send(new byte[] {0x0C});
    }

    private byte[] lines(String upper, String lower) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x0C);
        out.writeBytes(new byte[] {0x1B, 'Q', 'A'});
        out.writeBytes(fit(upper).getBytes(charset));
        out.write('\r');
        out.writeBytes(new byte[] {0x1B, 'Q', 'B'});
        out.writeBytes(fit(lower).getBytes(charset));
        out.write('\r');
        return out.toByteArray();
    }

    private byte[] led(int lamp, long fen) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1B, 's', (byte) ('0' + lamp)});
        out.writeBytes(new byte[] {0x1B, 'Q', 'A'});
        String digits = Fen.format(fen);
        if (digits.replace(".", "").replace("-", "").length() > 8) {
            digits = "99999.99";
        }
        out.writeBytes(digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write('\r');
        return out.toByteArray();
    }

    /** Pads or cuts text to exactly 20 columns, counting double-byte characters as two. */
    static String fit(String text) {
        StringBuilder sb = new StringBuilder(COLUMNS);
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = TextWidth.columns(cp);
            if (used + w > COLUMNS) {
                break;
            }
            sb.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        while (used++ < COLUMNS) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private static String rightAligned(String text) {
        return " ".repeat(Math.max(0, COLUMNS - TextWidth.columns(text))) + text;
    }

    private static String spread(String label, String value) {
        return label + " ".repeat(Math.max(1, COLUMNS - TextWidth.columns(label) - TextWidth.columns(value))) + value;
    }

    private synchronized void send(byte[] bytes) {
        if (!link.isOpen()) {
            if (clock.instant().isBefore(nextAttempt)) {
                return;
            }
            try {
                link.open();
                link.write(new byte[] {0x1B, '@'});
            } catch (IOException e) {
                failed(e);
                return;
            }
        }
        try {
            link.write(bytes);
            failures = 0;
            reporter.connected();
        } catch (IOException e) {
            failed(e);
        }
    }

    private void failed(IOException e) {
        link.close();
        failures++;
        nextAttempt = clock.instant().plus(backoff.delayAfter(failures));
        reporter.error(DeviceReason.from(e, link.description() + " failed"));
    }

    @Override
    public synchronized void close() {
        link.close();
        reporter.closed();
    }
}
