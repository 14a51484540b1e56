package org.tongpos.app.promoscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.promoscreen.ui.PromotionScreenViewModel.Step;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;

/** The promotions screen without JavaFX: who may open it, the form round trip, refusals, switching off, import. */
class PromotionScreenViewModelTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private Session who;
    private PromotionScreenViewModel vm;
    private final List<Notice> tillNotices = new ArrayList<>();

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir.resolve("till"));
        vm = new PromotionScreenViewModel(terminal.promotions().promotions(), new DirectTaskRunner(), () -> who,
                terminal.messages());
        vm.onTillNotice(tillNotices::add);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private Session as(String number) {
        return Session.loggedIn(terminal.operators().operators().find(number).orElseThrow(),
                terminal.clock().instant());
    }

    @Test
    void anAuditorIsToldAndTheScreenStaysShut() {
        who = as("004");
        vm.open();
        assertThat(vm.step().get()).isEqualTo(Step.NONE);
        assertThat(tillNotices).singleElement().satisfies(n -> assertThat(n.isError()).isTrue());
    }

    @Test
    void aPromotionEditedOnTheFormIsSavedAsTheImportWouldReadIt() throws Exception {
        who = as("003");
        vm.open();
        assertThat(vm.step().get()).isEqualTo(Step.LIST);
        vm.add();
        vm.form().set("id=COLA-10\nname=可乐九折\nkind=percent_off\ntarget=product\ntargets="
                + TerminalFixture.COLA + "\npercent=10\n");
        assertThat(vm.save()).isTrue();
        assertThat(vm.step().get()).isEqualTo(Step.LIST);
        assertThat(vm.rows()).singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("可乐九折"));

        vm.edit();
        assertThat(vm.form().get()).contains("id=COLA-10\n", "percent=10\n", "active=yes\n");
        vm.form().set(vm.form().get().replace("percent=10", "percent=300"));
        vm.save();
        assertThat(vm.step().get()).isEqualTo(Step.EDIT);
        assertThat(vm.problems().get()).isNotBlank();
        assertThat(terminal.promotions().promotions().find("COLA-10").orElseThrow().terms().percent()).isEqualTo(10);
        vm.form().set("not a column line");
        assertThat(vm.save()).isFalse();
        vm.cancel();

        vm.toggle();
        assertThat(terminal.promotions().promotions().find("COLA-10").orElseThrow().active()).isFalse();
        assertThat(vm.rows().get(0).active()).isFalse();
    }

    @Test
    void aBadFileImportsNothingAndListsItsLines() throws Exception {
        who = as("003");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,name,kind,target,targets,percent\n"
                + "X,ok,percent_off,product," + TerminalFixture.COLA + ",10\n"
                + "Y,bad,percent_off,product," + TerminalFixture.COLA + ",200\n", StandardCharsets.UTF_8);
        Path good = Files.writeString(dir.resolve("good.csv"), "id,name,kind,target,targets,percent\n"
                + "X,ok,percent_off,product," + TerminalFixture.COLA + ",10\n", StandardCharsets.UTF_8);
        vm.open();
        vm.startImport();
        vm.file().set(bad.toString());
        vm.importFile();
        assertThat(vm.problems().get()).contains("第 3 行");
        assertThat(vm.step().get()).isEqualTo(Step.IMPORT);
        assertThat(terminal.promotions().promotions().all()).isEmpty();
        vm.file().set(good.toString());
        vm.importFile();
        assertThat(vm.step().get()).isEqualTo(Step.LIST);
        assertThat(vm.rows()).hasSize(1);
    }
}
