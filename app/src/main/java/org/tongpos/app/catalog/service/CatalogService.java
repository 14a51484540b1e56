package org.tongpos.app.catalog.service;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductIndex;
import org.tongpos.app.catalog.store.ProductStore;

/**
 * The catalog as the till sees it. Lookups and searches are answered by the database (indexed queries for codes)
 * until {@link #buildIndex()} has loaded the catalog into an in-memory {@link ProductIndex}; from then on by the index,
 * which every save rebuilds, so that scanning never waits for the database. Both give the same answers: the window
 * builds the index in the background after it shows, and a scan before that finds what it finds after; the command
 * line never builds it (one command, one query).
 */
public final class CatalogService {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogService.class);

    private final ProductStore store;
    /** Serialises building the index with the rebuild after a save, so that an older build never wins. */
    private final Object building = new Object();
    private volatile ProductIndex index;
    private volatile boolean indexWanted;

    public CatalogService(ProductStore store) {
        this.store = store;
    }

    public Optional<Product> byBarcode(String barcode) {
        ProductIndex ready = index;
        return ready != null ? ready.byBarcode(barcode) : store.findByBarcode(barcode);
    }

    public Optional<Product> byPlu(String plu) {
        ProductIndex ready = index;
        return ready != null ? ready.byPlu(plu) : store.findByPlu(plu);
    }

    public List<Product> search(String text, int limit) {
        ProductIndex ready = index;
        return ready != null ? ready.search(text, limit) : store.search(text, limit);
    }

    /** Every product, in catalog order (builds the index first if it is not built). */
    public List<Product> all() {
        return buildIndex().all();
    }

    public int size() {
        ProductIndex ready = index;
        return ready != null ? ready.size() : store.count();
    }

    /** Whether lookups are answered from memory yet. */
    public boolean indexReady() {
        return index != null;
    }

    /**
     * Loads the catalog into memory (if it is not there yet) and keeps it there: later saves rebuild it. Takes the
     * time of reading every product; the window calls it on a background thread.
     */
    public ProductIndex buildIndex() {
        synchronized (building) {
            indexWanted = true;
            if (index == null) {
                long start = System.nanoTime();
                index = new ProductIndex(store.loadAll());
                LOG.info("catalog index of {} products built in {} ms", index.size(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return index;
        }
    }

    /** Saves products (add or update, all or nothing) and makes them visible to the till. */
    public ProductStore.UpsertResult save(List<Product> products) {
        ProductStore.UpsertResult result = store.upsertAll(products);
        saved();
        return result;
    }

    /** Starts a save that streams its products (an import); see {@link ProductStore#beginUpsert}. */
    public ProductStore.Upsert beginSave(ProductStore.KeepStored keep) {
        return store.beginUpsert(keep);
    }

    /** Makes what a committed {@link #beginSave} save wrote visible to the till. */
    public void saved() {
        if (indexWanted) {
            synchronized (building) {
                index = new ProductIndex(store.loadAll());
            }
        }
    }
}
