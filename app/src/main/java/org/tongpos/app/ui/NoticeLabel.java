package org.tongpos.app.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import org.tongpos.app.i18n.Messages;

/** A label that shows a {@link Notice} in the screen's language: red for errors, green for information. */
public final class NoticeLabel extends Label {

    public static final String ERROR = "notice-error";
    public static final String INFO = "notice-info";

    private final Messages messages;

    public NoticeLabel(ObservableValue<Notice> notice, Messages messages) {
        this(notice, messages, new Subscriptions());
    }

    public NoticeLabel(ObservableValue<Notice> notice, Messages messages, Subscriptions subscriptions) {
        this.messages = messages;
        getStyleClass().add("notice");
        setMaxWidth(Double.MAX_VALUE);
        setWrapText(true);
        show(notice.getValue());
        subscriptions.onChange(notice, (obs, old, now) -> show(now));
    }

    /** Takes no room while there is nothing to say (in dialogs; the main screen keeps its place to avoid jumps). */
    public NoticeLabel collapsing() {
        managedProperty().bind(visibleProperty());
        return this;
    }

    private void show(Notice notice) {
        getStyleClass().removeAll(ERROR, INFO);
        if (notice == null) {
            setText("");
            setVisible(false);
            return;
        }
        setText(notice.text(messages));
        getStyleClass().add(notice.isError() ? ERROR : INFO);
        setVisible(true);
    }
}
