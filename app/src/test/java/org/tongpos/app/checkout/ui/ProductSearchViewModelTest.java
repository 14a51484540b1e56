package org.tongpos.app.checkout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.TerminalFixture;

class ProductSearchViewModelTest {

    @TempDir
    static Path directory;
    static Terminal terminal;

    @BeforeAll
    static void openTerminal() {
        terminal = TerminalFixture.openWithDemoCatalog(directory);
    }

    @AfterAll
    static void closeTerminal() {
        terminal.close();
    }

    @Test
    void resultsFollowEveryChangeOfTheQueryWithTheFirstSelected() {
        ProductSearchViewModel search = new ProductSearchViewModel(terminal.catalog());

        search.query().set("k");
        int broad = search.results().size();
        search.query().set("kkkl");

        assertThat(broad).isGreaterThan(search.results().size());
        assertThat(search.results().get(0).name()).isEqualTo("可口可乐 330ml");
        assertThat(search.selected().get()).isZero();
    }

    @Test
    void searchesByNameToo() {
        ProductSearchViewModel search = new ProductSearchViewModel(terminal.catalog());

        search.query().set("牛奶");

        assertThat(search.results()).extracting(Product::name).contains("伊利纯牛奶 250ml");
    }

    @Test
    void noMatchLeavesNothingSelected() {
        ProductSearchViewModel search = new ProductSearchViewModel(terminal.catalog());

        search.query().set("zzzzzz");

        assertThat(search.results()).isEmpty();
        assertThat(search.selected().get()).isEqualTo(-1);
        assertThat(search.chosen()).isEmpty();
        search.move(1);
        assertThat(search.selected().get()).isEqualTo(-1);
    }

    @Test
    void selectionMovesWithinTheResults() {
        ProductSearchViewModel search = new ProductSearchViewModel(terminal.catalog());
        search.query().set("kl");
        int last = search.results().size() - 1;

        search.move(-1);
        assertThat(search.selected().get()).isZero();
        search.move(1000);
        assertThat(search.selected().get()).isEqualTo(last);
        assertThat(search.chosen()).contains(search.results().get(last));
    }

    @Test
    void resetEmptiesQueryAndResults() {
        ProductSearchViewModel search = new ProductSearchViewModel(terminal.catalog());
        search.query().set("kl");

        search.reset();

        assertThat(search.query().get()).isEmpty();
        assertThat(search.results()).isEmpty();
        assertThat(search.selected().get()).isEqualTo(-1);
    }
}
