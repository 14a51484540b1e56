package org.tongpos.app.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongpos.app.operators.TestSessions;
import org.tongpos.app.Terminal;
import org.tongpos.app.TerminalFixture;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CompletedSale;
import org.tongpos.app.checkout.domain.Payment;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.hardware.escpos.EscPosDecoder;
import org.tongpos.hardware.receipt.PaperWidth;
import org.tongpos.hardware.receipt.Receipt;
import org.tongpos.sync.journal.TenderMethod;

class SaleReceiptsTest {

    @TempDir
    Path dir;

    @Test
    void aSaleBecomesTheReceiptInTheTerminalsLanguageWithWeightsInKilograms() throws Exception {
        try (Terminal terminal = TerminalFixture.openWithDemoCatalog(dir, 60)) {
            Cart cart = new Cart();
            terminal.checkout().scan(cart, TerminalFixture.COLA);
            terminal.checkout().scan(cart, TerminalFixture.COLA);
            cart.append(org.tongpos.app.checkout.domain.CartLine.weighed(
                    terminal.catalog().byPlu(TerminalFixture.APPLE_PLU).orElseThrow(), 512));
            CompletedSale sale = terminal.checkout().pay(cart,
                    List.of(new Payment.Offer(TenderMethod.CASH, Money.ofFen(2000), "")), TestSessions.cashier("007"));

            Receipt receipt = new SaleReceipts(Messages.forSetting("en"), "Corner Shop").receipt(sale);
            assertThat(receipt.lines().get(0).quantityThousandths()).isEqualTo(2000);
            assertThat(receipt.lines().get(1).quantityThousandths()).isEqualTo(512);
            assertThat(receipt.totalFen()).isEqualTo(1255);
            assertThat(receipt.changeFen()).isEqualTo(745);
            assertThat(receipt.receiptId()).as("the QR code carries the receipt number returns look up").isEqualTo(sale.receiptNo());

            String english = String.join("\n", EscPosDecoder.textLines(
                    new SaleReceipts(Messages.forSetting("en"), "Corner Shop").encode(sale, PaperWidth.MM58)));
            assertThat(english).contains("Corner Shop", "Total:", "Cash:", "20.00", "Change:", "7.45", "0.512");
            String chinese = String.join("\n", EscPosDecoder.textLines(
                    new SaleReceipts(Messages.forSetting("zh_CN"), "通商便民超市").encode(sale, PaperWidth.MM80)));
            assertThat(chinese).contains("通商便民超市", "合计:", "现金:", "找零:", "红富士苹果");
        }
    }
}
