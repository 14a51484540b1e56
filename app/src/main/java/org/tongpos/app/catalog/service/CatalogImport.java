package org.tongpos.app.catalog.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.CatalogCsvReader.Problem;
import org.tongpos.app.catalog.service.CatalogCsvReader.Reason;
import org.tongpos.app.catalog.store.CodeTakenException;
import org.tongpos.app.catalog.store.ProductStore;

/**
 * Imports a catalog CSV all or nothing: any bad row, or any row that would take a barcode or PLU another product
 * already has, imports nothing and is reported with its line. Optional columns the file leaves out keep their
 * stored values.
 */
public final class CatalogImport {

    private final CatalogCsvReader reader;
    private final CatalogService catalog;

    public CatalogImport(CatalogCsvReader reader, CatalogService catalog) {
        this.reader = reader;
        this.catalog = catalog;
    }

    /** What an import did: the problems that stopped it, or the products saved. */
    public record Outcome(List<Problem> problems, ProductStore.UpsertResult saved) {
        public boolean imported() {
            return problems.isEmpty();
        }
    }

    /**
     * Streams the file into one transaction as it is read: rows go to the database in order while every row so far
     * is good, and the transaction commits only when the whole file was read without a problem. A product updated by
     * a file without the {@code plu} or {@code cost} column keeps its stored PLU and cost: a price list must not strip
     * weighed goods of the PLU their scale barcodes name. Memory holds the codes (to refuse repeats and taken codes),
     * not the file.
     */
    public Outcome run(InputStream csv) throws IOException {
        StreamedSave save = new StreamedSave();
        try {
            CatalogCsvReader.Scan scan = reader.read(csv, save);
            if (!scan.clean()) {
                return new Outcome(scan.problems(), NOTHING);
            }
            if (save.taken != null) {
                return new Outcome(List.of(save.taken), NOTHING);
            }
            ProductStore.UpsertResult saved = save.commit();
            catalog.saved();
            return new Outcome(List.of(), saved);
        } finally {
            save.close();
        }
    }

    private static final ProductStore.UpsertResult NOTHING = new ProductStore.UpsertResult(0, 0, 0);

    /** The rows of the file into one save, until a row would take another product's code. */
    private final class StreamedSave implements CatalogCsvReader.Rows, AutoCloseable {
        private ProductStore.Upsert upsert;
        private Problem taken;

        @Override
        public void columns(Set<String> columns) {
            upsert = catalog.beginSave(new ProductStore.KeepStored(!columns.contains("plu"), !columns.contains("cost")));
        }

        @Override
        public void row(Product product, long line) {
            if (taken != null) {
                return;
            }
            try {
                upsert.write(product);
            } catch (CodeTakenException e) {
                Reason reason = e.kind() == CodeTakenException.Kind.PLU
                        ? Reason.of("catalog.import.pluTaken", e.code(), e.ownerName())
                        : Reason.of("catalog.import.barcodeTaken", e.code(), e.ownerName());
                taken = new Problem(line, reason);
            }
        }

        ProductStore.UpsertResult commit() {
            return upsert == null ? NOTHING : upsert.commit();
        }

        @Override
        public void close() {
            if (upsert != null) {
                upsert.close();
            }
        }
    }
}
