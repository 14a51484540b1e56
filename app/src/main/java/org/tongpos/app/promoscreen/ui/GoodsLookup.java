package org.tongpos.app.promoscreen.ui;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.CatalogService;

/**
 * Finds the goods a promotion names, in the catalog: a product by barcode or PLU (scanned or typed), and the
 * categories the catalog uses. The catalog may answer from the database: call it off the FX thread.
 */
public final class GoodsLookup {

    private final CatalogService catalog;

    public GoodsLookup(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The product with this barcode, or with this PLU (up to 7 digits, leading zeros or not). */
    public Optional<Product> product(String code) {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        Optional<Product> byBarcode = catalog.byBarcode(c);
        if (byBarcode.isPresent() || !c.matches("\\d{1,7}")) {
            return byBarcode;
        }
        return catalog.byPlu(c);
    }

    /** The product as the form lists it: the code typed and the product's name. */
    public Optional<PromotionForm.Goods> goods(String code) {
        return product(code).map(p -> new PromotionForm.Goods(code.strip(), p.name()));
    }

    /** The product's name for a code, or the code itself when the catalog does not have it (any more). */
    public String label(String code) {
        return product(code).map(Product::name).orElse(code);
    }

    /** The categories of the catalog, sorted. */
    public List<String> categories() {
        TreeSet<String> names = new TreeSet<>();
        for (Product p : catalog.all()) {
            if (!p.category().isBlank()) {
                names.add(p.category());
            }
        }
        return List.copyOf(names);
    }
}
