package org.tongpos.app.checkout.ui;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The status bar's changing part: the date and time of the terminal's clock, refreshed by the view. */
public final class StatusBarViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;
    private final StringProperty time = new SimpleStringProperty("");

    public StatusBarViewModel(Clock clock) {
        this.clock = clock;
        refresh();
    }

    public ReadOnlyStringProperty time() {
        return time;
    }

    public void refresh() {
        time.set(TIME.format(ZonedDateTime.now(clock)));
    }
}
