package org.tongpos.app.canteen.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongpos.app.canteen.domain.AccountSource;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerProfile;
import org.tongpos.app.canteen.store.LocalDinerStore;
import org.tongpos.app.money.domain.Money;
import org.tongpos.sync.feed.AccountReplica;
import org.tongpos.sync.feed.BankAccount;

/**
 * Finds diners and their accounts in both sources through one model ({@link DinerAccount}): the diners kept on this
 * terminal first, then the replica of the bank's accounts (when the bank is configured). Lookups by card UID, account,
 * diner id and staff number use indexes in both; search by name or pinyin initials takes prefixes.
 */
public final class DinerDirectory {

    public static final int SEARCH_LIMIT = 20;
    private static final Logger LOG = LoggerFactory.getLogger(DinerDirectory.class);

    private final LocalDinerStore local;
    private final Supplier<Optional<AccountReplica>> bankReplica;
    private volatile boolean initialsChecked;

    /**
     * @param bankReplica the bank's accounts replica, or empty when this terminal has no bank configured
     */
    public DinerDirectory(LocalDinerStore local, Supplier<Optional<AccountReplica>> bankReplica) {
        this.local = local;
        this.bankReplica = bankReplica;
    }

    public Optional<DinerAccount> byCardUid(String uid) {
        Optional<DinerAccount> found = local.isEmpty() ? Optional.empty() : local.byCardUid(uid);
        return found.isPresent() ? found : bank().flatMap(b -> b.byCardUid(uid)).map(DinerDirectory::fromBank);
    }

    public Optional<DinerAccount> byAccountId(String accountId) {
        Optional<DinerAccount> found = local.isEmpty() ? Optional.empty() : local.byAccountId(accountId);
        return found.isPresent() ? found : bank().flatMap(b -> b.byAccountId(accountId)).map(DinerDirectory::fromBank);
    }

    /** The diner with this id (an open account before a closed one). */
    public Optional<DinerAccount> byDinerId(String dinerId) {
        Optional<DinerAccount> found = local.byDinerId(dinerId);
        if (found.isPresent()) {
            return found;
        }
        return bank().flatMap(b -> b.byDinerId(dinerId).stream().findFirst()).map(DinerDirectory::fromBank);
    }

    /** A diner by id or staff number, as a worker types it. */
    public Optional<DinerAccount> byDinerIdOrStaffNo(String id) {
        Optional<DinerAccount> found = byDinerId(id);
        return found.isPresent() ? found : local.byStaffNo(id);
    }

    /**
     * Diners matching the text: a card UID, an account or diner id, a staff number exactly; else names starting with
     * it and names whose pinyin initials start with it ({@code zw} → 张伟). At most {@link #SEARCH_LIMIT}.
     */
    public List<DinerAccount> find(String text) {
        String query = text.strip();
        Map<String, DinerAccount> found = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return List.of();
        }
        if (DinerProfile.isCardUid(query)) {
            byCardUid(query).ifPresent(d -> found.put(d.accountId(), d));
        }
        byAccountId(query).ifPresent(d -> found.put(d.accountId(), d));
        byDinerId(query).ifPresent(d -> found.put(d.accountId(), d));
        local.byStaffNo(query).ifPresent(d -> found.put(d.accountId(), d));
        List<DinerAccount> named = new ArrayList<>(local.byNamePrefix(query, SEARCH_LIMIT));
        bank().ifPresent(b -> b.byNamePrefix(query, SEARCH_LIMIT).forEach(a -> named.add(fromBank(a))));
        if (query.matches("[A-Za-z0-9]+")) {
            named.addAll(local.byInitialsPrefix(query, SEARCH_LIMIT));
            bank().ifPresent(b -> b.byInitialsPrefix(query, SEARCH_LIMIT).forEach(a -> named.add(fromBank(a))));
        }
        for (DinerAccount diner : named) {
            if (found.size() >= SEARCH_LIMIT) {
                break;
            }
            found.putIfAbsent(diner.accountId(), diner);
        }
        return List.copyOf(found.values());
    }

    public long localCount() {
        return local.count();
    }

    public long bankCount() {
        return bank().map(AccountReplica::count).orElse(0L);
    }

    private Optional<AccountReplica> bank() {
        Optional<AccountReplica> replica = bankReplica.get();
        if (replica.isPresent() && !initialsChecked) {
            initialsChecked = true;
            int filled = replica.get().fillMissingInitials();
            if (filled > 0) {
                LOG.info("pinyin initials computed for {} bank account(s) replicated before they were kept", filled);
            }
        }
        return replica;
    }

    static DinerAccount fromBank(BankAccount a) {
        return new DinerAccount(a.accountId(), a.dinerId(), "", a.name(), a.department(), a.dinerType(), a.cardUid(),
                Money.ofFen(a.balanceFen()), Money.ofFen(a.subsidyFen()), a.hotlisted(), a.closed(),
                AccountSource.BANK);
    }
}
