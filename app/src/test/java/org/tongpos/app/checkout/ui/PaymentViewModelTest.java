package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.storage.StorageException;
import org.tongpos.app.ui.DirectTaskRunner;
import org.tongpos.app.ui.Notice;
import org.tongpos.app.ui.TaskRunner;
import org.tongpos.app.TerminalFixture;

class PaymentViewModelTest {

    @TempDir
    static Path directory;
    static Terminal terminal;

    private final List<CompletedSale> paid = new ArrayList<>();
    private Cart cart;

    @BeforeAll
    static void openTerminal() {
        terminal = TerminalFixture.openWithDemoCatalog(directory);
    }

    @AfterAll
    static void closeTerminal() {
        terminal.close();
    }

    @BeforeEach
    void cartOf1250() {
        cart = new Cart();
        terminal.checkout().scan(cart, DemoCatalog.stapleBarcode(0)); // 3.00
        terminal.checkout().scan(cart, DemoCatalog.stapleBarcode(0)); // 3.00
        terminal.checkout().scan(cart, DemoCatalog.stapleBarcode(4)); // 王老吉 4.50
        terminal.checkout().scan(cart, DemoCatalog.stapleBarcode(2)); // 2.00
        assertThat(cart.total()).isEqualTo(Money.ofFen(1250));
    }

    private PaymentViewModel payment(TaskRunner tasks) {
        return new PaymentViewModel(terminal.checkout(), tasks, cart, TestSessions.cashier("001"), paid::add);
    }

    @Test
    void tenderedIsPrefilledWithTheTotalAndChangeIsZero() {
        PaymentViewModel vm = payment(new DirectTaskRunner());

        assertThat(vm.tendered().get()).isEqualTo("12.50");
        assertThat(vm.change().get()).contains(Money.ZERO);
        assertThat(vm.shortBy().get()).isEmpty();
    }

    @Test
    void changeFollowsWhatIsTyped() {
        PaymentViewModel vm = payment(new DirectTaskRunner());

        vm.tendered().set("20");
        assertThat(vm.change().get()).contains(Money.ofFen(750));

        vm.tendered().set("10");
        assertThat(vm.change().get()).isEmpty();
        assertThat(vm.shortBy().get()).contains(Money.ofFen(250));

        vm.tendered().set("abc");
        assertThat(vm.change().get()).isEmpty();
        assertThat(vm.shortBy().get()).isEmpty();
    }

    @Test
    void quickCashNotesSetTheAmount() {
        PaymentViewModel vm = payment(new DirectTaskRunner());

        vm.offerNote(100);

        assertThat(vm.tendered().get()).isEqualTo("100.00");
        assertThat(vm.change().get()).contains(Money.ofFen(8750));
    }

    @Test
    void shortPaymentIsRefusedWithTheBundleMessageAndRecordsNothing() {
        long seq = terminal.journal().lastSeq();
        PaymentViewModel vm = payment(new DirectTaskRunner());
        vm.tendered().set("10");

        assertThat(vm.confirm()).isFalse();

        assertThat(vm.notice().get()).isEqualTo(Notice.error("payment.refused.SHORT", "2.50"));
        assertThat(paid).isEmpty();
        assertThat(terminal.journal().lastSeq()).isEqualTo(seq);
    }

    @Test
    void unreadableAmountIsRefused() {
        PaymentViewModel vm = payment(new DirectTaskRunner());
        vm.tendered().set("12,50");

        assertThat(vm.confirm()).isFalse();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("checkout.payment.invalid"));
    }

    @Test
    void enoughCashRecordsTheSaleBeforeReportingItPaid() {
        long seq = terminal.journal().lastSeq();
        PaymentViewModel vm = payment(new DirectTaskRunner());
        vm.tendered().set("50");

        assertThat(vm.confirm()).isTrue();

        assertThat(paid).hasSize(1);
        assertThat(paid.get(0).seq()).isEqualTo(seq + 1);
        assertThat(paid.get(0).change()).isEqualTo(Money.ofFen(3750));
        assertThat(terminal.journal().lastSeq()).isEqualTo(seq + 1);
        assertThat(vm.working().get()).isFalse();
    }

    @Test
    void whileTheCommitRunsTheScreenIsWorkingAndASecondEnterCommitsNothingMore() {
        HeldTaskRunner held = new HeldTaskRunner();
        long seq = terminal.journal().lastSeq();
        PaymentViewModel vm = payment(held);

        assertThat(vm.confirm()).isTrue();
        assertThat(vm.working().get()).isTrue();
        assertThat(vm.confirm()).isFalse();
        assertThat(paid).isEmpty();

        held.release();

        assertThat(vm.working().get()).isFalse();
        assertThat(paid).hasSize(1);
        assertThat(terminal.journal().lastSeq()).isEqualTo(seq + 1);
    }

    @Test
    void aFailedCommitSaysSoAndNothingIsShownAsPaid() {
        TaskRunner failing = new TaskRunner() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
                onFailure.accept(new StorageException("disk full", null));
            }
        };
        PaymentViewModel vm = payment(failing);

        assertThat(vm.confirm()).isTrue();

        assertThat(paid).isEmpty();
        assertThat(vm.working().get()).isFalse();
        assertThat(vm.notice().get()).isEqualTo(Notice.error("checkout.payment.failed", "disk full"));
    }

    /** Holds the work until released, as a slow disk would. */
    private static final class HeldTaskRunner implements TaskRunner {
        private Runnable pending;

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
            pending = () -> new DirectTaskRunner().run(work, onSuccess, onFailure);
        }

        void release() {
            Optional.ofNullable(pending).ifPresent(Runnable::run);
            pending = null;
        }
    }

    @Test
    void whenSellingHasStoppedTheCashierIsToldWhichSaleAndWhy() {
        TaskRunner stopped = new TaskRunner() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onSuccess,
                                java.util.function.Consumer<? super Exception> onFailure) {
                onFailure.accept(new org.tongpos.app.checkout.domain.SellingStoppedException(
                        org.tongpos.app.checkout.domain.SellingStoppedException.State.BEHIND, "T0001-00000007", null));
            }
        };
        PaymentViewModel vm = payment(stopped);

        assertThat(vm.confirm()).isTrue();

        assertThat(vm.notice().get().key()).isEqualTo("checkout.stopped.BEHIND");
        assertThat(vm.notice().get().args()).containsExactly("T0001-00000007");
        assertThat(paid).isEmpty();
    }
}
