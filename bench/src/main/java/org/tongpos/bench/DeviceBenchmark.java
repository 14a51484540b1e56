package org.tongpos.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Tender;
import org.tongpos.app.checkout.service.SaleReceipts;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.hardware.DeviceFactory;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.hardware.scanner.Scanner;

/**
 * Issue 3's device targets: encoding a 30-line Chinese receipt to ESC/POS, and a serial scan travelling from the
 * wire (a socat pty pair, as in the tests) through jSerialComm and the scanner driver into a cart line.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class DeviceBenchmark {

    /** A 30-line sale of demo goods and the receipt encoder of the app. */
    @State(Scope.Benchmark)
    public static class ReceiptState {
        SaleReceipts receipts;
        CompletedSale sale;

        @Setup
        public void setUp() {
            receipts = new SaleReceipts(Messages.of(Messages.CHINESE), "通商便民超市（城关店）");
            List<Product> goods = new DemoCatalog(new org.tongpos.app.catalog.domain.PinyinInitials()).products(500)
                    .stream().filter(p -> !p.isWeighed()).toList();
            Cart cart = new Cart();
            for (int i = 0; i < 30; i++) {
                cart.append(CartLine.pieces(goods.get(i * 7 % goods.size()), 1 + i % 3));
            }
            Money tendered = cart.total().plus(Money.ofFen(1000));
            sale = new CompletedSale("3f1c2a9e-0b7d-4c55-9a3e-2b8f6d1e4a70", 1234, "T0001-00001234",
                    OffsetDateTime.of(2026, 11, 30, 12, 5, 9, 0, ZoneOffset.ofHours(8)),
                    java.time.LocalDate.of(2026, 11, 30), "001", cart.lines(), cart.total(),
                    List.of(Tender.cash(cart.total(), tendered)));
        }
    }

    @Benchmark
    public byte[] encodeThirtyLineChineseReceipt(ReceiptState state) {
        return state.receipts.encode(state.sale, PaperWidth.ofMillimetres(80));
    }

    /** A serial scanner on one end of a socat pty pair; the benchmark writes scans into the other end. */
    @State(Scope.Benchmark)
    public static class SerialState {
        private final SynchronousQueue<String> scans = new SynchronousQueue<>();
        private Process socat;
        private Scanner scanner;
        private OutputStream wire;
        private BenchStore store;
        private String[] codes;
        private int next;

        @Setup
        public void setUp() throws Exception {
            Path dir = Files.createTempDirectory("tongpos-serial");
            Path scannerEnd = dir.resolve("scanner");
            Path wireEnd = dir.resolve("wire");
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + scannerEnd, "pty,raw,echo=0,link=" + wireEnd)
                    .redirectErrorStream(true).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!(Files.exists(scannerEnd) && Files.exists(wireEnd)) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (!Files.exists(wireEnd)) {
                throw new IllegalStateException("socat did not create the pty pair (is socat installed?)");
            }
            store = new BenchStore(2_000);
            codes = new String[DemoCatalog.stapleCount()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = DemoCatalog.stapleBarcode(i);
            }
            scanner = new DeviceFactory(Clock.systemUTC()).scanner("serial:" + scannerEnd + "?baud=115200&suffix=CR");
            scanner.addScanListener(scan -> {
                try {
                    scans.put(scan.code());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            scanner.start();
            wire = new FileOutputStream(wireEnd.toFile());
            Thread.sleep(500);
        }

        String scanOnce() throws IOException, InterruptedException {
            String code = codes[next++ % codes.length];
            wire.write((code + "\r").getBytes(StandardCharsets.US_ASCII));
            wire.flush();
            String received = scans.poll(2, TimeUnit.SECONDS);
            if (!code.equals(received)) {
                throw new IllegalStateException("sent " + code + ", scanner gave " + received);
            }
            return received;
        }

        @TearDown
        public void tearDown() throws Exception {
            wire.close();
            scanner.close();
            socat.destroy();
            store.close();
        }
    }

    /** From the bytes on the wire to the line in the cart (the cashier screen adds only drawing to this). */
    @Benchmark
    public Money serialScanToCartLine(SerialState state) throws Exception {
        String code = state.scanOnce();
        Cart cart = new Cart();
        state.store.terminal.checkout().scan(cart, code);
        return cart.total();
    }
}
