package org.tongpos.app.promotions.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.catalog.service.CatalogCsvReader.Problem;
import org.tongpos.app.catalog.service.DemoCatalog;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.promotions.domain.PricedCart;
import org.tongpos.app.promotions.domain.PricingLine;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.promotions.store.PromotionStore;

/** The promotions CSV against a real terminal: all or nothing, every bad row with its line, changes recorded. */
class PromotionImportTest {

    static final String COLA = DemoCatalog.stapleBarcode(0);
    static final String CHIPS = DemoCatalog.stapleBarcode(11);
    static final String RICE = DemoCatalog.stapleBarcode(16);

    @TempDir
    Path dir;
    private Terminal terminal;
    private PromotionService service;

    @BeforeEach
    void open() {
        terminal = TerminalFixture.openWithDemoCatalog(dir, 300);
        service = terminal.promotions().promotions();
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private PromotionService.SaveOutcome importText(String csv) throws Exception {
        return service.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "店长");
    }

    private static List<String> texts(List<Problem> problems) {
        Messages zh = Messages.forSetting("zh_CN");
        return problems.stream().map(p -> p.text(zh)).toList();
    }

    @Test
    void aGoodFileWithChineseKindsBomAndCrlfImportsEveryPromotion() throws Exception {
        String csv = "\uFEFFid,name,kind,target,targets,buy_qty,percent,min_spend,amount_off,tender,daily_cap,group\r\n"
                + "COLA-2ND,可乐第二件半价,第N件折扣,商品," + COLA + ",2,50,,,,,\r\n"
                + "T100-10,满100减10,满减,整单,,,,100,10,,,\r\n"
                + "BANK-50-5,用本行卡满50减5,银行优惠,,,,,50,5,ANY,1,bank\r\n";

        PromotionService.SaveOutcome outcome = importText(csv);

        assertThat(texts(outcome.problems())).isEmpty();
        assertThat(outcome.counts()).isEqualTo(new PromotionStore.SaveCounts(3, 0, 0));
        assertThat(service.all()).extracting(Promotion::id).containsExactly("BANK-50-5", "COLA-2ND", "T100-10");
        Promotion half = service.find("COLA-2ND").orElseThrow();
        assertThat(half.kind()).isEqualTo(PromotionKind.NTH_PERCENT);
        assertThat(half.terms().buyQty()).isEqualTo(2);
        PricedCart priced = terminal.promotions().pricing().price(
                List.of(PricingLine.pieces(terminal.catalog().byBarcode(COLA).orElseThrow(), 2)), Optional.empty(),
                Optional.empty(), LocalDateTime.of(2026, 11, 30, 12, 0));
        assertThat(priced.payable()).isEqualTo(Money.ofFen(450));
    }

    @Test
    void aFileWithBadRowsImportsNothingAndSaysEveryRowAndReason() throws Exception {
        String csv = "id,name,kind,targets,buy_qty,percent,price,weekdays,time_from\n"
                + "OK-1,饮料九折,percent_off,,,10,,,\n"
                + "BAD 2,,nth_percent," + COLA + ",1,50,,,\n"
                + "BAD-3,特价,fixed_price," + COLA + ",,,abc,周一,25:00\n"
                + "OK-1,重复,percent_off,,,5,,,\n"
                + "BAD-5,什么,half_price,,,,,,\n";

        PromotionService.SaveOutcome outcome = importText(csv);

        assertThat(texts(outcome.problems())).containsExactly(
                "第 3 行：编号“BAD 2”应为 1 到 40 个字母、数字、- 或 _；名称为空；件数（buy_qty）至少为 2",
                "第 4 行：price“abc”不是以元为单位、最多两位小数的金额；time_from“25:00”不是时间（HH:mm）；"
                        + "星期“周一”应写成 1（周一）到 7（周日），用 ; 分隔，可写范围，例如 1-5 或 6;7",
                "第 5 行：编号 OK-1 已在第 2 行出现",
                "第 6 行：不认识的类型“half_price”；可用：percent_off（折扣）、fixed_price（特价）、member_price（会员价）、"
                        + "n_for_price（N件N元）、nth_percent（第N件折扣）、buy_x_get_y（买赠）、threshold（满减）、"
                        + "bank_offer（银行优惠）");
        assertThat(service.all()).isEmpty();
    }

    @Test
    void goodsTheCatalogDoesNotHaveAreReportedAtTheirLine() throws Exception {
        String csv = "id,name,kind,target,targets,percent\n"
                + "A,饮料九折,percent_off,category,饮料,10\n"
                + "B,不存在的商品,percent_off,product,6900000000000;" + COLA + ",10\n"
                + "C,不存在的类别,percent_off,category,鞋帽,10\n";

        PromotionService.SaveOutcome outcome = importText(csv);

        assertThat(texts(outcome.problems())).containsExactly("第 3 行：商品目录中没有条码或 PLU 为 6900000000000 的商品",
                "第 4 行：商品目录中没有类别“鞋帽”");
        assertThat(service.all()).isEmpty();
    }

    @Test
    void anUnknownOrMisspeltColumnIsRefused() throws Exception {
        PromotionService.SaveOutcome outcome = importText("id,name,kind,precent\nA,九折,percent_off,10\n");

        assertThat(texts(outcome.problems())).singleElement().asString().startsWith("第 1 行：不认识的列 precent；");
    }

    @Test
    void importingAgainUpdatesByIdAndRecordsEachChange() throws Exception {
        importText("id,name,kind,target,targets,percent\nA,饮料九折,percent_off,category,饮料,10\n");
        PromotionService.SaveOutcome again = importText(
                "id,name,kind,target,targets,percent\nA,饮料八五折,percent_off,category,饮料,15\n");
        PromotionService.SaveOutcome same = importText(
                "id,name,kind,target,targets,percent\nA,饮料八五折,percent_off,category,饮料,15\n");
        assertThat(service.disable("A", "店长")).isTrue();

        assertThat(again.counts()).isEqualTo(new PromotionStore.SaveCounts(0, 1, 0));
        assertThat(same.counts()).isEqualTo(new PromotionStore.SaveCounts(0, 0, 1));
        assertThat(service.history("A")).extracting(PromotionStore.Change::action, PromotionStore.Change::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CREATE", "店长"),
                        org.assertj.core.groups.Tuple.tuple("UPDATE", "店长"),
                        org.assertj.core.groups.Tuple.tuple("DISABLE", "店长"));
        assertThat(service.history("A").get(1).row()).contains("饮料八五折").contains(",15,");
        assertThat(service.active()).isEmpty();
        assertThat(service.book().size()).as("a disabled promotion no longer prices").isZero();
        assertThat(service.disable("NOPE", "店长")).isFalse();
    }

    @Test
    void aPromotionWrittenAsARowReadsBackTheSame() throws Exception {
        String csv = "id,name,kind,target,targets,get_targets,buy_qty,get_qty,percent,price,min_spend,amount_off,"
                + "max_off,stepped,mix,members_only,tender,card_prefixes,daily_cap,date_from,date_to,weekdays,"
                + "time_from,time_to,group,exclusive,priority,active\n"
                + "X1,\"买2瓶可乐, 送薯片\",buy_x_get_y,product," + COLA + "," + CHIPS
                + ",2,1,,,,,,,yes,yes,,,,2026-12-01,2026-12-31,1-5,09:00,21:00,,,50,yes\n"
                + "X2,本行卡每满100减10,bank_offer,all,,,,,,,100,10,30,yes,,,BANK_CARD,6231;6217,2,,,6;7,,,bank,yes,10,no\n";
        assertThat(texts(importText(csv).problems())).isEmpty();

        for (Promotion p : service.all()) {
            PromotionCsv.Result back = new PromotionCsv().read(new ByteArrayInputStream(
                    (PromotionCsv.header() + "\n" + PromotionCsv.row(p) + "\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(back.problems()).isEmpty();
            assertThat(back.promotions()).containsExactly(p);
        }
    }

    @Test
    void aSingleSaveFromAScreenGetsItsReasonsAsKeys() {
        Promotion bad = Promotion.builder("S1", "特价", PromotionKind.FIXED_PRICE).products("6900000000000").build();

        PromotionService.SaveOutcome outcome = service.save(bad, "店长");

        assertThat(outcome.isSaved()).isFalse();
        assertThat(outcome.reasons()).extracting(r -> r.key())
                .containsExactly("promo.rule.priceNeeded", "promo.rule.unknownProduct");
        Promotion good = Promotion.builder("S1", "米特价", PromotionKind.FIXED_PRICE).products(RICE)
                .price(Money.ofFen(3500)).build();
        assertThat(service.save(good, "店长").isSaved()).isTrue();
        assertThat(service.find("S1")).contains(good);
    }
}
