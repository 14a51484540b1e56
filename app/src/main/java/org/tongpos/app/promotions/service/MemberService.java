package org.tongpos.app.promotions.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tongpos.app.catalog.service.CatalogCsvReader.Problem;
import org.tongpos.app.catalog.service.CatalogCsvReader.Reason;
import org.tongpos.app.promotions.domain.Member;
import org.tongpos.app.promotions.store.MemberStore;

/**
 * The store's members: found by phone number or member card UID (active members only), imported from a CSV
 * ({@code phone,card_uid,name[,active]}) all or nothing.
 */
public final class MemberService {

    private static final Set<String> NO = Set.of("0", "n", "no", "false", "否");

    private final MemberStore store;

    public MemberService(MemberStore store) {
        this.store = store;
    }

    /** What an import did: the problems that stopped it, or the counts saved. */
    public record ImportOutcome(List<Problem> problems, MemberStore.SaveCounts saved) {
        public boolean imported() {
            return problems.isEmpty();
        }
    }

    /** The active member with this phone number or card UID. */
    public Optional<Member> find(String phoneOrUid) {
        String key = phoneOrUid == null ? "" : phoneOrUid.strip();
        Optional<Member> found = Member.isPhone(key) ? store.byPhone(key) : Optional.empty();
        if (found.isEmpty() && Member.isCardUid(key)) {
            found = store.byCardUid(key.toUpperCase(Locale.ROOT));
        }
        return found.filter(Member::active);
    }

    public List<Member> all() {
        return store.all();
    }

    public ImportOutcome importCsv(InputStream in) throws IOException {
        List<Member> members = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        List<Problem> problems = CsvRows.read(in, List.of("phone", "card_uid", "name"), List.of("active"),
                (f, line, rowProblems) -> {
                    List<Reason> reasons = new ArrayList<>();
                    String phone = f.get("phone");
                    String uid = f.get("card_uid").toUpperCase(Locale.ROOT);
                    String name = f.get("name");
                    if (phone.isEmpty() && uid.isEmpty()) {
                        reasons.add(Reason.of("promo.member.noKey"));
                    }
                    if (!phone.isEmpty() && !Member.isPhone(phone)) {
                        reasons.add(Reason.of("promo.member.badPhone", phone));
                    }
                    if (!uid.isEmpty() && !Member.isCardUid(uid)) {
                        reasons.add(Reason.of("promo.member.badUid", uid));
                    }
                    if (name.length() > 60) {
                        reasons.add(Reason.of("promo.member.nameTooLong"));
                    }
                    for (String key : List.of(phone, uid)) {
                        Long earlier = key.isEmpty() ? null : firstLine.putIfAbsent(key, line);
                        if (earlier != null) {
                            reasons.add(Reason.of("promo.member.repeated", key, earlier));
                        }
                    }
                    if (reasons.isEmpty()) {
                        members.add(new Member(phone, uid, name,
                                !NO.contains(f.getOrDefault("active", "").toLowerCase(Locale.ROOT))));
                    } else {
                        rowProblems.add(new Problem(line, reasons));
                    }
                });
        if (!problems.isEmpty()) {
            return new ImportOutcome(problems, new MemberStore.SaveCounts(0, 0));
        }
        return new ImportOutcome(List.of(), store.saveAll(members));
    }
}
