package org.tongpos.app.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tongpos.app.catalog.domain.PinyinInitials;
import org.tongpos.app.catalog.domain.Product;
import org.tongpos.app.i18n.Messages;

class CatalogCsvReaderTest {

    private static final Messages ENGLISH = Messages.forSetting("en");
    private static final Messages CHINESE = Messages.of(Messages.CHINESE);

    private final CatalogCsvReader reader = new CatalogCsvReader(new PinyinInitials());

    private CatalogCsvReader.Result read(String text) throws IOException {
        return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAGoodFileWithBomCrlfAndOptionalColumns() throws IOException {
        CatalogCsvReader.Result result = read("\uFEFFbarcode,name,category,unit,price,cost\r\n"
                + "6901028075831,\"可口可乐, 罐装\",饮料,罐,3.5,2.1\r\n"
                + "96385074,旺旺雪饼,零食,袋,6,\r\n");
        assertThat(result.problems()).isEmpty();
        assertThat(result.products()).hasSize(2);
        Product cola = result.products().get(0);
        assertThat(cola.name()).isEqualTo("可口可乐, 罐装");
        assertThat(cola.price().fen()).isEqualTo(350);
        assertThat(cola.cost()).hasValueSatisfying(c -> assertThat(c.fen()).isEqualTo(210));
        assertThat(cola.initials()).isEqualTo("kkklgz");
        assertThat(result.products().get(1).cost()).isEmpty();
    }

    @Test
    void weighedGoodsUseKgAndMayHaveAPluInsteadOfABarcode() throws IOException {
        CatalogCsvReader.Result result = read("barcode,name,category,unit,price,plu\n,五花肉,生鲜,kg,29.80,10007\n");
        assertThat(result.problems()).isEmpty();
        assertThat(result.products().get(0).isWeighed()).isTrue();
        assertThat(result.products().get(0).plu()).isEqualTo("10007");
    }

    @Test
    void everyBadRowIsListedWithItsLineAndNothingIsReturned() throws IOException {
        CatalogCsvReader.Result result = read("barcode,name,category,unit,price\n"
                + "6901028075831,可口可乐,饮料,罐,3.50\n"
                + "6901028075832,坏条码,饮料,罐,3.50\n"
                + "96385074,,零食,袋,6\n"
                + "4006381333931,价格错,零食,袋,6.123\n"
                + "6901028075831,重复,饮料,罐,3\n"
                + "036000291452,负价,日化,盒,-1\n");
        assertThat(result.products()).isEmpty();
        assertThat(result.problems()).extracting(CatalogCsvReader.Problem::line).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(result.problems()).extracting(p -> p.text(ENGLISH)).containsExactly(
                "line 3: barcode 6901028075832 has a wrong check digit (expected 1)",
                "line 4: name is empty",
                "line 5: price \u201c6.123\u201d is not an amount in yuan with at most two decimals",
                "line 6: barcode 6901028075831 already on line 2",
                "line 7: price must not be negative");
        assertThat(result.problems().get(0).text(CHINESE)).isEqualTo("第 3 行：条码 6901028075832 的校验位错误（应为 1）");
    }

    @Test
    void aMissingColumnIsReportedOnTheHeaderLine() throws IOException {
        CatalogCsvReader.Result result = read("barcode,name,unit,price\n6901028075831,可乐,罐,3\n");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.text(ENGLISH)).startsWith("line 1: missing column(s) category;");
        });
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        byte[] gbk = "barcode,name,category,unit,price\n6901028075831,可乐,饮料,罐,3\n".getBytes("GBK");
        CatalogCsvReader.Result result = reader.read(new ByteArrayInputStream(gbk));
        assertThat(result.products()).isEmpty();
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.text(CHINESE)).isEqualTo("文件不是 UTF-8 文本（请另存为“CSV UTF-8”）"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReported() throws IOException {
        CatalogCsvReader.Result result = read("barcode,name,category,unit,price\n6901028075831,可乐,饮料\n");
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void aPluRepeatedInTheFileIsRefusedNamingTheLineThatHasItFirst() throws IOException {
        CatalogCsvReader.Result result = read("barcode,name,category,unit,price,plu\n"
                + "6901028075831,可口可乐,饮料,罐,3.50,10001\n"
                + "96385074,旺旺雪饼,零食,袋,6,10001\n"
                + ",五花肉,生鲜,kg,29.80,010001\n");
        assertThat(result.products()).isEmpty();
        assertThat(result.problems()).extracting(p -> p.text(ENGLISH)).containsExactly(
                "line 3: PLU 10001 already on line 2", "line 4: PLU 010001 already on line 2");
        assertThat(result.problems().get(0).text(CHINESE)).isEqualTo("第 3 行：PLU 10001 已在第 2 行出现");
    }

    @Test
    void everyReasonOfALineIsSaidInTheReadersLanguage() throws IOException {
        CatalogCsvReader.Result result = read("barcode,name,category,unit,price\n6901028075832,,饮料,罐,\n");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.text(ENGLISH)).isEqualTo(
                    "line 2: name is empty; barcode 6901028075832 has a wrong check digit (expected 1); price is empty");
            assertThat(p.text(CHINESE)).isEqualTo("第 2 行：名称为空；条码 6901028075832 的校验位错误（应为 1）；价格为空");
        });
    }

    @Test
    void anUnclosedQuoteIsReportedOnTheLineWhereItOpens() throws IOException {
        CatalogCsvReader.Result result = read("barcode,name,category,unit,price\n"
                + "6901028075831,可口可乐,饮料,罐,3.50\n"
                + "96385074,\"旺旺雪饼,零食,袋,6\n"
                + "4006381333931,奶糖,零食,袋,6\n");
        assertThat(result.products()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.text(ENGLISH)).isEqualTo(
                    "line 3: a field opened with a double quote (\") here is never closed");
            assertThat(p.text(CHINESE)).isEqualTo("第 3 行：此处以双引号（\"）开始的字段没有结束引号");
        });
    }

    @Test
    void textAfterAClosingQuoteIsReportedOnItsLine() throws IOException {
        CatalogCsvReader.Result result = read("barcode,name,category,unit,price\n"
                + "6901028075831,\"可口\n可乐\",饮料,罐,3.50\n"
                + "96385074,\"旺旺\"雪饼,零食,袋,6\n");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.text(ENGLISH)).startsWith("line 4: a quoted field has text after its closing quote");
        });
    }

    @Test
    void eachProductKnowsTheLineItWasReadFrom() throws IOException {
        CatalogCsvReader.Result result = read("barcode,name,category,unit,price\n\n"
                + "6901028075831,可口可乐,饮料,罐,3.50\n96385074,旺旺雪饼,零食,袋,6\n");
        assertThat(result.problems()).isEmpty();
        assertThat(result.lineOf(0)).isEqualTo(3);
        assertThat(result.lineOf(1)).isEqualTo(4);
    }

    @Test
    void aRepeatedOrUnnamedColumnIsReportedOnTheHeaderLine() throws IOException {
        CatalogCsvReader.Result repeated = read("barcode,name,Name,category,unit,price\n6901028075831,可乐,可乐,饮料,罐,3\n");
        assertThat(repeated.problems()).singleElement().satisfies(p -> assertThat(p.text(CHINESE))
                .isEqualTo("第 1 行：表头中 name 列出现了不止一次"));
        CatalogCsvReader.Result unnamed = read("barcode,,name,category,unit,price\n6901028075831,x,可乐,饮料,罐,3\n");
        assertThat(unnamed.problems()).singleElement().satisfies(p -> assertThat(p.text(ENGLISH))
                .startsWith("line 1: the header has a column without a name"));
    }
}
