package org.tongpos.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Customer;
import org.tongpos.app.cli.CliRun;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.storage.DirectoryLock;

/**
 * {@code promo import} while the window owns the data directory: the window imports the file in its own process, so
 * the till's next scan is priced with it (no restart); a bad file changes nothing and says {@code 第 N 行}.
 */
class WindowPromoImportTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();

    @Test
    void anImportWhileTheWindowRunsPricesTheNextScan() throws Exception {
        Path data = dir.resolve("till");
        Path good = Files.writeString(dir.resolve("good.csv"), "id,name,kind,target,targets,percent\n"
                + "COLA-10,可乐九折,percent_off,product," + TerminalFixture.COLA + ",10\n", StandardCharsets.UTF_8);
        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,name,kind,target,targets,percent\n"
                + "X,好的,percent_off,product," + TerminalFixture.COLA + ",10\n"
                + "Y,坏的,percent_off,product," + TerminalFixture.COLA + ",200\n", StandardCharsets.UTF_8);
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(data);
             DirectoryLock window = DirectoryLock.tryAcquire(data, DirectoryLock.Holder.WINDOW).orElseThrow();
             SingleWindow single = SingleWindow.listen()) {
            window.describe("zh_CN", single.port(), single.token());
            single.onPromoImport(request -> PromoImportAnswer.answer(terminal, request));
            Cart cart = new Cart();
            terminal.checkout().scan(cart, TerminalFixture.COLA);
            assertThat(terminal.checkout().price(cart, Customer.NOBODY).payable().fen()).isEqualTo(300);

            assertThat(cli.run(data, "promo", "import", bad.toString())).isEqualTo(2);
            assertThat(cli.err()).contains("第 3 行");
            assertThat(terminal.promotions().promotions().all()).isEmpty();

            assertThat(cli.run(data, "promo", "import", good.toString(), "--operator", "003"))
                    .as(cli.err()).isZero();
            assertThat(cli.out()).contains("新增 1 条", "下一次扫码");

            // the window's own till, not restarted: the next scan is priced with the new promotion
            terminal.checkout().scan(cart, TerminalFixture.COLA);
            assertThat(terminal.checkout().price(cart, Customer.NOBODY).payable().fen()).isEqualTo(540);
            assertThat(terminal.operators().audit().list(terminal.systemSession(), LocalDate.of(2000, 1, 1),
                    LocalDate.of(2100, 1, 1))).anySatisfy(r -> {
                        assertThat(r.action()).isEqualTo(AuditAction.PROMOTION_CHANGED);
                        assertThat(r.actor()).isEqualTo("003");
                        assertThat(r.detail()).contains("1 added");
                    });
        }
    }
}
