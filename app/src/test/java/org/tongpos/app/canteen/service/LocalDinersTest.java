package org.tongpos.app.canteen.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.store.LocalDinerStore;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;

/** Diners kept on the terminal: CSV import all or nothing, lookups, top-ups and subsidies with their ledger. */
class LocalDinersTest {

    private static final String HEADER = "diner_id,staff_no,name,department,diner_type,card_uid\n";

    @TempDir
    Path dir;
    private Terminal terminal;

    @BeforeEach
    void open() {
        terminal = Terminal.open(dir, TerminalFixture.FIXED_CLOCK);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private LocalDiners.ImportOutcome importCsv(String csv) throws IOException {
        return terminal.canteen().localDiners().importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> problems(LocalDiners.ImportOutcome outcome, Messages messages) {
        return outcome.problems().stream().map(p -> p.text(messages)).toList();
    }

    @Test
    void aGoodFileImportsEveryDinerFindableByCardStaffNumberNameAndInitials() throws IOException {
        LocalDiners.ImportOutcome outcome = importCsv("\uFEFF" + HEADER
                + "S001,1001,周敏,办公室,staff,04d1e2f3a4b501\r\n"
                + "S002,,吴刚,财务科,STUDENT,\r\n\r\n"
                + "\"S003\",1003,\"郑丽\",纪检监察室,STAFF,04D1E2F3A4B503\r\n");

        assertThat(outcome.imported()).isTrue();
        assertThat(outcome.added()).isEqualTo(3);
        DinerDirectory diners = terminal.canteen().diners();
        assertThat(diners.byCardUid("04D1E2F3A4B501").map(DinerAccount::dinerId)).contains("S001");
        assertThat(diners.byDinerIdOrStaffNo("1003").map(DinerAccount::name)).contains("郑丽");
        assertThat(diners.byDinerId("S002").map(DinerAccount::dinerType)).contains("STUDENT");
        assertThat(diners.find("wg")).extracting(DinerAccount::dinerId).containsExactly("S002");
        assertThat(diners.find("郑")).extracting(DinerAccount::dinerId).containsExactly("S003");
        assertThat(diners.find("04d1e2f3a4b501")).extracting(DinerAccount::dinerId).containsExactly("S001");
        assertThat(diners.byDinerId("S001").orElseThrow().accountId()).isEqualTo("L-S001");
    }

    @Test
    void aFileWithAnyBadRowImportsNothingAndSaysEveryLineWhy() throws IOException {
        LocalDiners.ImportOutcome outcome = importCsv(HEADER
                + "S001,1001,周敏,办公室,STAFF,04D1E2F3A4B501\n"
                + "S 2,,吴刚,财务科,staff member,\n"
                + "S003,1001,郑丽,纪检监察室,STAFF,04D1E2F3A4B501\n"
                + "S004,,,,STAFF,XYZ\n");

        assertThat(outcome.imported()).isFalse();
        assertThat(problems(outcome, Messages.of(Messages.CHINESE))).containsExactly(
                "第 3 行：就餐人员编号“S 2”应为 1 到 32 个字母、数字、下划线或连字符；类别“STAFF MEMBER”应为大写字母、数字和下划线，如 STAFF",
                "第 4 行：卡 04D1E2F3A4B501 已在第 2 行出现；工号 1001 已在第 2 行出现",
                "第 5 行：姓名应为 1 到 60 个字符；卡号“XYZ”应为 4 到 10 个字节的十六进制数（8 到 20 位，偶数位）");
        assertThat(terminal.canteen().diners().localCount()).isZero();
    }

    @Test
    void missingColumnsAndNonUtf8FilesAreRefusedAsAWhole() throws IOException {
        assertThat(problems(importCsv("diner_id,name\nS001,周敏\n"), Messages.of(java.util.Locale.ROOT)))
                .containsExactly("line 1: Missing column(s) diner_type; the header needs diner_id,name,diner_type and "
                        + "may have staff_no,department,card_uid");
        LocalDiners.ImportOutcome gbk = terminal.canteen().localDiners().importCsv(new ByteArrayInputStream(
                (HEADER + "S001,,周敏,,STAFF,\n").getBytes(java.nio.charset.Charset.forName("GB18030"))));
        assertThat(gbk.problems()).extracting(DinerCsvReader.Problem::line).containsExactly(0L);
    }

    @Test
    void reimportingUpdatesByDinerIdKeepsTheMoneyAndRefusesACardOfSomeoneElse() throws IOException {
        importCsv(HEADER + "S001,1001,周敏,办公室,STAFF,04D1E2F3A4B501\nS002,1002,吴刚,财务科,STAFF,04D1E2F3A4B502\n");
        terminal.canteen().localDiners().topUp("S001", Money.parseYuan("50"), "test", "");

        LocalDiners.ImportOutcome swap = importCsv(HEADER + "S001,1001,周敏,后勤,STAFF,04D1E2F3A4B502\n"
                + "S002,1002,吴刚,财务科,STAFF,04D1E2F3A4B501\n");
        assertThat(swap.imported()).as("two diners may swap cards in one file").isTrue();
        assertThat(swap.updated()).isEqualTo(2);
        DinerAccount moved = terminal.canteen().diners().byDinerId("S001").orElseThrow();
        assertThat(moved.department()).isEqualTo("后勤");
        assertThat(moved.balance()).isEqualTo(Money.parseYuan("50"));

        LocalDiners.ImportOutcome taken = importCsv(HEADER + "S003,,郑丽,,STAFF,\nS004,,孙强,,STAFF,04D1E2F3A4B502\n");
        assertThat(taken.imported()).isFalse();
        assertThat(problems(taken, Messages.of(Messages.CHINESE)))
                .containsExactly("第 3 行：卡 04D1E2F3A4B502 已属于就餐人员 S001");
        assertThat(terminal.canteen().diners().byDinerId("S003")).as("nothing of the file").isEmpty();
    }

    @Test
    void topUpsAndSubsidiesMoveTheBalancesAndAreKeptInTheLedger() throws IOException {
        importCsv(HEADER + "S001,1001,周敏,办公室,STAFF,\n");
        LocalDiners diners = terminal.canteen().localDiners();
        diners.topUp("1001", Money.parseYuan("100"), "001", "现金");
        diners.subsidy("S001", Money.parseYuan("300"), "001", "十二月补贴");
        diners.subsidy("S001", Money.parseYuan("-120.50"), "001", "过期");

        DinerAccount account = terminal.canteen().diners().byDinerId("S001").orElseThrow();
        assertThat(account.balance()).isEqualTo(Money.parseYuan("100"));
        assertThat(account.subsidy()).isEqualTo(Money.parseYuan("179.50"));
        assertThat(diners.ledger("S001")).extracting(LocalDinerStore.LedgerEntry::kind, e -> e.amount().toYuanString(),
                        e -> e.subsidyAfter().toYuanString(), e -> e.balanceAfter().toYuanString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDinerStore.LedgerKind.TOPUP, "100.00", "0.00", "100.00"),
                        org.assertj.core.groups.Tuple.tuple(LocalDinerStore.LedgerKind.SUBSIDY, "300.00", "300.00",
                                "100.00"),
                        org.assertj.core.groups.Tuple.tuple(LocalDinerStore.LedgerKind.SUBSIDY, "-120.50", "179.50",
                                "100.00"));

        assertThatThrownBy(() -> diners.subsidy("S001", Money.parseYuan("-200"), "001", ""))
                .isInstanceOfSatisfying(RuleProblem.class, p -> assertThat(p.key()).isEqualTo("diner.money.subsidyBelowZero"));
        assertThatThrownBy(() -> diners.topUp("S001", Money.parseYuan("-1"), "001", ""))
                .isInstanceOfSatisfying(RuleProblem.class, p -> assertThat(p.key()).isEqualTo("diner.money.badTopUp"));
        assertThatThrownBy(() -> diners.topUp("S001", Money.parseYuan("10000.01"), "001", ""))
                .isInstanceOf(RuleProblem.class);
        assertThatThrownBy(() -> diners.topUp("NOBODY", Money.parseYuan("1"), "001", ""))
                .isInstanceOfSatisfying(RuleProblem.class, p -> assertThat(p.key()).isEqualTo("diner.unknown"));
        assertThat(diners.ledger("S001")).as("refused movements leave no line").hasSize(3);
    }
}
