package org.tongpos.app.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tongpos.app.money.domain.Money;

class ProductIndexTest {

    private static final PinyinInitials PINYIN = new PinyinInitials();

    static Product product(long id, String barcode, String plu, String name, String unit, long priceFen) {
        return new Product(id, barcode.isEmpty() ? List.of() : List.of(barcode), plu, name, "test",
                ProductUnit.of(unit), Money.ofFen(priceFen), Optional.empty(), PINYIN.of(name));
    }

    private final ProductIndex index = new ProductIndex(List.of(
            product(1, "6920000000012", "", "可口可乐 330ml", "瓶", 300),
            product(2, "6920000000029", "", "百事可乐 330ml", "瓶", 300),
            product(3, "", "10001", "红富士苹果", "kg", 1280),
            product(4, "036000291452", "", "Kleenex tissues", "盒", 990),
            product(5, "6920000000036", "", "可口可乐零度 500ml 家庭装", "瓶", 450),
            product(6, "BOX1", "", "礼品盒", "个", 500),
            product(7, "SHELF42", "", "货架标签", "张", 10)));

    @Test
    void pinyinInitialsFindTheProductStartingWithThemFirst() {
        assertThat(index.search("kkkl", 10)).extracting(Product::id).containsExactly(1L, 5L);
    }

    @Test
    void nameSearchFindsContainedText() {
        assertThat(index.search("可乐", 10)).extracting(Product::id).containsExactly(1L, 2L, 5L);
    }

    @Test
    void exactBarcodeOrPluComesFirst() {
        assertThat(index.search("6920000000029", 10)).extracting(Product::id).startsWith(2L);
        assertThat(index.search("10001", 10)).extracting(Product::id).startsWith(3L);
    }

    @Test
    void aFullCodeThatFindsAProductSearchesNoNamesButOffersLongerCodes() {
        ProductIndex withCodesInNames = new ProductIndex(List.of(
                product(1, "69200000", "", "八位码商品", "个", 100),
                product(2, "", "", "配套 69200000 赠品", "个", 100),
                product(3, "692000001", "", "九位码商品", "个", 100),
                product(4, "6920000", "", "七位码商品", "个", 100),
                product(5, "", "", "配件 6920000", "个", 100)));
        assertThat(withCodesInNames.search("69200000", 10)).extracting(Product::id).containsExactly(1L, 3L);
        // shorter than a full code, or a full code that finds nothing exactly: names are searched as before
        assertThat(withCodesInNames.search("6920000", 10)).extracting(Product::id).containsExactly(4L, 5L, 2L, 3L, 1L);
        assertThat(withCodesInNames.search("6920000012", 10)).isEmpty();
    }

    @Test
    void upcAFindsItsEan13FormAndTheOtherWayRound() {
        assertThat(index.byBarcode("036000291452")).map(Product::id).contains(4L);
        assertThat(index.byBarcode("0036000291452")).map(Product::id).contains(4L);
    }

    @Test
    void pluLookupIgnoresLeadingZeros() {
        assertThat(index.byPlu("010001")).map(Product::id).contains(3L);
    }

    @Test
    void searchHonoursTheLimitAndIgnoresBlankText() {
        assertThat(index.search("可", 1)).hasSize(1);
        assertThat(index.search("  ", 10)).isEmpty();
        assertThat(index.search("kleenex", 10)).extracting(Product::id).containsExactly(4L);
    }

    @Test
    void aStoreCodeWithCapitalsIsFoundExactlyAsTyped() {
        assertThat(index.search("BOX1", 10)).extracting(Product::id).startsWith(6L);
        assertThat(index.search(" BOX1 ", 10)).extracting(Product::id).startsWith(6L);
    }

    @Test
    void barcodePrefixesMatchInAnyCase() {
        assertThat(index.search("box1", 10)).extracting(Product::id).containsExactly(6L);
        assertThat(index.search("shelf", 10)).extracting(Product::id).containsExactly(7L);
        assertThat(index.search("SHELF4", 10)).extracting(Product::id).containsExactly(7L);
    }
}
