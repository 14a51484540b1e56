package org.tongpos.hardware.sim;

import java.time.Clock;
import org.tongpos.hardware.device.ReportingDevice;
import org.tongpos.hardware.display.CustomerDisplay;
import org.tongpos.hardware.display.DisplayLabels;
import org.tongpos.hardware.escpos.TextWidth;
import org.tongpos.hardware.receipt.Fen;

/** A two-line customer display on screen: keeps what a CD5220 would show. */
public final class SimulatedDisplay extends ReportingDevice implements CustomerDisplay {

    private static final int COLUMNS = 20;

    private final DisplayLabels labels;
    private volatile String upper = "";
    private volatile String lower = "";

    public SimulatedDisplay(DisplayLabels labels, Clock clock) {
        super("simulated display", clock);
        this.labels = labels;
        reporter.connected();
    }

    @Override
    public void showItem(String name, long priceFen) {
        showLines(name, labels.currency() + Fen.format(priceFen));
    }

    @Override
    public void showTotal(long totalFen) {
        showLines(labels.total(), labels.currency() + Fen.format(totalFen));
    }

    @Override
    public void showPayment(long paidFen, long changeFen) {
        showLines(labels.paid() + " " + Fen.format(paidFen), labels.change() + " " + Fen.format(changeFen));
    }

    @Override
    public void showLines(String upperLine, String lowerLine) {
        upper = fit(upperLine);
        lower = fit(lowerLine);
    }

    @Override
    public void clear() {
        upper = "";
        lower = "";
    }

    public String upper() {
        return upper;
    }

    public String lower() {
        return lower;
    }

    private static String fit(String text) {
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (used + TextWidth.columns(cp) > COLUMNS) {
                break;
            }
            sb.appendCodePoint(cp);
            used += TextWidth.columns(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        reporter.closed();
    }
}
