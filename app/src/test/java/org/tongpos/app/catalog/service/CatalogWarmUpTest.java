package org.tongpos.app.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.catalog.domain.Gtin;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductUnit;
import org.tongpos.app.catalog.domain.ScaleBarcodeLayout;
import org.tongpos.app.catalog.store.ProductStore;
import org.tongpos.app.checkout.service.ScanResolver;
import org.tongpos.app.money.domain.Money;

/**
 * The window shows before the catalog is in memory, and a scan then is an indexed query: it must find exactly what
 * the in-memory index finds once it is built. Checked over codes drawn from the catalog (with the UPC-A / leading-zero
 * and PLU leading-zero forms the index accepts), scale barcodes, store codes and codes that name nothing, and over
 * search texts.
 */
class CatalogWarmUpTest {

    private static Path directory;
    private static Terminal terminal;
    /** Lookups before the index is built: the database. */
    private static CatalogService warmingUp;
    /** The same catalog in memory. */
    private static CatalogService indexed;
    private static List<String> knownCodes;

    @BeforeContainer
    static void openCatalog() throws IOException {
        directory = Files.createTempDirectory("tongpos-warmup");
        terminal = TerminalFixture.openWithDemoCatalog(directory, 600);
        terminal.catalog().save(List.of(
                product(List.of("0012345678905"), "", "进口饼干 UPC"),          // found by its 12-digit UPC-A form too
                product(List.of("96385074", "BOX1"), "", "礼品盒 两个码"),        // EAN-8 and a store code with capitals
                product(List.of("box2"), "0042", "小写店内码 PLU 0042"),          // PLU with leading zeros
                product(List.of(), "0007", "散装 只有PLU"),
                product(List.of("692000000001"), "", "十二位码 可口")));           // a 12-digit code stored as typed
        ProductStore store = new ProductStore(terminal.database().dataSource());
        warmingUp = new CatalogService(store);
        indexed = new CatalogService(store);
        indexed.buildIndex();
        knownCodes = new ArrayList<>();
        for (Product p : indexed.all()) {
            knownCodes.addAll(p.barcodes());
            if (!p.plu().isEmpty()) {
                knownCodes.add(p.plu());
            }
        }
        assertThat(warmingUp.indexReady()).isFalse();
    }

    @AfterContainer
    static void closeCatalog() throws IOException {
        terminal.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Property(tries = 400)
    void aLookupDuringWarmUpFindsWhatTheIndexFinds(@ForAll("codes") String code) {
        assertThat(warmingUp.byBarcode(code)).as("barcode %s", code).isEqualTo(indexed.byBarcode(code));
        assertThat(warmingUp.byPlu(code)).as("PLU %s", code).isEqualTo(indexed.byPlu(code));
    }

    @Property(tries = 400)
    void aScanDuringWarmUpMeansWhatItMeansLater(@ForAll("codes") String code) {
        ScaleBarcodeLayout layout = ScaleBarcodeLayout.parse("20:5:5:PRICE");
        assertThat(new ScanResolver(warmingUp, layout).resolve(code)).as(code)
                .isEqualTo(new ScanResolver(indexed, layout).resolve(code));
    }

    @Property(tries = 200)
    void aSearchDuringWarmUpGivesTheIndexsHitsInItsOrder(@ForAll("searches") String text) {
        assertThat(warmingUp.search(text, 50)).as(text).isEqualTo(indexed.search(text, 50));
        assertThat(warmingUp.search(text, 3)).as(text).isEqualTo(indexed.search(text, 3));
    }

    @Property(tries = 20)
    void theCatalogSizeIsTheSame(@ForAll("codes") String ignored) {
        assertThat(warmingUp.size()).isEqualTo(indexed.size());
    }

    @Provide
    Arbitrary<String> codes() {
        Arbitrary<String> known = Arbitraries.of(knownCodes);
        Arbitrary<String> upcForms = known.filter(c -> c.length() == 13 && c.startsWith("0")).map(c -> c.substring(1));
        Arbitrary<String> withZero = known.filter(c -> c.length() == 12).map(c -> "0" + c);
        Arbitrary<String> pluForms = known.filter(c -> c.length() <= 7).map(c -> "00" + c);
        Arbitrary<String> scale = Arbitraries.integers().between(0, 99_999)
                .map(price -> Gtin.withCheckDigit("20" + "10001".substring(0, 5) + String.format("%05d", price)));
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14);
        Arbitrary<String> storeCodes = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, known), net.jqwik.api.Tuple.of(2, upcForms),
                net.jqwik.api.Tuple.of(2, withZero), net.jqwik.api.Tuple.of(2, pluForms),
                net.jqwik.api.Tuple.of(2, scale), net.jqwik.api.Tuple.of(2, digits),
                net.jqwik.api.Tuple.of(1, storeCodes), net.jqwik.api.Tuple.of(1, Arbitraries.of("BOX1", "box1", "BOX2", " 10001 ", "")));
    }

    @Provide
    Arbitrary<String> searches() {
        Arbitrary<String> names = Arbitraries.of(knownNames()).flatMap(name -> Arbitraries.integers()
                .between(1, Math.max(1, name.length())).map(n -> name.substring(0, n)));
        Arbitrary<String> initials = Arbitraries.of("kkkl", "kl", "ksf", "nfsq", "hs", "x", "BOX", "6920", "1000",
                "可乐", "坚果", "  百事  ", "zzzz", "");
        Arbitrary<String> prefixes = Arbitraries.of(knownCodes).flatMap(code -> Arbitraries.integers()
                .between(1, code.length()).map(n -> code.substring(0, n)));
        return Arbitraries.oneOf(names, initials, prefixes);
    }

    private static List<String> knownNames() {
        return indexed.all().stream().map(Product::name).toList();
    }

    private static Product product(List<String> barcodes, String plu, String name) {
        return new Product(0, barcodes, plu, name, "测试", ProductUnit.PIECE, Money.ofFen(100), Optional.empty(),
                new org.tongpos.app.catalog.domain.PinyinInitials().of(name));
    }
}
