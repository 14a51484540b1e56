package org.tongpos.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.backup.service.BackupSchedule;
import org.tongpos.app.backup.service.Backups;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.testkit.MutableClock;

class BackupScheduleTest {

    @TempDir
    Path dir;

    @Test
    void aDailyBackupIsMadeWhenDueIntoTheConfiguredFolderKeepingTheLastN() {
        MutableClock clock = MutableClock.at("2026-11-30T01:00:00Z");
        Path usb = dir.resolve("usb");
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir.resolve("till"), clock)) {
            terminal.settings().set(SettingKey.BACKUP_FOLDER, usb.toString());
            terminal.settings().set(SettingKey.BACKUP_KEEP, "2");
            BackupSchedule schedule = terminal.backupSchedule();

            BackupSchedule.Status none = schedule.status();
            assertThat(none.last()).isEmpty();
            assertThat(none.old()).isTrue();

            assertThat(schedule.runIfDue()).isPresent();
            assertThat(schedule.status().last()).contains(Instant.parse("2026-11-30T01:00:00Z"));
            assertThat(schedule.status().old()).isFalse();
            assertThat(schedule.runIfDue()).as("made today already").isEmpty();
            clock.advance(Duration.ofHours(23));
            assertThat(schedule.runIfDue()).isEmpty();
            clock.advance(Duration.ofHours(1));
            assertThat(schedule.runIfDue()).isPresent();
            clock.advance(Duration.ofDays(1));
            assertThat(schedule.runIfDue()).isPresent();

            List<Path> kept = Backups.list(usb);
            assertThat(kept).extracting(p -> p.getFileName().toString())
                    .containsExactly("tongpos-T0001-20261202-010000.zip",
                            "tongpos-T0001-20261201-010000.zip");
            kept.forEach(Backups::verify);

            terminal.settings().set(SettingKey.BACKUP_DAILY, "false");
            clock.advance(Duration.ofHours(49));
            assertThat(schedule.runIfDue()).isEmpty();
            assertThat(schedule.status().old()).as("two days without a backup").isTrue();
            assertThat(schedule.status().last()).contains(Instant.parse("2026-12-02T01:00:00Z"));
        }
    }

    @Test
    void aBackupThatCannotBeWrittenIsReportedAndTheNextCheckTriesAgain() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-30T01:00:00Z");
        Path notAFolder = dir.resolve("usb-missing");
        Files.writeString(notAFolder, "a file where the folder should be");
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir.resolve("till"), clock)) {
            terminal.settings().set(SettingKey.BACKUP_FOLDER, notAFolder.toString());
            BackupSchedule schedule = terminal.backupSchedule();
            assertThat(schedule.runIfDue()).isEmpty();
            assertThat(schedule.status().failure()).isPresent();

            Files.delete(notAFolder);
            assertThat(schedule.runIfDue()).isPresent();
            assertThat(schedule.status().failure()).isEmpty();
            assertThat(schedule.status().old()).isFalse();
        }
    }
}
