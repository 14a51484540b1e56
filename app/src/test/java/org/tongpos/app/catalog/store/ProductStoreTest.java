package org.tongpos.app.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.catalog.domain.PinyinInitials;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductUnit;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.storage.Database;

class ProductStoreTest {

    private static final PinyinInitials PINYIN = new PinyinInitials();

    @TempDir
    Path dir;

    private static Product product(String barcode, String plu, String name) {
        return new Product(0, barcode.isEmpty() ? List.of() : List.of(barcode), plu, name, "test",
                ProductUnit.of(barcode.isEmpty() ? "kg" : "个"), Money.ofFen(100), Optional.empty(), PINYIN.of(name));
    }

    @Test
    void aPluOfAnotherProductIsRefusedAndNothingIsWritten() {
        try (Database db = Database.open(dir)) {
            ProductStore store = new ProductStore(db.dataSource());
            store.upsertAll(List.of(product("", "10001", "红富士苹果")));

            assertThatThrownBy(() -> store.upsertAll(List.of(product("6901028075831", "", "可口可乐"),
                    product("96385074", "010001", "旺旺雪饼"))))
                    .isInstanceOfSatisfying(CodeTakenException.class, e -> {
                        assertThat(e.index()).isEqualTo(1);
                        assertThat(e.kind()).isEqualTo(CodeTakenException.Kind.PLU);
                        assertThat(e.code()).isEqualTo("010001");
                        assertThat(e.ownerName()).isEqualTo("红富士苹果");
                    });
            assertThat(store.loadAll()).extracting(Product::name).containsExactly("红富士苹果");
        }
    }

    @Test
    void twoNewProductsInOneSaveCannotShareAPlu() {
        try (Database db = Database.open(dir)) {
            ProductStore store = new ProductStore(db.dataSource());
            assertThatThrownBy(() -> store.upsertAll(List.of(product("6901028075831", "20001", "可口可乐"),
                    product("96385074", "20001", "旺旺雪饼"))))
                    .isInstanceOfSatisfying(CodeTakenException.class, e -> {
                        assertThat(e.index()).isEqualTo(1);
                        assertThat(e.ownerName()).as("a product not yet written").isEqualTo("可口可乐");
                    });
            assertThat(store.loadAll()).isEmpty();
        }
    }

    @Test
    void aProductUpdatedByItsBarcodeKeepsItsPluAndMayHandItsOldOneOn() {
        try (Database db = Database.open(dir)) {
            ProductStore store = new ProductStore(db.dataSource());
            store.upsertAll(List.of(product("6901028075831", "20001", "可口可乐")));

            assertThat(store.upsertAll(List.of(product("6901028075831", "20001", "可口可乐 新包装"))))
                    .isEqualTo(new ProductStore.UpsertResult(0, 1, 0));
            assertThat(store.upsertAll(List.of(product("6901028075831", "20002", "可口可乐 新包装"),
                    product("96385074", "20001", "旺旺雪饼")))).isEqualTo(new ProductStore.UpsertResult(1, 1, 0));
            assertThat(store.loadAll()).extracting(Product::plu).containsExactly("20002", "20001");
        }
    }

    @Test
    void aProductAddedEarlierInTheSameSaveIsUpdatedByItsPlu() {
        try (Database db = Database.open(dir)) {
            ProductStore store = new ProductStore(db.dataSource());
            assertThat(store.upsertAll(List.of(product("", "20001", "散装花生"), product("", "020001", "散装花生 新价"))))
                    .isEqualTo(new ProductStore.UpsertResult(1, 1, 0));
            assertThat(store.loadAll()).extracting(Product::name).containsExactly("散装花生 新价");
        }
    }

    @Test
    void aRowThatChangesNothingIsCountedUnchangedButAChangeInAnyFieldIsWritten() {
        try (Database db = Database.open(dir)) {
            ProductStore store = new ProductStore(db.dataSource());
            Product cola = product("6901028075831", "20001", "可口可乐");
            store.upsertAll(List.of(cola));

            assertThat(store.upsertAll(List.of(cola))).isEqualTo(new ProductStore.UpsertResult(0, 0, 1));
            List<Product> changes = List.of(
                    new Product(0, List.of("6901028075831", "96385074"), cola.plu(), cola.name(), cola.category(),
                            cola.unit(), cola.price(), cola.cost(), cola.initials()),
                    new Product(0, cola.barcodes(), "", cola.name(), cola.category(), cola.unit(), cola.price(),
                            cola.cost(), cola.initials()),
                    new Product(0, cola.barcodes(), cola.plu(), cola.name(), "饮料", cola.unit(), cola.price(),
                            cola.cost(), cola.initials()),
                    new Product(0, cola.barcodes(), cola.plu(), cola.name(), cola.category(), ProductUnit.of("罐"),
                            cola.price(), cola.cost(), cola.initials()),
                    new Product(0, cola.barcodes(), cola.plu(), cola.name(), cola.category(), cola.unit(),
                            Money.ofFen(101), cola.cost(), cola.initials()),
                    new Product(0, cola.barcodes(), cola.plu(), cola.name(), cola.category(), cola.unit(), cola.price(),
                            Optional.of(Money.ZERO), cola.initials()),
                    new Product(0, cola.barcodes(), cola.plu(), cola.name(), cola.category(), cola.unit(), cola.price(),
                            cola.cost(), "kl"));
            for (Product change : changes) { // each differs from cola in one field
                store.upsertAll(List.of(cola));
                assertThat(store.upsertAll(List.of(change))).as(change.toString())
                        .isEqualTo(new ProductStore.UpsertResult(0, 1, 0));
                assertThat(store.loadAll()).singleElement().usingRecursiveComparison().ignoringFields("id")
                        .isEqualTo(change);
            }
        }
    }

    @Test
    void theDatabaseRefusesARepeatedPluEvenWithLeadingZeros() {
        try (Database db = Database.open(dir); Connection c = db.connection(); Statement s = c.createStatement()) {
            String insert = "INSERT INTO product (plu, name, category, unit, weighed, price_fen, initials) "
                    + "VALUES ('%s', 'x', 'c', 'kg', TRUE, 1, 'x')";
            s.executeUpdate(insert.formatted("10001"));
            s.executeUpdate(insert.formatted(""));
            s.executeUpdate(insert.formatted(""));
            assertThatThrownBy(() -> s.executeUpdate(insert.formatted("010001"))).isInstanceOf(SQLException.class);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTerminalThatAlreadyHasARepeatedPluKeepsItOnTheProductItWasSelling() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("tongpos") + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool before = JdbcConnectionPool.create(url, "sa", "");
        try {
            Flyway.configure().dataSource(before).locations("classpath:db/migration").target("2").load().migrate();
            try (Connection c = before.getConnection(); Statement s = c.createStatement()) {
                String insert = "INSERT INTO product (id, plu, name, category, unit, weighed, price_fen, initials) "
                        + "VALUES (%d, '%s', '%s', 'c', 'kg', TRUE, 1, 'x')";
                s.executeUpdate(insert.formatted(1, "10001", "older"));
                s.executeUpdate(insert.formatted(2, "10001", "newer"));
                s.executeUpdate(insert.formatted(3, "0042", "also older"));
                s.executeUpdate(insert.formatted(4, "42", "newest"));
                s.executeUpdate(insert.formatted(5, "10002", "alone"));
            }
        } finally {
            before.dispose();
        }
        try (Database db = Database.open(dir)) {
            assertThat(new ProductStore(db.dataSource()).loadAll()).extracting(p -> p.name() + ":" + p.plu())
                    .containsExactly("older:", "newer:10001", "also older:", "newest:42", "alone:10002");
        }
    }
}
