package org.tongpos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import org.tongpos.app.Terminal;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.settings.domain.SettingKey;
import org.tongpos.sync.sandbox.DemoAccount;
import org.tongpos.sync.sandbox.SandboxBank;
import org.tongpos.sync.sandbox.SandboxBankConfig;

/**
 * A sandbox bank holding many canteen accounts (each opened once: one OPEN change apiece on the feed, no balance),
 * and terminals configured for it with a canteen open all day. Bank and terminals share a fixed clock, so QR codes
 * issued once stay valid for the whole run.
 */
final class CanteenBank implements AutoCloseable {

    static final Instant NOON = Instant.parse("2026-11-30T04:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOON, ZoneOffset.UTC);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
        "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华"};

    final Path directory;
    final SandboxBank bank;
    final String key;
    final int accounts;

    CanteenBank(int accounts) throws IOException {
        this.accounts = accounts;
        directory = Files.createTempDirectory("tongpos-canteen-bench");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = Base64.getEncoder().encodeToString(secret);
        bank = SandboxBank.start(new SandboxBankConfig(0, directory.resolve("bank"), Map.of("T0001", key), "M001"),
                CLOCK);
        Random random = new Random(7);
        List<DemoAccount> open = new ArrayList<>(accounts);
        for (int i = 1; i <= accounts; i++) {
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            open.add(new DemoAccount(accountId(i), "E" + i, name, "部门" + (i % 40), "STAFF", cardUid(i), 0, 0));
        }
        bank.openAccounts(open);
    }

    static String accountId(int i) {
        return String.format("B%07d", i);
    }

    static String cardUid(int i) {
        return String.format("%08X", 0x10000000 + i);
    }

    /** A terminal on a fresh directory, configured for this bank, with a canteen open all day (bank accounts only). */
    Terminal newTerminal(String name) {
        Path dir = directory.resolve(name);
        try (Terminal terminal = Terminal.open(dir, CLOCK)) {
            terminal.settings().set(SettingKey.BANK_URL, bank.apiBaseUrl());
            terminal.settings().set(SettingKey.BANK_KEY, key);
            terminal.settings().set(SettingKey.BANK_MERCHANT, "M001");
        }
        Terminal terminal = Terminal.open(dir, CLOCK);
        terminal.canteen().rules().setPeriod("全天", "00:00-24:00", "1234567", OptionalInt.empty(), "bench");
        terminal.canteen().rules().setPrice("全天", "STAFF", Optional.of(Money.parseYuan("10")),
                new TreeMap<>(), "bench");
        terminal.canteen().rules().setLimit("overdraft", "100", "bench");
        return terminal;
    }

    @Override
    public void close() throws IOException {
        bank.close();
        BenchStore.deleteTree(directory);
    }
}
