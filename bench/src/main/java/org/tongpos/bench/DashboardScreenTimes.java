package org.tongpos.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.tongpos.app.Terminal;
import org.tongpos.app.reports.domain.Dashboard;
import org.tongpos.app.reports.domain.DateRange;
import org.tongpos.app.reports.service.PdfExport;
import org.tongpos.app.reports.ui.DashboardScreens;
import org.tongpos.app.reports.ui.DashboardViewModel;
import org.tongpos.app.ui.FxTaskRunner;

/**
 * The owner's dashboard as the screen shows it, on an existing history: from picking a range to the first layout
 * pulse after the range's figures, charts and tables are in the scene (the read on its background thread included),
 * the ranges picked in turn as an owner switches between them.
 * Needs a display (xvfb-run): {@code xvfb-run java -cp bench/target/benchmarks.jar
 * org.tongpos.bench.DashboardScreenTimes DIR [RUNS]}. {@link ReportCpuTimes} times the read alone.
 */
public final class DashboardScreenTimes {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DashboardScreenTimes.class);
    private static final int WARM_UP = 3;

    private DashboardScreenTimes() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        try (Terminal terminal = Terminal.open(directory); FxTaskRunner tasks = new FxTaskRunner()) {
            LocalDate today = LocalDate.now(terminal.clock());
            LocalDate first = LocalDate.parse(terminal.journal().read(1, 1).get(0).businessDate());
            LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
            Map<String, DateRange> ranges = new LinkedHashMap<>();
            ranges.put("last 7 days", new DateRange(today.minusDays(7), today.minusDays(1)));
            ranges.put("last month", new DateRange(lastMonth, lastMonth.plusMonths(1).minusDays(1)));
            ranges.put("whole history", new DateRange(first, today.minusDays(1)));
            Path exports = Files.createTempDirectory("tongpos-dash-bench");
            DashboardScreens screens = new DashboardScreens(terminal.reports(), terminal::systemSession, tasks,
                    terminal.clock(), exports, PdfExport::defaultFont, null);
            CompletableFuture<DashboardViewModel> opened = new CompletableFuture<>();
            CompletableFuture<Scene> shown = new CompletableFuture<>();
            Platform.runLater(() -> {
                Stage stage = new Stage();
                Scene scene = new Scene(new StackPane(), 1366, 768);
                stage.setScene(scene);
                stage.show();
                opened.complete(screens.open(scene, terminal.messages()));
                shown.complete(scene);
            });
            DashboardViewModel vm = opened.get(60, TimeUnit.SECONDS);
            Scene scene = shown.get();
            StringBuilder table = new StringBuilder("\n| dashboard (" + ranges.get("whole history")
                    + ") | on screen p50 | max | each run, ms |\n| --- | --- | --- | --- |\n");
            // the ranges in turn: the same range twice would be the same figures, which the screen does not redraw
            Map<String, long[]> millis = new LinkedHashMap<>();
            ranges.keySet().forEach(name -> millis.put(name, new long[runs]));
            for (int i = -WARM_UP; i < runs; i++) {
                for (Map.Entry<String, DateRange> range : ranges.entrySet()) {
                    long took = onScreen(vm, scene, range.getValue());
                    if (i >= 0) {
                        millis.get(range.getKey())[i] = took;
                    }
                }
            }
            millis.forEach((name, each) -> {
                String list = Arrays.toString(each);
                long[] sorted = each.clone();
                Arrays.sort(sorted);
                table.append(String.format(Locale.ROOT, "| %s | %d ms | %d ms | %s |%n", name, sorted[runs / 2],
                        sorted[runs - 1], list.substring(1, list.length() - 1)));
            });
            LOG.info("dashboard on screen:\n{}", table);
        } finally {
            Platform.exit();
        }
    }

    /** Picks the range on the FX thread and waits for the layout pulse after its figures were put in the scene. */
    private static long onScreen(DashboardViewModel vm, Scene scene, DateRange range) throws Exception {
        CompletableFuture<Long> laidOut = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            ChangeListener<Dashboard> arrived = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Dashboard> o, Dashboard was,
                                    Dashboard now) {
                    vm.data().removeListener(this);
                    Runnable[] pulse = new Runnable[1];
                    pulse[0] = () -> {
                        scene.removePostLayoutPulseListener(pulse[0]);
                        laidOut.complete((System.nanoTime() - start) / 1_000_000);
                    };
                    scene.addPostLayoutPulseListener(pulse[0]);
                    Platform.requestNextPulse();
                }
            };
            vm.data().addListener(arrived);
            vm.show(range.from(), range.to());
        });
        try {
            return laidOut.get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the dashboard did not show " + range + ": " + vm.notice().get(), e);
        }
    }
}
