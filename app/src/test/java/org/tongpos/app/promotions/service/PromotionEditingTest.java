package org.tongpos.app.promotions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.Customer;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.AuditAction;
import org.tongpos.app.operators.domain.AuditRecord;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.promotions.domain.Promotion;

/**
 * Promotions changed by an operator: only a manager or with a manager's approval of exactly that promotion (cashier,
 * supervisor and auditor refused otherwise, nothing saved), every
 * change in the audit log, a screen's fields read as an import row is, and the till's next price uses the change.
 */
class PromotionEditingTest {

    @TempDir
    Path dir;

    private Terminal terminal;
    private PromotionService service;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir);
        service = terminal.promotions().promotions();
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private Session as(String number) {
        return Session.loggedIn(terminal.operators().operators().find(number).orElseThrow(),
                terminal.clock().instant());
    }

    private List<AuditRecord> changes() {
        return terminal.operators().audit().list(terminal.systemSession(), LocalDate.of(2000, 1, 1),
                LocalDate.of(2100, 1, 1)).stream().filter(r -> r.action() == AuditAction.PROMOTION_CHANGED).toList();
    }

    private static Map<String, String> colaTenPercent(String percent) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "COLA-10");
        fields.put("name", "可乐九折");
        fields.put("kind", "percent_off");
        fields.put("target", "product");
        fields.put("targets", TerminalFixture.COLA);
        fields.put("percent", percent);
        fields.put("date_from", "");
        return fields;
    }

    private long colaPrice() {
        Cart cart = new Cart();
        terminal.checkout().scan(cart, TerminalFixture.COLA);
        return terminal.checkout().price(cart, Customer.NOBODY).payable().fen();
    }

    @Test
    void onlyAManagerChangesPromotionsAndEveryChangeIsAudited() throws Exception {
        for (String number : List.of("001", "002", "004")) {
            Session who = as(number);
            assertThatThrownBy(() -> service.save(who, colaTenPercent("10")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.setActive(who, "COLA-10", false))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.importCsv(who, new ByteArrayInputStream(
                    "id,name,kind\n".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(service.all()).isEmpty();
        assertThat(changes()).isEmpty();
        assertThat(colaPrice()).isEqualTo(300);

        Session manager = as("003");
        assertThat(service.save(manager, colaTenPercent("10")).isSaved()).isTrue();
        assertThat(colaPrice()).as("the next price uses it at once").isEqualTo(270);
        assertThat(service.save(manager, colaTenPercent("20")).isSaved()).isTrue();
        assertThat(colaPrice()).isEqualTo(240);
        assertThat(service.setActive(manager, "COLA-10", false)).isTrue();
        assertThat(colaPrice()).isEqualTo(300);
        assertThat(service.find("COLA-10").map(Promotion::active)).hasValue(false);

        assertThat(changes()).hasSize(3).allSatisfy(r -> {
            assertThat(r.actor()).isEqualTo("003");
            assertThat(r.subject()).isEqualTo("COLA-10");
        });
        assertThat(changes().get(2).detail()).isEqualTo("disabled");
    }

    @Test
    void aManagersApprovalInPlaceLetsACashierChangeExactlyThatPromotion() throws Exception {
        Session cashier = as("001");
        Promotion cola = Promotion.builder("COLA-10", "可乐九折", org.tongpos.app.promotions.domain.PromotionKind
                .PERCENT_OFF).products(TerminalFixture.COLA).percent(10).build();
        org.tongpos.app.operators.service.Approval forAnother = terminal.operators().approvals().approve(cashier,
                PromotionService.approvalFor("OTHER"), "003", "3333".toCharArray());
        assertThatThrownBy(() -> service.save(cashier, cola, java.util.Optional.of(forAnother)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.all()).isEmpty();

        org.tongpos.app.operators.service.Approval approval = terminal.operators().approvals().approve(cashier,
                PromotionService.approvalFor("COLA-10"), "003", "3333".toCharArray());
        assertThat(service.save(cashier, cola, java.util.Optional.of(approval)).isSaved()).isTrue();
        assertThat(colaPrice()).isEqualTo(270);
        org.tongpos.app.operators.service.Approval again = terminal.operators().approvals().approve(cashier,
                PromotionService.approvalFor("COLA-10"), "003", "3333".toCharArray());
        assertThat(service.setActive(cashier, "COLA-10", false, java.util.Optional.of(again))).isTrue();
        assertThat(colaPrice()).isEqualTo(300);

        Session auditor = as("004");
        assertThatThrownBy(() -> service.setActive(auditor, "COLA-10", true, java.util.Optional.of(approval)))
                .as("an auditor changes nothing, approved or not").isInstanceOf(AccessDeniedException.class);
        assertThat(changes().get(0).detail()).startsWith("approval seq " + approval.auditSeq() + "; saved");
        assertThat(changes()).hasSize(2).allSatisfy(r -> {
            assertThat(r.actor()).isEqualTo("001");
            assertThat(r.approver()).isEqualTo("003");
            assertThat(r.detail()).startsWith("approval seq ");
        });
    }

    @Test
    void aScreensFieldsAreCheckedAsAnImportRowAndABadOneSavesNothing() throws Exception {
        PromotionService.SaveOutcome refused = service.save(as("003"), colaTenPercent("200"));
        assertThat(refused.isSaved()).isFalse();
        assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.line()).isZero());
        assertThat(refused.problems().get(0).text(terminal.messages())).isNotBlank();
        assertThat(service.all()).isEmpty();
        assertThat(changes()).isEmpty();
    }
}
