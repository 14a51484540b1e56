package org.tongpos.app.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.i18n.Messages;
import org.tongpos.app.storage.DirectoryLock;

/**
 * A window start on a data directory that another TongPOS process owns (a second double click on the icon): asks the
 * running window to come to the front and ends quietly; when no window answers (a command holds the directory, or
 * the window is stuck), says in a dialog that TongPOS is already running, in the terminal's language.
 */
final class SecondStart {

    /** Shows a message to the person who started TongPOS (a dialog in the application, a record in tests). */
    interface Dialog {
        void show(String title, String text);
    }

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(SecondStart.class);

    private SecondStart() {
    }

    /** Exit status 0 when the running window came to the front, 1 when the dialog said why nothing opened. */
    static int handle(Path dataDirectory, Dialog dialog) {
        Optional<DirectoryLock.Owner> owner = DirectoryLock.owner(dataDirectory);
        if (owner.isPresent() && SingleWindow.summon(owner.get(), ANSWER_WITHIN)) {
            LOG.info("TongPOS is already running on {}: its window was brought to the front", dataDirectory);
            return 0;
        }
        Messages messages = Messages.forSetting(owner.map(DirectoryLock.Owner::locale).orElse(""));
        boolean command = owner.map(o -> o.holder() == DirectoryLock.Holder.COMMAND).orElse(false);
        String text = messages.get(command ? "instance.commandRunning" : "instance.alreadyRunning", dataDirectory);
        LOG.warn("{}", text);
        dialog.show(messages.get("instance.alreadyRunning.title"), text);
        return 1;
    }
}
