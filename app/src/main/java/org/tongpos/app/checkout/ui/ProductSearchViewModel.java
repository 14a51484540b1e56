package org.tongpos.app.checkout.ui;

import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.service.CatalogService;

/**
 * Product search as the cashier types: results follow every change of the query at once (the catalog index is in
 * memory, so searching inline costs a few milliseconds even for 100,000 products). The first hit is selected.
 */
public final class ProductSearchViewModel {

    public static final int RESULT_LIMIT = 50;

    private final CatalogService catalog;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Product> results = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);

    public ProductSearchViewModel(CatalogService catalog) {
        this.catalog = catalog;
        query.addListener((obs, old, text) -> {
            results.setAll(catalog.search(text, RESULT_LIMIT));
            selected.set(results.isEmpty() ? -1 : 0);
        });
    }

    public StringProperty query() {
        return query;
    }

    public ObservableList<Product> results() {
        return results;
    }

    public IntegerProperty selected() {
        return selected;
    }

    /** Moves the selection by {@code delta} rows, staying within the results. */
    public void move(int delta) {
        if (results.isEmpty()) {
            return;
        }
        int next = Math.max(0, Math.min(results.size() - 1, selected.get() + delta));
        selected.set(next);
    }

    public Optional<Product> chosen() {
        int i = selected.get();
        return i >= 0 && i < results.size() ? Optional.of(results.get(i)) : Optional.empty();
    }

    public void reset() {
        query.set("");
        results.clear();
        selected.set(-1);
    }
}
