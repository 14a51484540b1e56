package org.tongpos.app.catalog.service;

import java.util.List;
import java.util.Optional;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductIndex;
import org.tongpos.app.catalog.store.ProductStore;

/**
 * The catalog as the till sees it: lookups and searches on an in-memory index that is rebuilt whenever the
 * catalog changes, so scanning never waits for the database.
 */
public final class CatalogService {

    private final ProductStore store;
    private volatile ProductIndex index;

    public CatalogService(ProductStore store) {
        this.store = store;
        this.index = new ProductIndex(store.loadAll());
    }

    public Optional<Product> byBarcode(String barcode) {
        return index.byBarcode(barcode);
    }

    public Optional<Product> byPlu(String plu) {
        return index.byPlu(plu);
    }

    public List<Product> search(String text, int limit) {
        return index.search(text, limit);
    }

    /** Every product, in catalog order. */
    public List<Product> all() {
        return index.all();
    }

    public int size() {
        return index.size();
    }

    /** Saves products (add or update, all or nothing) and makes them visible to the till. */
    public ProductStore.UpsertResult save(List<Product> products) {
        ProductStore.UpsertResult result = store.upsertAll(products);
        index = new ProductIndex(store.loadAll());
        return result;
    }
}
