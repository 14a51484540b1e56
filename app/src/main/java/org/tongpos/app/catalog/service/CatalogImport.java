package org.tongpos.app.catalog.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
     * A product updated by a file without the {@code plu} or {@code cost} column keeps its stored PLU and cost: a
     * price list must not strip weighed goods of the PLU their scale barcodes name.
     */
    private List<Product> keepWhatTheFileLeavesOut(CatalogCsvReader.Result read) {
        boolean plu = read.hasColumn("plu");
        boolean cost = read.hasColumn("cost");
        if (plu && cost) {
            return read.products();
        }
        return read.products().stream().map(p -> p.barcodes().isEmpty() ? p
                : catalog.byBarcode(p.primaryBarcode()).map(stored -> new Product(p.id(), p.barcodes(),
                        plu ? p.plu() : stored.plu(), p.name(), p.category(), p.unit(), p.price(),
                        cost ? p.cost() : stored.cost(), p.initials())).orElse(p)).toList();
    }

    public Outcome run(InputStream csv) throws IOException {
        CatalogCsvReader.Result read = reader.read(csv);
        if (!read.problems().isEmpty()) {
            return new Outcome(read.problems(), new ProductStore.UpsertResult(0, 0));
        }
        try {
            return new Outcome(List.of(), catalog.save(keepWhatTheFileLeavesOut(read)));
        } catch (CodeTakenException e) {
            Reason reason = e.kind() == CodeTakenException.Kind.PLU
                    ? Reason.of("catalog.import.pluTaken", e.code(), e.ownerName())
                    : Reason.of("catalog.import.barcodeTaken", e.code(), e.ownerName());
            return new Outcome(List.of(new Problem(read.lineOf(e.index()), reason)), new ProductStore.UpsertResult(0, 0));
        }
    }
}
