package org.tongpos.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongpos.app.Terminal;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import org.tongpos.app.returns.domain.CompletedReturn;
import org.tongpos.app.returns.domain.ReturnException;
import org.tongpos.app.returns.service.ReturnService;
import org.tongpos.app.shifts.domain.ShiftException;
import org.tongpos.sync.journal.EntryTender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code refund RECEIPT_NO [ITEM[xQTY]…] [--reason TEXT]}: returns goods against the original receipt (all that is
 * left of it when no item is named) and refunds them to the original tenders; prints the REFUND entry's seq and the
 * tenders refunded. More than is left to return exits 2 and records nothing. Uses the open shift, or opens one with a
 * zero float.
 *
 * <p>{@code refund --no-receipt ITEM[xQTY]… --reason TEXT --operator NO}: a return without a receipt, only by a
 * supervisor (the operator named), with a reason, refunded in cash at today's prices.
 */
@Command(name = "refund", description = "Returns goods against the original receipt: ITEM is a barcode on it (or #LINE), "
        + "optionally xQTY pieces; the whole receipt when no item is named. Prints the REFUND seq and tenders. "
        + "With --no-receipt every argument is an ITEM (barcode, PLU or scale label) returned without a receipt: "
        + "a supervisor (--operator) with --reason, refunded in cash at today's prices.")
final class RefundCommand extends TerminalCommand.Top {

    private static final Pattern ITEM = Pattern.compile("(.+?)(?:[xX](\\d{1,6}))?");

    @Parameters(index = "0", paramLabel = "RECEIPT_NO")
    String receiptNo;

    @Parameters(index = "1..*", paramLabel = "ITEM", arity = "0..*")
    List<String> items = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the goods come back (audit log, records).")
    String reason;

    @Option(names = "--no-receipt", description = "Return without a receipt: RECEIPT_NO and ITEMs are all items; "
            + "needs --operator NO of a supervisor and --reason; refunded in cash.")
    boolean noReceipt;

    @Mixin
    ActorOption actor;

    @Override
    int run(Terminal terminal) {
        Messages messages = terminal.messages();
        List<ReturnService.Pick> picks = new ArrayList<>();
        List<String> named = new ArrayList<>(items);
        if (noReceipt) {
            named.add(0, receiptNo);
        }
        for (String item : named) {
            Matcher m = ITEM.matcher(item);
            if (!m.matches()) {
                err().println(messages.get("return.error.notOnReceipt", item));
                return ExitCodes.BAD_INPUT;
            }
            picks.add(new ReturnService.Pick(m.group(1), m.group(2) == null ? 1 : Long.parseLong(m.group(2))));
        }
        try {
            Session session = actor.session(terminal);
            ReturnService returns = terminal.returns();
            if (noReceipt) {
                return withoutReceipt(terminal, session, picks);
            }
            returns.plan(returns.find(receiptNo), picks); // refused returns open no shift either
            terminal.shifts().ensureOpen(session);
            CompletedReturn done = returns.refund(session, receiptNo, picks, reason, Optional.empty());
            out().println(messages.get("cli.refund.done", done.receiptNo(), yuan(done.amountFen())));
            for (EntryTender tender : done.tenders()) {
                out().println("  " + messages.get("tender." + tender.method().name()) + " " + yuan(tender.amountFen())
                        + (tender.reference().isEmpty() ? "" : " " + tender.reference()));
            }
            out().println("seq " + done.seq());
            return ExitCodes.OK;
        } catch (OperatorException e) {
            err().println(e.text(messages));
        } catch (ReturnException e) {
            err().println(messages.get(e.key(), e.args()));
        } catch (ShiftException e) {
            err().println(messages.get(e.key(), e.args()));
        } catch (AccessDeniedException e) {
            err().println(messages.get(AccessDeniedException.KEY, e.operator().number(), e.operator().name(),
                    messages.get(e.operator().role().messageKey()), messages.get(e.permission().messageKey())));
        }
        return ExitCodes.BAD_INPUT;
    }

    private int withoutReceipt(Terminal terminal, Session session, List<ReturnService.Pick> picks) {
        Messages messages = terminal.messages();
        ReturnService returns = terminal.returns();
        if (session.operator().isEmpty()) {
            throw new ReturnException(ReturnException.Reason.SUPERVISOR_NEEDED);
        }
        if (reason == null || reason.isBlank()) {
            throw new ReturnException(ReturnException.Reason.REASON_NEEDED);
        }
        returns.priceWithoutReceipt(picks); // refused returns open no shift either
        if (returns.noReceiptApprovalNeeded(session, org.tongpos.app.money.domain.Money.ZERO, reason).isPresent()) {
            throw new AccessDeniedException(session.operator().orElseThrow(),
                    org.tongpos.app.operators.domain.Permission.OVERRIDE_LIMITS);
        }
        terminal.shifts().ensureOpen(session);
        CompletedReturn done = returns.refundWithoutReceipt(session, picks, reason, Optional.empty());
        out().println(messages.get("cli.refund.noReceipt", yuan(done.amountFen()), done.originalTxnId()));
        for (EntryTender tender : done.tenders()) {
            out().println("  " + messages.get("tender." + tender.method().name()) + " " + yuan(tender.amountFen()));
        }
        out().println("seq " + done.seq());
        return ExitCodes.OK;
    }

    private static String yuan(long fen) {
        return org.tongpos.app.money.domain.Money.ofFen(fen).toYuanString();
    }
}
