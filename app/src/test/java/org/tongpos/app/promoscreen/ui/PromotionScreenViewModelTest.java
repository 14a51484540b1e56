package org.tongpos.app.promoscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.ui.ApprovalViewModel;
import org.tongpos.app.promoscreen.ui.PromotionFormReader.Field;
import org.tongpos.app.promoscreen.ui.PromotionScreenViewModel.Step;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.promotions.domain.TargetType;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;

/**
 * The promotions screen without JavaFX: who may open it, the form filled and saved by a manager, a cashier's save
 * approved by a manager's PIN there and then (and refused without it), a bad form said at its fields with nothing
 * saved, goods added by scan, by code and by category, switching off, and the CSV import.
 */
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
        DirectTaskRunner tasks = new DirectTaskRunner();
        vm = new PromotionScreenViewModel(terminal.promotions().promotions(), new GoodsLookup(terminal.catalog()),
                tasks, () -> who, terminal.messages(), new ApprovalViewModel(terminal.operators().approvals(), tasks,
                        terminal.clock().getZone()));
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

    private List<AuditRecord> promotionChanges() {
        return terminal.operators().audit().list(terminal.systemSession(), LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 1, 1)).stream().filter(r -> r.action() == AuditAction.PROMOTION_CHANGED).toList();
    }

    /** Insert, then 第二件半价 on the cola, its barcode typed and Enter. */
    private PromotionForm secondAtHalfPrice() {
        vm.open();
        assertThat(vm.add()).isTrue();
        assertThat(vm.step().get()).isEqualTo(Step.EDIT);
        PromotionForm f = vm.form().get();
        f.id().set("COLA-2ND");
        f.name().set("可乐第二件半价");
        f.kind().set(PromotionKind.NTH_PERCENT);
        vm.goodsEntry().set(TerminalFixture.COLA);
        assertThat(vm.addGoods()).isTrue();
        f.buyQty().set("2");
        f.percent().set("50");
        return f;
    }

    @Test
    void anAuditorIsToldAndTheScreenStaysShut() {
        who = as("004");
        vm.open();
        assertThat(vm.step().get()).isEqualTo(Step.NONE);
        assertThat(tillNotices).singleElement().satisfies(n -> assertThat(n.isError()).isTrue());
    }

    @Test
    void aManagerFillsTheFormAndSavesWithoutBeingAskedAgain() {
        who = as("003");
        PromotionForm f = secondAtHalfPrice();
        assertThat(f.goods()).singleElement().satisfies(g -> assertThat(g.label()).isNotEqualTo(g.code()));
        assertThat(vm.goodsEntry().get()).isEmpty();

        assertThat(vm.save()).isTrue();

        assertThat(vm.step().get()).isEqualTo(Step.LIST);
        Promotion saved = terminal.promotions().promotions().find("COLA-2ND").orElseThrow();
        assertThat(saved.kind()).isEqualTo(PromotionKind.NTH_PERCENT);
        assertThat(saved.terms().buyQty()).isEqualTo(2);
        assertThat(saved.terms().percent()).isEqualTo(50);
        assertThat(vm.rows()).extracting(Promotion::id).containsExactly("COLA-2ND");
        assertThat(promotionChanges()).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("003");
            assertThat(r.subject()).isEqualTo("COLA-2ND");
        });
    }

    @Test
    void aCashiersSaveAsksForAManagersPinAndIsAuditedWithTheApprover() {
        who = as("001");
        secondAtHalfPrice();

        assertThat(vm.save()).isTrue();
        assertThat(vm.step().get()).isEqualTo(Step.APPROVAL);
        assertThat(terminal.promotions().promotions().all()).isEmpty();

        vm.approvals().operatorNumber().set("002"); // a supervisor may not edit promotions
        vm.approvals().pin().set("2222");
        vm.approvals().confirm();
        assertThat(vm.step().get()).isEqualTo(Step.APPROVAL);
        assertThat(vm.approvals().notice().get().isError()).isTrue();
        assertThat(terminal.promotions().promotions().all()).isEmpty();

        vm.approvals().operatorNumber().set("003");
        vm.approvals().pin().set("3333");
        vm.approvals().confirm();

        assertThat(vm.step().get()).isEqualTo(Step.LIST);
        assertThat(terminal.promotions().promotions().find("COLA-2ND")).isPresent();
        assertThat(vm.notice().get().key()).isEqualTo("promo.screen.savedApproved");
        assertThat(promotionChanges()).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("001");
            assertThat(r.approver()).isEqualTo("003");
        });
    }

    @Test
    void escOnTheApprovalPromptSavesNothingAndKeepsTheForm() {
        who = as("001");
        PromotionForm f = secondAtHalfPrice();
        vm.save();
        assertThat(vm.cancel()).isTrue();

        assertThat(vm.step().get()).isEqualTo(Step.EDIT);
        assertThat(vm.form().get()).isSameAs(f);
        assertThat(f.percent().get()).isEqualTo("50");
        assertThat(vm.notice().get().key()).isEqualTo("promo.form.approvalCancelled");
        assertThat(terminal.promotions().promotions().all()).isEmpty();
        assertThat(promotionChanges()).isEmpty();
    }

    @Test
    void aBadFormIsSaidAtItsFieldsAndNothingChanges() {
        who = as("003");
        PromotionForm f = secondAtHalfPrice();
        f.percent().set("abc");
        f.dateFrom().set("2026-02-30");

        assertThat(vm.save()).isFalse();

        assertThat(vm.step().get()).isEqualTo(Step.EDIT);
        assertThat(vm.problemFields().get()).containsExactlyInAnyOrder(Field.PERCENT, Field.DATE_FROM);
        assertThat(vm.problems().get()).contains("优惠百分比：“abc”不是整数", "开始日期：“2026-02-30”不是日期");
        assertThat(vm.notice().get().isError()).isTrue();
        assertThat(terminal.promotions().promotions().all()).isEmpty();
        assertThat(promotionChanges()).isEmpty();

        f.percent().set("50");
        f.dateFrom().set("2026-02-28");
        assertThat(vm.save()).isTrue();
        assertThat(vm.problemFields().get()).isEmpty();
        assertThat(terminal.promotions().promotions().find("COLA-2ND").orElseThrow().conditions().window().from())
                .contains(LocalDate.of(2026, 2, 28));
    }

    @Test
    void goodsComeFromTheCatalogByScanByCodeOrByCategory() {
        who = as("003");
        vm.open();
        vm.add();
        PromotionForm f = vm.form().get();

        vm.goodsEntry().set("0000000000000");
        vm.addGoods();
        assertThat(f.goods()).isEmpty();
        assertThat(vm.notice().get().key()).isEqualTo("promo.form.noProduct");

        vm.scanned(TerminalFixture.COLA);
        vm.scanned(TerminalFixture.COLA);
        assertThat(f.goods()).extracting(PromotionForm.Goods::code).containsExactly(TerminalFixture.COLA);
        assertThat(vm.notice().get().key()).isEqualTo("promo.form.goodsAlready");

        assertThat(vm.categories()).isNotEmpty();
        String category = vm.categories().get(0);
        vm.addCategory(category);
        assertThat(f.targetType().get()).isEqualTo(TargetType.CATEGORY);
        assertThat(f.goods()).extracting(PromotionForm.Goods::code).containsExactly(category);

        f.goods().clear();
        vm.goodsEntry().set("no such category");
        vm.addGoods();
        assertThat(f.goods()).isEmpty();
        assertThat(vm.notice().get().key()).isEqualTo("promo.form.noCategory");
    }

    @Test
    void editingKeepsTheIdAndANewPromotionMayNotTakeAnExistingOne() {
        who = as("003");
        secondAtHalfPrice();
        vm.save();

        vm.edit();
        PromotionForm edited = vm.form().get();
        assertThat(edited.existing().get()).isTrue();
        assertThat(edited.goods()).singleElement().satisfies(g -> assertThat(g.label()).isNotEqualTo(g.code()));
        edited.percent().set("30");
        vm.save();
        assertThat(terminal.promotions().promotions().find("COLA-2ND").orElseThrow().terms().percent())
                .isEqualTo(30);

        secondAtHalfPriceAgain();
        assertThat(vm.save()).isFalse();
        assertThat(vm.problemFields().get()).contains(Field.ID);
        assertThat(terminal.promotions().promotions().find("COLA-2ND").orElseThrow().terms().percent())
                .isEqualTo(30);
    }

    private void secondAtHalfPriceAgain() {
        vm.add();
        PromotionForm f = vm.form().get();
        f.id().set("COLA-2ND");
        f.name().set("again");
        f.kind().set(PromotionKind.PERCENT_OFF);
        f.percent().set("10");
        vm.scanned(TerminalFixture.COLA);
    }

    @Test
    void deleteSwitchesOffWithTheManagersApprovalForACashier() {
        who = as("003");
        secondAtHalfPrice();
        vm.save();
        vm.close();

        who = as("001");
        vm.open();
        vm.toggle();
        assertThat(vm.step().get()).isEqualTo(Step.APPROVAL);
        vm.approvals().operatorNumber().set("003");
        vm.approvals().pin().set("3333");
        vm.approvals().confirm();

        assertThat(vm.step().get()).isEqualTo(Step.LIST);
        assertThat(terminal.promotions().promotions().find("COLA-2ND").orElseThrow().active()).isFalse();
        assertThat(vm.rows().get(0).active()).isFalse();
        assertThat(promotionChanges()).hasSize(2).last().satisfies(r -> assertThat(r.approver()).isEqualTo("003"));
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
