package org.tongpos.app.cli;

import java.util.List;
import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.MealDecision;
import org.tongpos.app.canteen.domain.MealOrder;
import org.tongpos.app.canteen.service.MealAttempt;
import org.tongpos.app.canteen.service.MealRequest;
import org.tongpos.app.canteen.service.MealRefunds;
import org.tongpos.app.canteen.service.MealTexts;
import org.tongpos.app.canteen.service.RuleProblem;
import org.tongpos.app.canteen.service.ServedMeal;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.money.domain.Money;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import org.tongpos.sync.journal.JournalEntry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meal --code TQ1… | --card UID | --face PERSON_ID | --diner ID --reason TEXT | --cash [--dish N…] [--dry-run]
 * [--operator NO]}: one meal, decided and recorded (the MEAL journal entry through the write-ahead log, the nonce
 * spent, a local balance charged, in one durable step), printed as one line. {@code --dry-run} decides only.
 */
@Command(name = "meal", description = "Serves one meal: decides, records it durably (MEAL journal entry) and prints "
        + "SERVED with the seq and the parts from subsidy and balance, or REFUSED with the reason code (nothing "
        + "recorded): exit 0 served, 5 refused, 2 bad input. --dry-run decides only.",
        subcommands = MealCommand.Refund.class)
final class MealCommand extends TerminalCommand.Top {

    static final class Source {
        @Option(names = "--code", paramLabel = "TQ1…", description = "A diner QR code from the bank's app.")
        String code;

        @Option(names = "--card", paramLabel = "UID", description = "A meal card's UID (hex).")
        String card;

        @Option(names = "--face", paramLabel = "PERSON_ID", description = "A face terminal's person id.")
        String face;

        @Option(names = "--diner", paramLabel = "ID", description = "A diner picked by hand (diner id or staff number); "
                + "needs --reason.")
        String diner;

        @Option(names = "--cash", description = "A walk-in paying cash (if the canteen allows it).")
        boolean cash;

        @Option(names = "--guest", paramLabel = "APPROVAL_ID", description = "A guest, against a guest approval.")
        String guest;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the diner was picked by hand (with --diner).")
    String reason;

    @Option(names = "--dish", paramLabel = "N", arity = "1..*", description = "Dish numbers from the period's menu "
            + "(prices by dish); a number may repeat.")
    List<Integer> dishes;

    @Option(names = "--dry-run", description = "Decide and print, record nothing.")
    boolean dryRun;

    @Mixin
    ActorOption actor;

    @Override
    int run(Terminal terminal) {
        Messages messages = terminal.messages();
        if (source == null) {
            err().println(messages.get("cli.meal.sourceRequired"));
            return ExitCodes.BAD_INPUT;
        }
        if (source.diner != null && (reason == null || reason.isBlank())) {
            err().println(messages.get("cli.meal.reasonRequired"));
            return ExitCodes.BAD_INPUT;
        }
        if (source.diner == null && reason != null) {
            err().println(messages.get("cli.meal.reasonWithDinerOnly"));
            return ExitCodes.BAD_INPUT;
        }
        MealRequest request = new MealRequest(source(), MealOrder.ofDishes(dishes == null ? List.of() : dishes));
        if (dryRun) {
            MealAttempt attempt = terminal.canteen().meals().decide(request);
            out().println(line(messages, attempt, Optional.empty()));
            return attempt.served() ? ExitCodes.OK : ExitCodes.REFUSED;
        }
        Session session;
        try {
            session = actor.session(terminal);
        } catch (OperatorException e) {
            err().println(e.text(messages));
            return ExitCodes.BAD_INPUT;
        }
        ServedMeal meal = terminal.canteen().serving().serve(request, session);
        out().println(line(messages, meal.attempt(), meal.entry()));
        return meal.served() ? ExitCodes.OK : ExitCodes.REFUSED;
    }

    private DinerSource source() {
        if (source.code != null) {
            return new DinerSource.QrCode(source.code);
        }
        if (source.card != null) {
            return new DinerSource.Card(source.card);
        }
        if (source.face != null) {
            return new DinerSource.Face(source.face);
        }
        if (source.diner != null) {
            return new DinerSource.Manual(source.diner, reason);
        }
        if (source.guest != null) {
            return new DinerSource.Guest(source.guest);
        }
        return new DinerSource.Cash();
    }

    /**
     * {@code SERVED OK seq=- txn=- period=午餐 price=10.00 subsidy=10.00 balance=0.00 cash=0.00 diner=L001 name=周敏 …: note} or
     * {@code REFUSED ALREADY_SERVED seq=- txn=- period=- price=0.00 subsidy=0.00 balance=0.00 cash=0.00 diner=L001 name=周敏: why}.
     * {@code seq} is the MEAL entry's; {@code -} in a dry run and when refused. The note says "recorded" or "dry run".
     */
    static String line(Messages messages, MealAttempt attempt, Optional<JournalEntry> entry) {
        String diner = attempt.diner().map(DinerAccount::dinerId).orElse("-");
        String name = attempt.diner().map(DinerAccount::name).filter(n -> !n.isEmpty()).orElse("-");
        if (attempt.decision() instanceof MealDecision.Served served) {
            return "SERVED OK seq=" + entry.map(e -> Long.toString(e.seq())).orElse("-")
                    + " txn=" + entry.map(JournalEntry::txnId).orElse("-") + " period=" + served.period() + " price=" + served.price().toYuanString()
                    + " subsidy=" + served.split().subsidy().toYuanString()
                    + " balance=" + served.split().balance().toYuanString()
                    + " cash=" + served.split().cash().toYuanString()
                    + " diner=" + diner + " name=" + name
                    + " subsidy_after=" + served.subsidyAfter().map(Money::toYuanString).orElse("-")
                    + " balance_after=" + served.balanceAfter().map(Money::toYuanString).orElse("-")
                    + ": " + messages.get(entry.isPresent() ? "cli.meal.recorded" : "cli.meal.dryRun");
        }
        MealDecision.Refused refused = (MealDecision.Refused) attempt.decision();
        return "REFUSED " + refused.reason().name() + " seq=- txn=- period=- price=0.00 subsidy=0.00 balance=0.00 cash=0.00"
                + " diner=" + diner + " name=" + name + ": " + MealTexts.refusal(messages, refused);
    }

    /**
     * {@code meal refund TXN_ID --reason TEXT [--operator NO]}: one MEAL_REFUND entry returning the meal's parts; exit 0
     * refunded, 5 refunded already, 2 bad input (unknown meal, no reason).
     */
    @Command(name = "refund", description = "Refunds a meal served on this terminal, whole: a MEAL_REFUND entry naming "
            + "it, the same subsidy/balance/cash parts returned, audited. Exit 0 refunded, 5 refunded already, 2 bad input.")
    static final class Refund extends TerminalCommand.Nested {
        @picocli.CommandLine.Parameters(index = "0", paramLabel = "TXN_ID", description = "The meal's txn id.")
        String txnId;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why the meal is refunded.")
        String reason;

        @Mixin
        ActorOption actor;

        @Override
        int change(Terminal terminal) {
            Messages messages = terminal.messages();
            Session session;
            try {
                session = actor.session(terminal);
            } catch (OperatorException e) {
                err().println(e.text(messages));
                return ExitCodes.BAD_INPUT;
            }
            try {
                MealRefunds.Refund refund = terminal.canteen().refunds().refund(txnId, reason, session,
                        Optional.empty());
                out().println("REFUNDED seq=" + refund.entry().seq() + " txn=" + refund.entry().txnId()
                        + " original=" + refund.entry().originalTxnId() + " amount="
                        + Money.ofFen(refund.entry().amountFen()).toYuanString() + " subsidy="
                        + refund.subsidy().toYuanString() + " balance=" + refund.balance().toYuanString() + " cash="
                        + refund.cash().toYuanString());
                return ExitCodes.OK;
            } catch (RuleProblem problem) {
                err().println(messages.get(problem.key(), problem.args()));
                return problem.key().equals("meal.refund.already") ? ExitCodes.REFUSED : ExitCodes.BAD_INPUT;
            }
        }
    }
}
