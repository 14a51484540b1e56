package org.tongpos.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.catalog.service.CatalogCsvReader.Problem;
import org.tongpos.app.checkout.domain.Cart;
import org.tongpos.app.checkout.domain.CartLine;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.promotions.domain.BankTender;
import org.tongpos.app.promotions.domain.Discount;
import org.tongpos.app.promotions.domain.Member;
import org.tongpos.app.promotions.domain.PricedCart;
import org.tongpos.app.promotions.domain.PricingLine;
import org.tongpos.app.promotions.domain.Promotion;
import org.tongpos.app.promotions.domain.PromotionKind;
import org.tongpos.app.promotions.domain.Stage;
import org.tongpos.app.promotions.domain.TimeWindow;
import org.tongpos.app.promotions.domain.UnavailableOffer;
import org.tongpos.app.promotions.service.MemberService;
import org.tongpos.app.promotions.service.PromotionCsv;
import org.tongpos.app.promotions.service.PromotionService;
import org.tongpos.app.promotions.store.PromotionStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code promo import|list|show|disable|price|members}: promotions as data, for managers, support and tests. */
@Command(name = "promo", description = "Promotions: import, list, show, disable, and price a cart with them.",
        subcommands = {PromoCommand.Import.class, PromoCommand.ListPromotions.class, PromoCommand.Show.class,
                PromoCommand.Disable.class, PromoCommand.Price.class, PromoCommand.Members.class})
final class PromoCommand {

    @ParentCommand
    TongPosCommand parent;

    /** A subcommand of {@code promo}. */
    abstract static class Sub extends TerminalCommand {
        @ParentCommand
        PromoCommand promo;

        @Override
        TongPosCommand root() {
            return promo.parent;
        }
    }

    @Command(name = "import", description = "Imports a UTF-8 CSV of promotions, all or nothing; bad rows exit 2.")
    static final class Import extends Sub {
        @Parameters(paramLabel = "FILE")
        Path file;

        @picocli.CommandLine.Mixin
        ActorOption actor;

        /** While the window runs, it imports the file itself: its till prices with them from the next scan. */
        @Override
        Optional<Integer> whenOwnedBy(org.tongpos.app.storage.DirectoryLock.Owner owner) {
            if (owner.holder() != org.tongpos.app.storage.DirectoryLock.Holder.WINDOW) {
                return Optional.empty();
            }
            Messages messages = Messages.forSetting(owner.locale());
            if (!Files.isRegularFile(file)) {
                err().println(messages.get("cli.import.noFile", file));
                return Optional.of(ExitCodes.BAD_INPUT);
            }
            Optional<List<String>> answer = org.tongpos.app.promotions.service.WindowPromoImport.ask(owner, file,
                    actor.operator, java.time.Duration.ofMinutes(5));
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            String first = answer.get().get(0);
            if (first.startsWith("ok ")) {
                String[] n = first.substring(3).split(" ");
                out().println(messages.get("cli.promo.imported", Integer.parseInt(n[0]), Integer.parseInt(n[1]),
                        Integer.parseInt(n[2])));
                out().println(messages.get("cli.promo.importedInWindow"));
                return Optional.of(ExitCodes.OK);
            }
            if (first.equals("refused")) {
                List<String> problems = answer.get().subList(1, answer.get().size());
                problems.forEach(err()::println);
                err().println(messages.get("cli.promo.rejected", problems.size()));
                return Optional.of(ExitCodes.BAD_INPUT);
            }
            err().println(first.replaceFirst("^failed ", ""));
            return Optional.of(ExitCodes.BAD_INPUT);
        }

        @Override
        int run(Terminal terminal) {
            Messages messages = terminal.messages();
            PromotionService.SaveOutcome outcome;
            try (InputStream in = Files.newInputStream(file)) {
                outcome = terminal.promotions().promotions().importCsv(actor.session(terminal, "cli"), in);
            } catch (org.tongpos.app.operators.service.OperatorException e) {
                err().println(e.text(messages));
                return ExitCodes.BAD_INPUT;
            } catch (NoSuchFileException e) {
                err().println(messages.get("cli.import.noFile", file));
                return ExitCodes.BAD_INPUT;
            } catch (IOException e) {
                err().println(messages.get("cli.import.cannotRead", file, e.getMessage()));
                return ExitCodes.BAD_INPUT;
            }
            if (!outcome.isSaved()) {
                outcome.problems().forEach(p -> err().println(p.text(messages)));
                err().println(messages.get("cli.promo.rejected", outcome.problems().size()));
                return ExitCodes.BAD_INPUT;
            }
            PromotionStore.SaveCounts counts = outcome.counts();
            out().println(messages.get("cli.promo.imported", counts.added(), counts.updated(), counts.unchanged()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Lists promotions: id, kind, name, status, when.")
    static final class ListPromotions extends Sub {
        @Option(names = "--active", description = "Only promotions switched on whose dates have not ended.")
        boolean active;

        @Override
        int run(Terminal terminal) {
            Messages messages = terminal.messages();
            PromotionService service = terminal.promotions().promotions();
            LocalDate today = LocalDate.now(terminal.clock());
            for (Promotion p : active ? service.active() : service.all()) {
                out().printf("%s\t%s\t%s\t%s\t%s%n", p.id(), kindText(messages, p.kind()), p.name(),
                        statusText(messages, p, today), windowText(messages, p.conditions().window()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Shows one promotion, as its import row too, with its changes.")
    static final class Show extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int run(Terminal terminal) {
            Messages messages = terminal.messages();
            PromotionService service = terminal.promotions().promotions();
            Optional<Promotion> found = service.find(id);
            if (found.isEmpty()) {
                err().println(messages.get("cli.promo.unknown", id));
                return ExitCodes.BAD_INPUT;
            }
            Promotion p = found.get();
            out().println(messages.get("cli.promo.show.id", p.id()));
            out().println(messages.get("cli.promo.show.name", p.name()));
            out().println(messages.get("cli.promo.show.kind", kindText(messages, p.kind())));
            out().println(messages.get("cli.promo.show.status",
                    statusText(messages, p, LocalDate.now(terminal.clock()))));
            out().println(messages.get("cli.promo.show.window", windowText(messages, p.conditions().window())));
            out().println(messages.get("cli.promo.show.row"));
            out().println(PromotionCsv.header());
            out().println(PromotionCsv.row(p));
            out().println(messages.get("cli.promo.show.history"));
            for (PromotionStore.Change change : service.history(p.id())) {
                out().println(messages.get("cli.promo.show.change", change.at(), change.by(),
                        changeText(messages, change.action())));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "disable", description = "Switches a promotion off (it stays listed; import it with active=yes to "
            + "switch it on again).")
    static final class Disable extends Sub {
        @Parameters(paramLabel = "ID")
        String id;

        @picocli.CommandLine.Mixin
        ActorOption actor;

        @Override
        int run(Terminal terminal) {
            Messages messages = terminal.messages();
            boolean changed;
            try {
                changed = terminal.promotions().promotions().setActive(actor.session(terminal, "cli"), id, false);
            } catch (org.tongpos.app.operators.service.OperatorException e) {
                err().println(e.text(messages));
                return ExitCodes.BAD_INPUT;
            }
            if (!changed) {
                err().println(messages.get("cli.promo.unknown", id));
                return ExitCodes.BAD_INPUT;
            }
            out().println(messages.get("cli.promo.disabled", id));
            return ExitCodes.OK;
        }
    }

    @Command(name = "price", description = "Prices ITEMs (as for sale: CODE or CODExQTY) with the active promotions "
            + "and prints each discount and the payable total. Records nothing.")
    static final class Price extends Sub {
        @Parameters(paramLabel = "ITEM", arity = "1..*")
        List<String> items;

        @Option(names = "--member", paramLabel = "PHONE", description = "The member, by phone number or card UID.")
        String member;

        @Option(names = "--tender", paramLabel = "BANK_CARD|PAYMENT_CODE",
                description = "The customer pays with the bank's card or the bank's payment code.")
        String tender;

        @Option(names = "--card", paramLabel = "NUMBER",
                description = "The (masked) card number, e.g. 6231********1234: card prefixes and the per-day cap.")
        String card = "";

        @Option(names = "--payer", paramLabel = "KEY", description = "Who pays, for per-day caps (default: --card).")
        String payer = "";

        @Option(names = "--at", paramLabel = "DATETIME",
                description = "Price as at this local time, e.g. 2026-12-05T19:30 (default: now).")
        String at;

        @Override
        int run(Terminal terminal) {
            Messages messages = terminal.messages();
            Cart cart = new Cart();
            for (String item : items) {
                String problem = SaleCommand.addItem(terminal, cart, item);
                if (problem != null) {
                    err().println(problem);
                    return ExitCodes.BAD_INPUT;
                }
            }
            LocalDateTime when = LocalDateTime.now(terminal.clock());
            if (at != null) {
                try {
                    when = LocalDateTime.parse(at.strip().replace(' ', 'T'));
                } catch (DateTimeParseException e) {
                    err().println(messages.get("cli.promo.badAt", at));
                    return ExitCodes.BAD_INPUT;
                }
            }
            Optional<Member> who = Optional.empty();
            if (member != null) {
                MemberService members = terminal.promotions().members();
                who = members.find(member);
                if (who.isEmpty()) {
                    err().println(messages.get("cli.promo.unknownMember", member));
                    return ExitCodes.BAD_INPUT;
                }
            }
            Optional<BankTender> bank = Optional.empty();
            if (tender != null) {
                String method = tender.strip().toUpperCase(Locale.ROOT);
                if (!method.equals("BANK_CARD") && !method.equals("PAYMENT_CODE")) {
                    err().println(messages.get("cli.promo.badTender", tender));
                    return ExitCodes.BAD_INPUT;
                }
                bank = Optional.of(new BankTender(BankTender.Kind.valueOf(method), card, payer.isBlank() ? card : payer));
            }
            List<PricingLine> lines = new ArrayList<>();
            for (CartLine line : cart.lines()) {
                lines.add(new PricingLine(line.product(), line.quantity(), line.amount()));
            }
            PricedCart priced = terminal.promotions().pricing().price(lines, who, bank, when);
            print(messages, priced, who);
            return ExitCodes.OK;
        }

        private void print(Messages messages, PricedCart priced, Optional<Member> who) {
            who.ifPresent(m -> out().println(messages.get("cli.promo.price.member", m.name(),
                    m.phone().isEmpty() ? m.cardUid() : m.phone())));
            List<Discount> items = priced.discountsOf(Stage.ITEM);
            for (int i = 0; i < priced.lines().size(); i++) {
                PricingLine line = priced.lines().get(i);
                out().println(messages.get("cli.promo.price.line", line.product().name(), quantityText(line),
                        line.amount().toYuanString()));
                for (Discount d : items) {
                    if (d.lastLine() == i) {
                        out().println(messages.get("cli.promo.price.discount", d.name(), d.amount().toYuanString()));
                    }
                }
            }
            out().println(messages.get("cli.promo.price.subtotal", priced.subtotal().toYuanString()));
            for (Discount d : priced.discounts()) {
                if (d.stage() != Stage.ITEM) {
                    out().println(messages.get("cli.promo.price.cartDiscount", d.name(), d.amount().toYuanString()));
                }
            }
            for (UnavailableOffer offer : priced.unavailable()) {
                out().println(messages.get(offer.why() == UnavailableOffer.Why.DAILY_CAP_REACHED
                        ? "cli.promo.price.usedUp" : "cli.promo.price.payerUnknown", offer.name()));
            }
            out().println(messages.get("cli.promo.price.totalDiscount", priced.totalDiscount().toYuanString()));
            out().println(messages.get("cli.promo.price.payable", priced.payable().toYuanString()));
        }

        private static String quantityText(PricingLine line) {
            if (line.product().isWeighed()) {
                return line.quantity() == 0 ? "" : String.format(Locale.ROOT, "%d.%03dkg", line.quantity() / 1000,
                        line.quantity() % 1000);
            }
            return line.quantity() == 0 ? "" : "x" + line.quantity();
        }
    }

    @Command(name = "members", description = "Members for member prices: import a CSV (phone,card_uid,name[,active]), "
            + "list them.", subcommands = {Members.ImportMembers.class, Members.ListMembers.class})
    static final class Members {
        @ParentCommand
        PromoCommand promo;

        /** A subcommand of {@code promo members}. */
        abstract static class MembersSub extends TerminalCommand {
            @ParentCommand
            Members members;

            @Override
            TongPosCommand root() {
                return members.promo.parent;
            }
        }

        @Command(name = "import", description = "Imports members from a UTF-8 CSV, all or nothing; bad rows exit 2.")
        static final class ImportMembers extends MembersSub {
            @Parameters(paramLabel = "FILE")
            Path file;

            @Override
            int run(Terminal terminal) {
                Messages messages = terminal.messages();
                MemberService.ImportOutcome outcome;
                try (InputStream in = Files.newInputStream(file)) {
                    outcome = terminal.promotions().members().importCsv(in);
                } catch (NoSuchFileException e) {
                    err().println(messages.get("cli.import.noFile", file));
                    return ExitCodes.BAD_INPUT;
                } catch (IOException e) {
                    err().println(messages.get("cli.import.cannotRead", file, e.getMessage()));
                    return ExitCodes.BAD_INPUT;
                }
                if (!outcome.imported()) {
                    for (Problem p : outcome.problems()) {
                        err().println(p.text(messages));
                    }
                    err().println(messages.get("cli.promo.members.rejected", outcome.problems().size()));
                    return ExitCodes.BAD_INPUT;
                }
                out().println(messages.get("cli.promo.members.imported", outcome.saved().added(),
                        outcome.saved().updated()));
                return ExitCodes.OK;
            }
        }

        @Command(name = "list", description = "Lists members: phone, card UID, name, status.")
        static final class ListMembers extends MembersSub {
            @Override
            int run(Terminal terminal) {
                Messages messages = terminal.messages();
                for (Member m : terminal.promotions().members().all()) {
                    out().printf("%s\t%s\t%s\t%s%n", m.phone(), m.cardUid(), m.name(),
                            messages.get(m.active() ? "promo.status.active" : "promo.status.disabled"));
                }
                return ExitCodes.OK;
            }
        }
    }

    static String kindText(Messages messages, PromotionKind kind) {
        return switch (kind) {
            case PERCENT_OFF -> messages.get("promo.kind.percentOff");
            case FIXED_PRICE -> messages.get("promo.kind.fixedPrice");
            case MEMBER_PRICE -> messages.get("promo.kind.memberPrice");
            case N_FOR_PRICE -> messages.get("promo.kind.nForPrice");
            case NTH_PERCENT -> messages.get("promo.kind.nthPercent");
            case BUY_X_GET_Y -> messages.get("promo.kind.buyXGetY");
            case THRESHOLD -> messages.get("promo.kind.threshold");
            case BANK_OFFER -> messages.get("promo.kind.bankOffer");
        };
    }

    static String statusText(Messages messages, Promotion p, LocalDate today) {
        if (!p.active()) {
            return messages.get("promo.status.disabled");
        }
        return messages.get(p.conditions().window().endedBefore(today) ? "promo.status.ended" : "promo.status.active");
    }

    static String windowText(Messages messages, TimeWindow w) {
        List<String> parts = new ArrayList<>();
        if (w.from().isPresent() || w.to().isPresent()) {
            parts.add(messages.get("promo.window.dates", w.from().map(LocalDate::toString).orElse(""),
                    w.to().map(LocalDate::toString).orElse("")));
        }
        if (!w.weekdays().isEmpty()) {
            parts.add(messages.get("promo.window.weekdays", w.weekdaysText()));
        }
        if (w.start().isPresent() || w.end().isPresent()) {
            parts.add(messages.get("promo.window.hours", w.start().map(Object::toString).orElse("00:00"),
                    w.end().map(Object::toString).orElse("24:00")));
        }
        return parts.isEmpty() ? messages.get("promo.window.always") : String.join(" ", parts);
    }

    private static String changeText(Messages messages, String action) {
        return switch (action) {
            case "CREATE" -> messages.get("promo.change.create");
            case "UPDATE" -> messages.get("promo.change.update");
            case "DISABLE" -> messages.get("promo.change.disable");
            case "ENABLE" -> messages.get("promo.change.enable");
            default -> action;
        };
    }
}
