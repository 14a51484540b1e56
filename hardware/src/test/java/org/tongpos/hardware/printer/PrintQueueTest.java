package org.tongpos.hardware.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tongpos.hardware.device.Backoff;
import org.tongpos.hardware.device.DeviceAddress;
import org.tongpos.hardware.device.DeviceReason;
import org.tongpos.hardware.device.DeviceReason.Code;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.escpos.EscPosEncoder;
import org.tongpos.hardware.link.ByteLinks;
import org.tongpos.hardware.link.LinkTimeouts;
import org.tongpos.hardware.testsupport.FakeNetworkPrinter;

@Timeout(30)
class PrintQueueTest {

    private static final LinkTimeouts SHORT = new LinkTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1));
    private static final PrinterSettings FAST = PrinterSettings.defaults()
            .withStatusTimeout(Duration.ofMillis(300))
            .withBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(50)), 3);

    private FakeNetworkPrinter endpoint;
    private PrintQueue queue;
    private final List<PrintJob> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        endpoint = new FakeNetworkPrinter();
        queue = new PrintQueue(new EscPosPrinter(ByteLinks.forAddress(DeviceAddress.parse(endpoint.address()), SHORT),
                FAST, Clock.systemUTC()), Clock.systemUTC());
        queue.addListener(events::add);
    }

    @AfterEach
    void stop() throws Exception {
        queue.close();
        endpoint.close();
    }

    private static byte[] receipt(String text) {
        return new EscPosEncoder().initialize().chineseMode(true).line(text).cut(true).toBytes();
    }

    private long printedCopiesOf(String text) {
        return EscPosDecoder.textLines(endpoint.jobBytes()).stream().filter(text::equals).count();
    }

    @Test
    void submittingTheSameJobAgainAfterATimeoutDoesNotPrintItTwice() throws Exception {
        queue.submit("R001", "sale R001", receipt("小票 R001"));
        queue.await("R001", Duration.ofMillis(1));
        PrintJob again = queue.submit("R001", "sale R001", receipt("小票 R001"));

        PrintJob done = queue.await("R001", Duration.ofSeconds(5));

        assertThat(done.state()).isEqualTo(PrintJobState.PRINTED);
        assertThat(done.copiesPrinted()).isEqualTo(1);
        assertThat(again.id()).isEqualTo("R001");
        Thread.sleep(200);
        assertThat(printedCopiesOf("小票 R001")).isEqualTo(1);
    }

    @Test
    void closingTheQueueReportsJobsThatDidNotPrintAsFailedInsteadOfDroppingThem() throws Exception {
        endpoint.behave(FakeNetworkPrinter.Behaviour.SILENT);
        queue.submit("R010", "sale R010", receipt("小票 R010"));
        queue.submit("R011", "sale R011", receipt("小票 R011"));
        queue.submit("R012", "sale R012", receipt("小票 R012"));

        long started = System.nanoTime();
        queue.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        for (String id : List.of("R010", "R011", "R012")) {
            PrintJob job = queue.job(id).orElseThrow();
            assertThat(job.state()).as(id).isEqualTo(PrintJobState.FAILED);
            assertThat(events).as(id).anyMatch(e -> e.id().equals(id) && e.state() == PrintJobState.FAILED);
        }
        assertThat(queue.job("R012").orElseThrow().cause()).isEqualTo(DeviceReason.of(Code.PRINT_QUEUE_STOPPED));
        assertThat(queue.job("R012").orElseThrow().reason()).isEqualTo("print queue stopped");
    }

    @Test
    void reprintOnRequestPrintsASecondCopy() throws Exception {
        queue.submit("R002", "sale R002", receipt("小票 R002"));
        queue.await("R002", Duration.ofSeconds(5));
        queue.reprint("R002");
        PrintJob done = awaitCopies("R002", 2);
        assertThat(done.copiesPrinted()).isEqualTo(2);
        assertThat(printedCopiesOf("小票 R002")).isEqualTo(2);
    }

    @Test
    void failedJobIsRetriedOnRequestOnceThePrinterIsBack() throws Exception {
        endpoint.behave(FakeNetworkPrinter.Behaviour.PAPER_OUT);
        queue.submit("R003", "sale R003", receipt("小票 R003"));
        PrintJob failed = queue.await("R003", Duration.ofSeconds(5));
        assertThat(failed.state()).isEqualTo(PrintJobState.FAILED);
        assertThat(failed.cause().code()).isEqualTo(Code.PAPER_OUT);
        assertThat(failed.reason()).isEqualTo("paper out");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.mayHavePrinted()).isFalse();
        assertThat(queue.failedJobs()).extracting(PrintJob::id).containsExactly("R003");
        assertThat(printedCopiesOf("小票 R003")).isZero();

        endpoint.behave(FakeNetworkPrinter.Behaviour.NORMAL);
        queue.submit("R003", "sale R003", receipt("小票 R003"));
        assertThat(queue.job("R003").orElseThrow().state()).isEqualTo(PrintJobState.FAILED);
        queue.retry("R003");
        PrintJob printed = awaitCopies("R003", 1);

        assertThat(printed.state()).isEqualTo(PrintJobState.PRINTED);
        assertThat(printedCopiesOf("小票 R003")).isEqualTo(1);
        assertThat(events).extracting(PrintJob::state).contains(PrintJobState.QUEUED, PrintJobState.PRINTING,
                PrintJobState.FAILED, PrintJobState.PRINTED);
    }

    @Test
    void printerThatDropsTheConnectionAfterTheJobDoesNotGetItTwice() throws Exception {
        endpoint.behave(FakeNetworkPrinter.Behaviour.CLOSE_AFTER_JOB);
        queue.submit("R007", "sale R007", receipt("小票 R007"));
        PrintJob job = queue.await("R007", Duration.ofSeconds(10));
        assertThat(job.state()).isEqualTo(PrintJobState.FAILED);
        assertThat(job.mayHavePrinted()).isTrue();
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.cause().code()).isEqualTo(Code.CONNECTION_LOST);
        assertThat(printedCopiesOf("小票 R007")).isEqualTo(1);
    }

    @Test
    void jobCutOffMidWayIsNotResentAutomatically() throws Exception {
        endpoint.closeAfter(2000);
        queue.submit("R004", "big", NetworkPrinterTest.bigRasterJob());
        PrintJob failed = queue.await("R004", Duration.ofSeconds(10));
        assertThat(failed.state()).isEqualTo(PrintJobState.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.mayHavePrinted()).isTrue();
    }

    @Test
    void statusCheckBetweenJobsShowsPaperOutToTheCashier() throws Exception {
        endpoint.behave(FakeNetworkPrinter.Behaviour.PAPER_OUT);
        PrinterStatus status = queue.checkStatus().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(status.paperOut()).isTrue();
        assertThat(status.problem()).contains(DeviceReason.of(Code.PAPER_OUT));
    }

    @Test
    void drawerOpensAfterTheReceiptQueuedBeforeIt() throws Exception {
        queue.submit("R005", "sale R005", receipt("小票 R005"));
        queue.openDrawer().get(5, java.util.concurrent.TimeUnit.SECONDS);
        // sent is not yet received: wait until the endpoint has read the kick before looking at the order
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (EscPosDecoder.decode(endpoint.jobBytes()).stream()
                .noneMatch(org.tongpos.hardware.escpos.EscPosElement.DrawerKick.class::isInstance)
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        java.util.List<org.tongpos.hardware.escpos.EscPosElement> elements = EscPosDecoder.decode(endpoint.jobBytes());
        assertThat(elements.get(elements.size() - 1)).isEqualTo(new org.tongpos.hardware.escpos.EscPosElement.DrawerKick(0, 50, 500));
        assertThat(printedCopiesOf("小票 R005")).isEqualTo(1);
    }

    @Test
    void printerThatComesBackIsReconnectedAndTheJobPrintedOnce() throws Exception {
        int port = org.tongpos.hardware.testsupport.RefusingPort.find();
        endpoint.close();
        PrintQueue slowRetries = new PrintQueue(new EscPosPrinter(
                ByteLinks.forAddress(DeviceAddress.parse("tcp://127.0.0.1:" + port), SHORT),
                FAST.withBackoff(new Backoff(Duration.ofMillis(300), Duration.ofMillis(300)), 5), Clock.systemUTC()),
                Clock.systemUTC());
        try {
            slowRetries.submit("R006", "sale R006", receipt("小票 R006"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (slowRetries.job("R006").orElseThrow().attempts() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            endpoint = new FakeNetworkPrinter(port);
            PrintJob done = slowRetries.await("R006", Duration.ofSeconds(10));
            assertThat(done.state()).isEqualTo(PrintJobState.PRINTED);
            assertThat(done.attempts()).isGreaterThan(1);
            assertThat(printedCopiesOf("小票 R006")).isEqualTo(1);
        } finally {
            slowRetries.close();
        }
    }

    private PrintJob awaitCopies(String id, int copies) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        PrintJob job = queue.job(id).orElseThrow();
        while (!(job.state() == PrintJobState.PRINTED && job.copiesPrinted() >= copies) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            job = queue.job(id).orElseThrow();
        }
        return job;
    }
}
