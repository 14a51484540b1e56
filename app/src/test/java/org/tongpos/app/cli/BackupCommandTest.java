package org.tongpos.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.logging.TerminalLogging;

class BackupCommandTest {

    private static final String BANK_KEY = "c2VjcmV0LWtleS1mb3ItdGhlLWJhbmstMDEyMzQ1Njc=";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Path data, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return TongPosCommand.run(d -> {
            throw new AssertionError("a command must not start the GUI");
        }, new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void createVerifyAndRestoreSayWhatTheyDidAndExitAsDocumented() throws Exception {
        Path data = dir.resolve("till");
        assertThat(run(data, "demo-data", "--products", "50")).isZero();
        assertThat(run(data, "sale", TerminalFixture.COLA, "--pay", "CASH:5")).isZero();
        Path file = dir.resolve("usb").resolve("till.zip");
        assertThat(run(data, "backup", "create", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("备份已完成：" + file, "终端 T0001，流水至第 1 条", "SHA-256");

        assertThat(run(data, "backup", "verify", file.toString())).isZero();
        assertThat(out.toString()).contains("备份完好", "流水至第 1 条");

        assertThat(run(data, "sale", TerminalFixture.PEPSI, "--pay", "CASH:5")).isZero();
        assertThat(run(data, "backup", "restore", file.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("已从 " + file.toAbsolutePath() + " 恢复", "恢复前的数据库已移到",
                "流水校验通过：共 1 条");
        assertThat(err.toString()).contains("本终端原有流水比备份多 1 条");

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Path corrupt = dir.resolve("corrupt.zip");
        Files.write(corrupt, bytes);
        assertThat(run(data, "backup", "verify", corrupt.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("已损坏或不是通POS 备份");
        assertThat(run(data, "backup", "restore", corrupt.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("拒绝使用，未做任何更改");
        assertThat(run(data, "journal", "verify")).isZero();
        assertThat(out.toString()).contains("共 1 条");

        assertThat(run(data, "backup", "create")).isZero();
        assertThat(out.toString()).contains(data.resolve("backups").resolve("tongpos-T0001-").toString());
    }

    @Test
    void theSupportBundleHasLogsConfigurationAndStatesButNoSecretValues() throws Exception {
        Path data = dir.resolve("till");
        assertThat(run(data, "demo-data", "--products", "50")).isZero();
        assertThat(run(data, "config", "set", "bank.key", BANK_KEY)).isZero();
        assertThat(run(data, "config", "set", "device.face.password", "hunter2-face")).isZero();
        assertThat(run(data, "sale", TerminalFixture.COLA, "--pay", "CASH:5")).isZero();
        // a line some code might have logged before masking existed
        Path log = TerminalLogging.logFolder(data).resolve("tongpos.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "2026-11-30 12:00:00.000 WARN [main] x - bank.key=" + BANK_KEY
                + " device.face.password=hunter2-face\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);

        Path bundle = dir.resolve("support.zip");
        assertThat(run(data, "support", "bundle", bundle.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("支持包已写入");

        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                entries.put(entry.getName(), bytes.toString(StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKeys("version.txt", "config.txt", "devices.txt", "journal.txt", "sync.txt",
                "backups.txt", "data-directory.txt", "logs/tongpos.log");
        entries.forEach((name, text) -> assertThat(text).as(name).doesNotContain(BANK_KEY).doesNotContain("hunter2"));
        assertThat(entries.get("config.txt")).contains("bank.key=********", "device.face.password=********",
                "terminal.id=T0001");
        assertThat(entries.get("version.txt")).startsWith("TongPOS ").contains("Java ");
        assertThat(entries.get("journal.txt")).contains("head.seq=1", "verify=ok");
        assertThat(entries.get("devices.txt")).contains("printer: address=sim:");
        assertThat(entries.get("sync.txt")).contains("bank=not configured");
        assertThat(entries.get("logs/tongpos.log")).contains("bank.key=********");
    }
}
