package org.tongpos.app.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.catalog.domain.ProductUnit;
import org.tongpos.app.money.domain.Money;

class CartTest {

    static final Product COLA = new Product(1, List.of("6920000000012"), "", "可口可乐", "饮料", ProductUnit.of("瓶"),
            Money.ofFen(300), Optional.empty(), "kkkl");
    static final Product CHIPS = new Product(2, List.of("6920000000029"), "", "乐事薯片", "零食", ProductUnit.of("袋"),
            Money.ofFen(750), Optional.empty(), "lssp");
    static final Product APPLE = new Product(3, List.of(), "10001", "苹果", "生鲜", ProductUnit.KILOGRAM,
            Money.ofFen(1280), Optional.empty(), "pg");

    @Test
    void scanningTheSameItemAgainAddsToItsLine() {
        Cart cart = new Cart();
        cart.addPieces(COLA, 1);
        cart.addPieces(COLA, 1);
        assertThat(cart.size()).isEqualTo(1);
        assertThat(cart.line(0).quantity()).isEqualTo(2);
        assertThat(cart.total()).isEqualTo(Money.ofFen(600));
    }

    @Test
    void anItemScannedAfterAnotherStartsANewLine() {
        Cart cart = new Cart();
        cart.addPieces(COLA, 1);
        cart.addPieces(CHIPS, 1);
        cart.addPieces(COLA, 1);
        assertThat(cart.size()).isEqualTo(3);
        assertThat(cart.itemCount()).isEqualTo(3);
        assertThat(cart.total()).isEqualTo(Money.ofFen(1350));
    }

    @Test
    void weighedLinesArePricedByWeightAndCountAsOneItem() {
        Cart cart = new Cart();
        cart.append(CartLine.weighed(APPLE, 512));
        assertThat(cart.total()).isEqualTo(Money.ofFen(655));
        assertThat(cart.itemCount()).isEqualTo(1);
    }

    @Test
    void changingQuantityAndRemovingKeepTheTotalRight() {
        Cart cart = new Cart();
        cart.addPieces(COLA, 1);
        cart.addPieces(CHIPS, 1);
        cart.changeQuantity(0, 5);
        assertThat(cart.total()).isEqualTo(Money.ofFen(1500 + 750));
        cart.remove(1);
        assertThat(cart.total()).isEqualTo(Money.ofFen(1500));
        assertThat(cart.itemCount()).isEqualTo(5);
        cart.clear();
        assertThat(cart.total()).isEqualTo(Money.ZERO);
        assertThat(cart.isEmpty()).isTrue();
    }

    @Test
    void refusesZeroOrNegativeQuantities() {
        Cart cart = new Cart();
        cart.addPieces(COLA, 1);
        assertThatThrownBy(() -> cart.changeQuantity(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cart.total()).isEqualTo(Money.ofFen(300));
        assertThatThrownBy(() -> CartLine.weighed(APPLE, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CartLine.pieces(APPLE, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void totalAlwaysEqualsTheSumOfLineAmounts(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 5) Integer> ops) {
        Cart cart = new Cart();
        for (int op : ops) {
            switch (op) {
                case 0 -> cart.addPieces(COLA, 1);
                case 1 -> cart.addPieces(CHIPS, 2);
                case 2 -> cart.append(CartLine.weighed(APPLE, 333));
                case 3 -> {
                    if (!cart.isEmpty()) {
                        cart.remove(cart.size() - 1);
                    }
                }
                case 4 -> {
                    if (!cart.isEmpty() && !cart.line(0).isWeighed()) {
                        cart.changeQuantity(0, 7);
                    }
                }
                default -> cart.addPieces(COLA, 3);
            }
        }
        long sum = cart.lines().stream().mapToLong(l -> l.amount().fen()).sum();
        long items = cart.lines().stream().mapToLong(CartLine::itemCount).sum();
        assertThat(cart.total().fen()).isEqualTo(sum);
        assertThat(cart.itemCount()).isEqualTo(items);
    }
}
