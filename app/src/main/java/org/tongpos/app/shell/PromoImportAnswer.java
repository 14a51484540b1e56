package org.tongpos.app.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;
import org.tongpos.app.Terminal;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.operators.domain.AccessDeniedException;
import org.tongpos.app.operators.domain.Session;
import org.tongpos.app.operators.service.OperatorException;
import org.tongpos.app.promotions.service.PromotionService;
import org.tongpos.app.promotions.service.WindowPromoImport;
import org.tongpos.app.promotions.store.PromotionStore;

/**
 * The window's side of {@link WindowPromoImport}: imports the file in the window's own process as the command's
 * operator (the command line's session), so the till's promotions change for the next scan, and answers the lines
 * the command prints.
 */
final class PromoImportAnswer {

    private PromoImportAnswer() {
    }

    static String answer(Terminal terminal, WindowPromoImport.Request request) {
        Messages messages = terminal.messages();
        try (InputStream in = Files.newInputStream(request.file())) {
            Session session = terminal.operators().operators().commandLineSession(
                    request.operator().isEmpty() ? Optional.empty() : Optional.of(request.operator()),
                    "cli");
            PromotionService.SaveOutcome outcome = terminal.promotions().promotions().importCsv(session, in);
            if (!outcome.isSaved()) {
                StringBuilder answer = new StringBuilder("refused\n");
                outcome.problems().forEach(p -> answer.append(p.text(messages).replace('\n', ' ')).append('\n'));
                return answer.toString();
            }
            PromotionStore.SaveCounts counts = outcome.counts();
            return "ok " + counts.added() + " " + counts.updated() + " " + counts.unchanged();
        } catch (IOException e) {
            return "failed " + messages.get("cli.import.cannotRead", request.file(), String.valueOf(e.getMessage()));
        } catch (OperatorException e) {
            return "failed " + e.text(messages);
        } catch (AccessDeniedException e) {
            return "failed " + messages.get(AccessDeniedException.KEY, e.operator().number(), e.operator().name(),
                    messages.get(e.operator().role().messageKey()), messages.get(e.permission().messageKey()));
        }
    }
}
