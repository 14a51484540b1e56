package org.tongpos.app.backup.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.tongpos.app.backup.service.BackupSchedule;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.NoticeLabel;
import org.tongpos.app.ui.TillExtension;

/**
 * The status bar's backup item: when the last backup was made ({@code 备份 12-05 03:10}), in red when it is older than
 * two days or there is none, or when the last daily backup failed. Fed by the {@link BackupSchedule}'s checks,
 * handed to the FX thread.
 */
public final class BackupStatusBar implements TillExtension {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ZoneId zone;
    private final Executor fx;

    public BackupStatusBar(ZoneId zone, Executor fx) {
        this.zone = zone;
        this.fx = fx;
    }

    /** Shows a status; may be called on any thread. */
    public void show(BackupSchedule.Status status) {
        Notice next = noticeFor(status, zone);
        fx.execute(() -> notice.set(next));
    }

    static Notice noticeFor(BackupSchedule.Status status, ZoneId zone) {
        if (status.failure().isPresent()) {
            return Notice.error("backup.status.failed", status.folder());
        }
        if (status.last().isEmpty()) {
            return Notice.error("backup.status.never");
        }
        String when = WHEN.format(status.last().get().atZone(zone));
        return status.old() ? Notice.error("backup.status.old", when) : Notice.info("backup.status.last", when);
    }

    public ObjectProperty<Notice> notice() {
        return notice;
    }

    @Override
    public List<Node> statusItems(Messages messages) {
        Label label = new NoticeLabel(notice, messages);
        label.setId("backup-status");
        label.setMaxWidth(Label.USE_PREF_SIZE);
        label.setWrapText(false);
        return List.of(label);
    }
}
