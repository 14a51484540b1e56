package org.tongpos.app.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.catalog.domain.Gtin;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.store.ProductStore;
import org.tongpos.app.i18n.Messages;

/** The import streams its file into one transaction: all or nothing, whatever row goes wrong. */
class CatalogImportTest {

    private static final String HEADER = "barcode,name,category,unit,price,cost,plu\n";

    @TempDir
    Path dir;

    private Terminal terminal;
    private final Messages english = Messages.forSetting("en");

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir, 100);
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private CatalogImport.Outcome importing(String csv) throws IOException {
        return new CatalogImport(terminal.catalogCsvReader(), terminal.catalog())
                .run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static String goodRows(int count) {
        return goodRows(count, "2.50");
    }

    private static String goodRows(int count, String price) {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            rows.append(barcode(i)).append(",商品").append(i).append(",饮料,瓶,").append(price).append(",1.80,\n");
        }
        return rows.toString();
    }

    private static String barcode(int row) {
        return Gtin.withCheckDigit(String.format("690%09d", row));
    }

    /** Every product as the store has it (id, barcodes, fields), to see that nothing changed. */
    private List<String> stored() {
        return new ProductStore(terminal.database().dataSource()).loadAll().stream().map(Object::toString).toList();
    }

    @Test
    void aBadRowAfterThousandsOfGoodOnesImportsNothing() throws Exception {
        int before = terminal.catalog().size();
        CatalogImport.Outcome outcome = importing(HEADER + goodRows(3000) + "6900000000000,坏价,饮料,瓶,abc,,\n");

        assertThat(outcome.imported()).isFalse();
        assertThat(outcome.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(3002));
        assertThat(terminal.catalog().size()).isEqualTo(before);
        assertThat(terminal.catalog().byBarcode(Gtin.withCheckDigit("690000000001"))).isEmpty();
    }

    @Test
    void reImportingTheSameFileChangesNothingAndSaysSo() throws Exception {
        importing(HEADER + goodRows(1500));
        List<String> before = stored();

        CatalogImport.Outcome again = importing(HEADER + goodRows(1500));

        assertThat(again.saved()).isEqualTo(new ProductStore.UpsertResult(0, 0, 1500));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aReImportWritesOnlyTheRowsThatChanged() throws Exception {
        importing(HEADER + goodRows(1500));
        String changed = goodRows(1500).replace("商品1200,饮料,瓶,2.50", "商品1200,饮料,瓶,2.80");

        CatalogImport.Outcome outcome = importing(HEADER + changed);

        assertThat(outcome.saved()).isEqualTo(new ProductStore.UpsertResult(0, 1, 1499));
        assertThat(terminal.catalog().byBarcode(barcode(1200)).orElseThrow().price().fen()).isEqualTo(280);
        assertThat(terminal.catalog().byBarcode(barcode(1199)).orElseThrow().price().fen()).isEqualTo(250);
    }

    @Test
    void rowsAcrossBatchBoundariesAllArriveWithTheirOwnBarcodes() throws Exception {
        importing(HEADER + goodRows(700)); // the next file updates these and adds the rest, both across batches
        CatalogImport.Outcome outcome = importing(HEADER + goodRows(2001, "3.10"));

        assertThat(outcome.saved()).isEqualTo(new ProductStore.UpsertResult(1301, 700, 0));
        Map<String, Product> byBarcode = new HashMap<>();
        new ProductStore(terminal.database().dataSource()).loadAll().forEach(p -> p.barcodes().forEach(b -> byBarcode.put(b, p)));
        for (int i = 1; i <= 2001; i++) {
            Product p = byBarcode.get(barcode(i));
            assertThat(p).as("row %d", i).isNotNull();
            assertThat(p.name()).isEqualTo("商品" + i);
            assertThat(p.barcodes()).containsExactly(barcode(i));
            assertThat(p.price().fen()).isEqualTo(310);
        }
        assertThat(terminal.catalog().size()).isEqualTo(100 + 2001);
    }

    @Test
    void aBadRowAfterTheFirstBatchLeavesAReImportedCatalogAsItWas() throws Exception {
        importing(HEADER + goodRows(2500));
        List<String> before = stored();

        CatalogImport.Outcome outcome = importing(HEADER + goodRows(2500, "9.99") + "6900000000000,坏价,饮料,瓶,abc,,\n");

        assertThat(outcome.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2502));
        assertThat(p(outcome).text(english)).startsWith("line 2502");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aCodeTakenAfterTheFirstBatchLeavesTheCatalogAsItWas() throws Exception {
        List<String> before = stored();
        String takesTheApplesPlu = "6901028075831,新品可乐,饮料,罐,3.50,," + TerminalFixture.APPLE_PLU + "\n";

        CatalogImport.Outcome outcome = importing(HEADER + goodRows(1800) + takesTheApplesPlu);

        assertThat(outcome.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1802));
        assertThat(p(outcome).text(english)).contains("PLU " + TerminalFixture.APPLE_PLU, "红富士苹果");
        assertThat(stored()).isEqualTo(before);
    }

    private static CatalogCsvReader.Problem p(CatalogImport.Outcome outcome) {
        return outcome.problems().get(0);
    }

    @Test
    void aTakenCodeIsReportedOnlyOnceTheFileIsOtherwiseClean() throws Exception {
        String takesTheApplesPlu = "6901028075831,新品可乐,饮料,罐,3.50,," + TerminalFixture.APPLE_PLU + "\n";
        String badPrice = "6901028075848,坏价,饮料,罐,-1,,\n";

        CatalogImport.Outcome both = importing(HEADER + goodRows(5) + takesTheApplesPlu + goodRows(0) + badPrice);
        assertThat(both.problems()).extracting(CatalogCsvReader.Problem::line).containsExactly(8L);

        CatalogImport.Outcome taken = importing(HEADER + goodRows(5) + takesTheApplesPlu);
        assertThat(taken.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.text(english)).contains("PLU " + TerminalFixture.APPLE_PLU);
        });
        assertThat(terminal.catalog().byBarcode(Gtin.withCheckDigit("690000000001"))).as("rolled back").isEmpty();
        assertThat(terminal.catalog().byPlu(TerminalFixture.APPLE_PLU).orElseThrow().name()).isEqualTo("红富士苹果");
    }

    @Test
    void rowsReachTheDatabaseAsTheyAreReadAndStopAtTheFirstProblem() throws Exception {
        List<Long> written = new ArrayList<>();
        CatalogCsvReader.Scan scan = terminal.catalogCsvReader().read(new ByteArrayInputStream(
                (HEADER + goodRows(3) + ",,饮料,瓶,1,,\n" + goodRows(0) + "6920000000999,后面的好行,饮料,瓶,1,,\n")
                        .getBytes(StandardCharsets.UTF_8)), (product, line) -> written.add(line));

        assertThat(written).containsExactly(2L, 3L, 4L);
        assertThat(scan.clean()).isFalse();
        assertThat(scan.problems()).extracting(CatalogCsvReader.Problem::line).containsExactly(5L);
    }

    @Test
    void aCleanFileIsCommittedAndTheWindowsIndexSeesIt() throws Exception {
        terminal.catalog().buildIndex();
        CatalogImport.Outcome outcome = importing(HEADER + goodRows(2500));

        assertThat(outcome.saved().added()).isEqualTo(2500);
        assertThat(terminal.catalog().indexReady()).isTrue();
        assertThat(terminal.catalog().byBarcode(Gtin.withCheckDigit("690000002500")).orElseThrow().name())
                .isEqualTo("商品2500");
        assertThat(terminal.catalog().size()).isEqualTo(100 + 2500);
    }
}
