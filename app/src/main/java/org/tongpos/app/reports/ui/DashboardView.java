package org.tongpos.app.reports.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.table.TableFilter;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.reports.domain.CanteenReport;
import org.tongpos.app.reports.domain.Dashboard;
import org.tongpos.app.reports.domain.ReportRow;
import org.tongpos.app.reports.domain.SaleLineDetail;
import org.tongpos.app.reports.domain.SalesTotals;
import org.tongpos.app.reports.service.ReportTables;
import org.tongpos.app.ui.NoticeLabel;

/**
 * The owner's dashboard, built in code: the range with quick choices and export buttons on top, the range's totals
 * beside the week before, then charts (sales by hour as bars, the trend over the range as a line whose points drill
 * down to their day, tenders as a pie, top products, canteen meals by period and by department) and, on a second tab,
 * every product sold in a table that sorts and filters (ControlsFX {@code TableFilter}). Esc or the close button
 * returns to the till.
 */
public final class DashboardView {

    private final DashboardViewModel vm;
    private final Messages messages;
    private final StackPane root;
    private final GridPane grid = new GridPane();
    private final ObservableList<ReportRow> products = FXCollections.observableArrayList();
    private final Label totals = new Label();
    private final Label meals = new Label();
    private final ObservableList<SaleLineDetail> saleLines = FXCollections.observableArrayList();
    private final Label linesTitle = new Label();
    private Tab linesTab;
    private TabPane tabs;

    public DashboardView(DashboardViewModel vm, Messages messages, Runnable close) {
        this(vm, messages, close, List.of());
    }

    /** @param links buttons to other owner's screens, shown before the close button */
    public DashboardView(DashboardViewModel vm, Messages messages, Runnable close, List<Node> links) {
        this.vm = vm;
        this.messages = messages;
        Label title = new Label(messages.get("report.dash.title"));
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        DatePicker fromPicker = new DatePicker();
        fromPicker.setId("dash-from");
        fromPicker.valueProperty().bindBidirectional(vm.from());
        DatePicker toPicker = new DatePicker();
        toPicker.setId("dash-to");
        toPicker.valueProperty().bindBidirectional(vm.to());
        javafx.util.StringConverter<java.time.LocalDate> iso = new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
        fromPicker.setConverter(iso);
        toPicker.setConverter(iso);
        fromPicker.setPrefWidth(150);
        toPicker.setPrefWidth(150);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox range = new HBox(8, title, spacer(), new Label(messages.get("report.dash.from")), fromPicker,
                new Label(messages.get("report.dash.to")), toPicker,
                button("dash-refresh", "report.dash.refresh", vm::refresh),
                button("dash-today", "report.dash.today", vm::today),
                button("dash-week", "report.dash.week", () -> vm.lastDays(7)),
                button("dash-last-month", "report.dash.lastMonth", vm::lastMonth));
        range.setAlignment(Pos.CENTER_LEFT);
        // the actions on a row of their own: on one row with the range they were cut to "..." at 1260 px
        HBox actions = new HBox(8, spacer(), button("dash-csv", "report.dash.csv", vm::exportCsv),
                button("dash-pdf", "report.dash.pdf", vm::exportPdf),
                button("dash-print", "report.dash.print", vm::printSummary));
        actions.getChildren().addAll(links);
        actions.getChildren().add(button("dash-close", "report.dash.close", close));
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox top = new VBox(6, range, actions);
        NoticeLabel notice = new NoticeLabel(vm.notice(), messages);
        notice.setId("dash-notice");
        totals.setId("dash-totals");
        totals.setStyle("-fx-font-size: 15px;");
        meals.setId("dash-meals");
        meals.setStyle("-fx-font-size: 15px;");

        linesTab = new Tab(messages.get("report.dash.lines"), linesTable());
        linesTab.setId("dash-lines-tab");
        TabPane tabs = new TabPane(new Tab(messages.get("report.dash.charts"), charts()),
                new Tab(messages.get("report.dash.products"), productTable()), linesTab);
        tabs.setId("dash-tabs");
        vm.lines().addListener((o, was, now) -> {
            saleLines.setAll(now);
            String hour = vm.linesHour().get();
            linesTitle.setText(messages.get("report.dash.linesTitle", vm.linesRange().get().from(),
                    vm.linesRange().get().to(), hour == null ? messages.get("report.dash.allHours") : hour + ":00",
                    now.size()));
            tabs.getSelectionModel().select(linesTab);
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox content = new VBox(8, top, totals, meals, notice, tabs);
        content.setPadding(new Insets(12));
        content.disableProperty().bind(vm.busy());
        MaskerPane masker = new MaskerPane();
        masker.setText(messages.get("report.dash.reading"));
        masker.visibleProperty().bind(vm.busy());
        root = new StackPane(content, masker);
        root.setId("dashboard");
        this.tabs = tabs;
        vm.data().addListener((o, was, now) -> show(now));
        show(vm.data().get());
    }

    public Region root() {
        return root;
    }

    /**
     * The dashboard's own keys (the window passes them while it shows): Ctrl+D the sale lines of the range shown
     * (every hour); on the lines, Ctrl+Left/Right the hour before/after. True when the key was used.
     */
    public boolean handleKey(javafx.scene.input.KeyEvent e) {
        if (e.getEventType() != javafx.scene.input.KeyEvent.KEY_PRESSED || !(e.isControlDown() || e.isShortcutDown())) {
            return false;
        }
        if (e.getCode() == javafx.scene.input.KeyCode.D) {
            vm.drillToLines(null);
            return true;
        }
        if ((e.getCode() == javafx.scene.input.KeyCode.RIGHT || e.getCode() == javafx.scene.input.KeyCode.LEFT)
                && tabs.getSelectionModel().getSelectedItem() == linesTab) {
            stepHour(e.getCode() == javafx.scene.input.KeyCode.RIGHT ? 1 : -1);
            return true;
        }
        return false;
    }

    /** The hours with sales in the range shown, in order. */
    private List<String> hoursShown() {
        Dashboard d = vm.data().get();
        return d == null ? List.of() : d.byHour().stream().filter(r -> r.count() > 0).map(ReportRow::key).toList();
    }

    /** Drills to the next (or previous) hour with sales; from every hour, to the first (or last). */
    private void stepHour(int step) {
        List<String> hours = hoursShown();
        if (hours.isEmpty()) {
            return;
        }
        String now = vm.linesHour().get();
        int i = now == null ? (step > 0 ? 0 : hours.size() - 1) : hours.indexOf(now) + step;
        if (i >= 0 && i < hours.size()) {
            vm.drillToLines(hours.get(i));
        } else {
            vm.drillToLines(null);
        }
    }

    private Node linesTable() {
        TableView<SaleLineDetail> table = new TableView<>(saleLines);
        table.setId("dash-lines-table");
        TableColumn<SaleLineDetail, String> time = new TableColumn<>(messages.get("report.col.time"));
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().occurredAt().replace('T', ' ')
                .substring(0, Math.min(19, c.getValue().occurredAt().length()))));
        time.setPrefWidth(170);
        TableColumn<SaleLineDetail, String> receipt = new TableColumn<>(messages.get("report.col.receipt"));
        receipt.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().receiptNo()));
        receipt.setPrefWidth(170);
        TableColumn<SaleLineDetail, String> cashier = new TableColumn<>(messages.get("report.by.cashier"));
        cashier.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cashier()));
        TableColumn<SaleLineDetail, String> product = new TableColumn<>(messages.get("report.col.product"));
        product.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().product()));
        product.setPrefWidth(240);
        TableColumn<SaleLineDetail, Long> quantity = new TableColumn<>(messages.get("report.col.quantity"));
        quantity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().quantity()));
        TableColumn<SaleLineDetail, Money> amount = new TableColumn<>(messages.get("report.col.amount"));
        amount.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Money.ofFen(c.getValue().amountFen())));
        TableColumn<SaleLineDetail, Money> margin = new TableColumn<>(messages.get("report.col.margin"));
        margin.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Money.ofFen(c.getValue().marginFen())));
        List.of(time, receipt, cashier, product, quantity, amount, margin).forEach(table.getColumns()::add);
        TableFilter.forTableView(table).lazy(true).apply();
        linesTitle.setId("dash-lines-title");
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, linesTitle, table);
    }

    private Node charts() {
        grid.setHgap(6);
        grid.setVgap(6);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100 / 3.0);
            grid.getColumnConstraints().add(c);
        }
        for (int i = 0; i < 2; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            grid.getRowConstraints().add(r);
        }
        return grid;
    }

    private Node productTable() {
        TableView<ReportRow> table = new TableView<>(products);
        table.setId("dash-product-table");
        TableColumn<ReportRow, String> name = new TableColumn<>(messages.get("report.col.product"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        name.setPrefWidth(260);
        TableColumn<ReportRow, Long> count = new TableColumn<>(messages.get("report.col.count"));
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        TableColumn<ReportRow, Long> quantity = new TableColumn<>(messages.get("report.col.quantity"));
        quantity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().quantity()));
        TableColumn<ReportRow, Money> amount = yuanColumn("report.col.amount", ReportRow::amountFen);
        TableColumn<ReportRow, Money> refunds = yuanColumn("report.col.refunds", ReportRow::refundFen);
        TableColumn<ReportRow, Money> margin = yuanColumn("report.col.margin", ReportRow::marginFen);
        List.of(name, count, quantity, amount, refunds, margin).forEach(table.getColumns()::add);
        TableFilter.forTableView(table).lazy(true).apply();
        return table;
    }

    private TableColumn<ReportRow, Money> yuanColumn(String key, java.util.function.ToLongFunction<ReportRow> fen) {
        TableColumn<ReportRow, Money> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Money.ofFen(fen.applyAsLong(c.getValue()))));
        column.setPrefWidth(120);
        return column;
    }

    /**
     * Draws the range: the charts are built anew each time (a chart's category axis otherwise keeps the categories of
     * the range shown before, and bars and labels land beside the wrong names).
     */
    private void show(Dashboard d) {
        grid.getChildren().clear();
        if (d == null) {
            totals.setText("");
            meals.setText("");
            products.clear();
            return;
        }
        SalesTotals t = d.totals();
        SalesTotals before = d.byDay().weekBefore();
        totals.setText(messages.get("report.dash.totals", t.sales(), ReportTables.yuan(t.salesFen()), t.refunds(),
                ReportTables.yuan(t.refundsFen()), ReportTables.yuan(t.netFen()), ReportTables.yuan(t.averageSaleFen()),
                t.costedAmountFen() == 0 ? "-" : ReportTables.yuan(t.marginFen()),
                ReportTables.yuan(before.netFen()), ReportTables.change(t.netFen(), before.netFen())));
        CanteenReport.Row canteen = d.canteenByPeriod().total();
        meals.setText(messages.get("report.dash.meals", canteen.meals(), ReportTables.yuan(canteen.amountFen()),
                ReportTables.yuan(canteen.subsidyFen()), canteen.refunded(),
                d.canteenByPeriod().anomalies().size()));

        List<String> hourKeys = new ArrayList<>();
        XYChart.Series<String, Number> hours = new XYChart.Series<>();
        for (ReportRow r : d.byHour()) {
            hours.getData().add(new XYChart.Data<>(r.key(), r.amountFen()));
            hourKeys.add(r.key());
        }
        BarChart<String, Number> byHour = barChart("dash-hour", "report.dash.byHour", hourKeys, yuanAxis());
        byHour.getData().add(hours);
        Tooltip.install(byHour, new Tooltip(messages.get("report.dash.hourHint")));
        for (XYChart.Data<String, Number> bar : hours.getData()) {
            Node node = bar.getNode();
            if (node != null) {
                String hour = bar.getXValue();
                node.setId("dash-hour-" + hour);
                node.setOnMouseClicked(e -> vm.drillToLines(hour));
                node.setCursor(Cursor.HAND);
            }
        }

        TrendPoints trendPoints = TrendPoints.of(d.byDay().rows());
        List<String> pointKeys = new ArrayList<>();
        XYChart.Series<String, Number> points = new XYChart.Series<>();
        for (TrendPoints.Point p : trendPoints.points()) {
            points.getData().add(new XYChart.Data<>(p.label(), p.netFen()));
            pointKeys.add(p.label());
        }
        LineChart<String, Number> trend = new LineChart<>(axis(pointKeys), yuanAxis());
        style(trend, "dash-trend", trendPoints.weekly() ? "report.dash.trendWeekly" : "report.dash.trend");
        Tooltip.install(trend, new Tooltip(messages.get(trendPoints.weekly()
                ? "report.dash.drillHintWeekly" : "report.dash.drillHint")));
        trend.getData().add(points);
        for (int i = 0; i < points.getData().size(); i++) {
            TrendPoints.Point p = trendPoints.points().get(i);
            Node point = points.getData().get(i).getNode();
            if (point != null) {
                String days = p.first().equals(p.last()) ? p.first().toString() : p.first() + " ~ " + p.last();
                point.setOnMouseEntered(e -> { // made when first needed: cheaper than one per point up front
                    Tooltip.install(point, new Tooltip(days));
                    point.setOnMouseEntered(null);
                });
                point.setOnMouseClicked(e -> {
                    if (p.first().equals(p.last())) {
                        vm.drillDown(p.first().toString());
                    } else {
                        vm.show(p.first(), p.last());
                    }
                });
                point.setCursor(Cursor.HAND);
            }
        }

        PieChart tenders = new PieChart();
        tenders.setId("dash-tenders");
        tenders.setTitle(messages.get("report.dash.tenders"));
        tenders.setAnimated(false);
        tenders.setLegendSide(Side.RIGHT);
        tenders.setLabelsVisible(false); // the legend names each slice with its amount
        for (ReportRow r : d.byTender()) {
            String key = "report.tender." + r.key();
            String label = messages.bundle().containsKey(key) ? messages.get(key) : r.key();
            tenders.getData().add(new PieChart.Data(label + " " + ReportTables.yuan(r.amountFen()),
                    r.amountFen())); // the slice is its share: fen as well as yuan
        }

        XYChart.Series<Number, String> top = new XYChart.Series<>();
        List<ReportRow> best = d.topProducts(DashboardViewModel.TOP_PRODUCTS);
        List<String> names = new ArrayList<>();
        for (int i = best.size() - 1; i >= 0; i--) { // the best at the top
            top.getData().add(new XYChart.Data<>(best.get(i).amountFen(), best.get(i).key()));
            names.add(best.get(i).key());
        }
        CategoryAxis productAxis = axis(names);
        productAxis.setStyle("-fx-tick-label-font-size: 10px;");
        BarChart<Number, String> topProducts = new BarChart<>(yuanAxis(), productAxis);
        style(topProducts, "dash-top", "report.dash.top");
        topProducts.setTitle(messages.get("report.dash.top", DashboardViewModel.TOP_PRODUCTS));
        topProducts.setCategoryGap(3);
        topProducts.getData().add(top);

        BarChart<String, Number> byPeriod = mealChart("dash-canteen-period", "report.dash.mealsByPeriod",
                d.canteenByPeriod().rows());
        BarChart<String, Number> byDepartment = mealChart("dash-canteen-department", "report.dash.mealsByDepartment",
                d.canteenByDepartment());

        grid.add(byHour, 0, 0);
        grid.add(trend, 1, 0);
        grid.add(tenders, 2, 0);
        grid.add(topProducts, 0, 1);
        grid.add(byPeriod, 1, 1);
        grid.add(byDepartment, 2, 1);
        for (Node n : grid.getChildren()) {
            ((Region) n).setMinSize(0, 0);
            ((Region) n).setPrefSize(300, 200);
        }
        products.setAll(d.byProduct());
    }

    private BarChart<String, Number> mealChart(String id, String titleKey, List<CanteenReport.Row> rows) {
        List<String> keys = new ArrayList<>();
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (CanteenReport.Row r : rows) {
            series.getData().add(new XYChart.Data<>(r.key(), r.meals()));
            keys.add(r.key());
        }
        BarChart<String, Number> chart = barChart(id, titleKey, keys, new NumberAxis());
        chart.getData().add(series);
        return chart;
    }

    /** A value axis for amounts plotted in fen, its ticks labelled in yuan. */
    private static NumberAxis yuanAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number fen) {
                return ReportTables.yuan(fen.longValue());
            }

            @Override
            public Number fromString(String yuan) {
                return Money.parseYuan(yuan).fen();
            }
        });
        return axis;
    }

    private static CategoryAxis axis(List<String> names) {
        return new CategoryAxis(FXCollections.observableArrayList(new LinkedHashSet<>(names)));
    }

    private BarChart<String, Number> barChart(String id, String titleKey, List<String> keys, NumberAxis values) {
        BarChart<String, Number> chart = new BarChart<>(axis(keys), values);
        style(chart, id, titleKey);
        chart.setCategoryGap(3);
        return chart;
    }

    private void style(XYChart<?, ?> chart, String id, String titleKey) {
        chart.setId(id);
        chart.setTitle(messages.get(titleKey));
        chart.setAnimated(false);
        chart.setLegendVisible(false);
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(messages.get(key));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
