package org.tongpos.app.backup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tongpos.app.backup.service.BackupException;
import org.tongpos.app.backup.service.BackupSchedule;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.Notice;

class BackupStatusBarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Path FOLDER = Path.of("/media/usb");

    private static String say(BackupSchedule.Status status, String locale) {
        return BackupStatusBar.noticeFor(status, SHANGHAI).text(Messages.forSetting(locale));
    }

    @Test
    void saysWhenTheLastBackupWasMadeAndWarnsWhenItIsOldNeverMadeOrFailed() {
        Instant last = Instant.parse("2026-12-04T19:10:00Z");
        BackupSchedule.Status recent = new BackupSchedule.Status(FOLDER, Optional.of(last), false, true, Optional.empty());
        assertThat(say(recent, "zh_CN")).isEqualTo("备份 12-05 03:10");
        assertThat(say(recent, "en")).isEqualTo("Backup 12-05 03:10");
        assertThat(BackupStatusBar.noticeFor(recent, SHANGHAI).isError()).isFalse();

        BackupSchedule.Status old = new BackupSchedule.Status(FOLDER, Optional.of(last), true, true, Optional.empty());
        Notice oldNotice = BackupStatusBar.noticeFor(old, SHANGHAI);
        assertThat(oldNotice.isError()).isTrue();
        assertThat(oldNotice.text(Messages.forSetting("zh_CN"))).isEqualTo("备份已过期：最近一次 12-05 03:10");

        BackupSchedule.Status never = new BackupSchedule.Status(FOLDER, Optional.empty(), true, true, Optional.empty());
        assertThat(say(never, "zh_CN")).isEqualTo("尚无备份");

        BackupSchedule.Status failed = new BackupSchedule.Status(FOLDER, Optional.of(last), false, true, Optional.of(
                new BackupException(BackupException.Kind.FAILED, "backup.failed", null, FOLDER, "disk full")));
        assertThat(BackupStatusBar.noticeFor(failed, SHANGHAI).isError()).isTrue();
        assertThat(say(failed, "en")).isEqualTo("Daily backup failed: /media/usb");
    }
}
