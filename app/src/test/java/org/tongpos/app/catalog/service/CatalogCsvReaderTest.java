package org.tongpos.app.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tongpos.app.catalog.domain.PinyinInitials;
import org.tongpos.app.catalog.domain.Product;

class CatalogCsvReaderTest {

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
        assertThat(result.problems().get(0).toString()).startsWith("line 3: ").contains("check digit");
        assertThat(result.problems().get(1).reason()).contains("name is empty");
        assertThat(result.problems().get(2).reason()).contains("6.123");
        assertThat(result.problems().get(3).reason()).contains("already on line 2");
        assertThat(result.problems().get(4).reason()).contains("negative");
    }

    @Test
    void aMissingColumnIsReportedOnTheHeaderLine() throws IOException {
        CatalogCsvReader.Result result = read("barcode,name,unit,price\n6901028075831,可乐,罐,3\n");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).contains("category");
        });
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        byte[] gbk = "barcode,name,category,unit,price\n6901028075831,可乐,饮料,罐,3\n".getBytes("GBK");
        CatalogCsvReader.Result result = reader.read(new ByteArrayInputStream(gbk));
        assertThat(result.products()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("UTF-8"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReported() throws IOException {
        CatalogCsvReader.Result result = read("barcode,name,category,unit,price\n6901028075831,可乐,饮料\n");
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }
}
