package org.tongpos.app.bank.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.bank.service.BankTestSupport;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.sync.client.PlainHttpRefusedException;

/** A stored bank.url with plain http:// to another machine: the window's bank status says why it does not connect. */
class PlainHttpBankStatusTest {

    @TempDir
    Path dir;

    @Test
    void theIndicatorAndTheSyncScreenSayThatPlainHttpToAnotherHostIsRefused() throws Exception {
        try (Terminal setup = Terminal.open(dir)) {
            BankTestSupport.configure(setup, "http://bank.example/v1", BankTestSupport.newKey());
        }
        try (Terminal terminal = Terminal.open(dir)) {
            BankIndicatorViewModel indicator = new BankIndicatorViewModel(terminal.bank(), new DirectTaskRunner(), "F9");
            indicator.refresh();
            SyncScreenViewModel screen = new SyncScreenViewModel(terminal.bank(), new DirectTaskRunner(),
                    terminal.clock());
            screen.refresh();

            assertThat(indicator.state().get()).isEqualTo(BankIndicatorViewModel.State.ERROR);
            assertThat(indicator.text().get()).isEqualTo(Notice.error("bank.indicator.plainHttp", "bank.example"));
            assertThat(screen.notice().get()).isEqualTo(Notice.error("bank.plainHttpRefused", "bank.example"));
            assertThat(screen.status().get()).isNull();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> terminal.bank().services()))
                    .isInstanceOf(PlainHttpRefusedException.class);
        }
    }
}
