package org.tongpos.app.checkout.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.ui.Subscriptions;

/** Product search: a field whose every change updates the list; ↑/↓ select, Enter adds, Esc closes. */
final class SearchDialog implements CashierDialog {

    private final VBox root;
    private final TextField field = new TextField();

    SearchDialog(CashierViewModel vm, Messages messages, KeyBindings keys, Subscriptions subscriptions) {
        ProductSearchViewModel search = vm.search();
        CartLineText text = new CartLineText(messages);
        field.setId("search-field");
        field.getStyleClass().add("search-field");
        field.setPromptText(messages.get("checkout.search.prompt"));
        field.textProperty().bindBidirectional(search.query());
        subscriptions.add(() -> field.textProperty().unbindBidirectional(search.query()));
        field.setOnAction(e -> vm.addSearchResult());

        ListView<Product> list = new ListView<>(search.results());
        list.setId("search-results");
        list.getStyleClass().add("search-results");
        list.setFocusTraversable(false);
        list.setPrefSize(720, 400);
        list.setPlaceholder(new Label(messages.get("checkout.search.none")));
        list.setCellFactory(v -> new ProductCell(text));
        list.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                search.selected().set(index.intValue());
            }
        });
        subscriptions.onChange(search.selected(), (obs, old, index) -> {
            if (index.intValue() >= 0) {
                list.getSelectionModel().select(index.intValue());
                list.scrollTo(Math.max(0, index.intValue() - 3));
            } else {
                list.getSelectionModel().clearSelection();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.addSearchResult();
            }
        });

        Label hint = new Label(messages.get("checkout.search.hint", keys.label(CashierAction.SELECT_UP),
                keys.label(CashierAction.SELECT_DOWN), keys.label(CashierAction.CANCEL)));
        hint.getStyleClass().add("hint");
        HBox buttons = DialogParts.buttonRow(
                DialogParts.keyed(messages, "Enter", messages.get("checkout.search.add"), vm::addSearchResult),
                DialogParts.keyed(messages, keys.label(CashierAction.CANCEL), messages.get("common.close"),
                        () -> vm.perform(CashierAction.CANCEL)));
        root = new VBox(12, DialogParts.title(messages.get("checkout.search.title")), field, list, hint, buttons);
        root.setPrefWidth(760);
        root.setId("search-dialog");
    }

    @Override
    public Region root() {
        return root;
    }

    @Override
    public Node focusTarget() {
        return field;
    }

    private static final class ProductCell extends ListCell<Product> {
        private final CartLineText text;
        private final Label name = new Label();
        private final Label price = new Label();
        private final Label code = new Label();
        private final HBox row;

        ProductCell(CartLineText text) {
            this.text = text;
            name.getStyleClass().add("result-name");
            price.getStyleClass().add("result-price");
            code.getStyleClass().add("result-code");
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            price.setMinWidth(Region.USE_PREF_SIZE);
            code.setMinWidth(150);
            row = new HBox(16, name, price, code);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Product product, boolean empty) {
            super.updateItem(product, empty);
            if (empty || product == null) {
                setGraphic(null);
                return;
            }
            name.setText(product.name());
            price.setText("￥" + text.price(product));
            code.setText(product.barcodes().isEmpty() ? "PLU " + product.plu() : product.primaryBarcode());
            setGraphic(row);
        }
    }
}
