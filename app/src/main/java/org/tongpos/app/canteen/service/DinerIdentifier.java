package org.tongpos.app.canteen.service;

import java.time.Clock;
import java.util.Optional;
import org.tongpos.app.canteen.domain.DinerAccount;
import org.tongpos.app.canteen.domain.DinerProfile;
import org.tongpos.app.canteen.domain.DinerQrCode;
import org.tongpos.app.canteen.domain.DinerQrVerifier;
import org.tongpos.app.canteen.domain.DinerSource;
import org.tongpos.app.canteen.domain.RefusalReason;
import org.tongpos.app.canteen.store.FaceMapStore;
import org.tongpos.app.canteen.store.QrNonceStore;

/**
 * Turns what the serving line saw (a QR code, a card, a face, a pick by hand) into the diner's account, or the reason
 * none can be served. A QR code is verified offline with the bank's key it names and its nonce must be unspent; a face
 * terminal's person id goes through the mapping table; a pick by hand needs a reason.
 */
public final class DinerIdentifier {

    private final DinerDirectory diners;
    private final QrKeyRing keys;
    private final QrNonceStore nonces;
    private final FaceMapStore faces;
    private final Clock clock;

    public DinerIdentifier(DinerDirectory diners, QrKeyRing keys, QrNonceStore nonces, FaceMapStore faces, Clock clock) {
        this.diners = diners;
        this.keys = keys;
        this.nonces = nonces;
        this.faces = faces;
        this.clock = clock;
    }

    public Identification identify(DinerSource source) {
        if (source instanceof DinerSource.QrCode qr) {
            return byQrCode(qr.text());
        }
        if (source instanceof DinerSource.Card card) {
            if (!DinerProfile.isCardUid(card.uid())) {
                return Identification.refused(RefusalReason.UNKNOWN_DINER, card.uid());
            }
            return found(diners.byCardUid(card.uid()), card.uid());
        }
        if (source instanceof DinerSource.Face face) {
            Optional<String> diner = faces.dinerOf(face.personId());
            if (diner.isEmpty()) {
                return Identification.refused(RefusalReason.UNKNOWN_DINER, face.personId());
            }
            return found(diners.byDinerId(diner.get()), face.personId());
        }
        if (source instanceof DinerSource.Manual manual) {
            if (manual.reason().isEmpty()) {
                return Identification.refused(RefusalReason.REASON_REQUIRED);
            }
            return found(diners.byDinerIdOrStaffNo(manual.dinerId()), manual.dinerId());
        }
        return Identification.nobody();
    }

    private Identification byQrCode(String text) {
        DinerQrVerifier.Verdict verdict = DinerQrVerifier.verify(text.strip(), keys::key, clock.instant());
        if (verdict instanceof DinerQrVerifier.Verdict.Refused refused) {
            return Identification.refused(refused.reason());
        }
        DinerQrCode code = ((DinerQrVerifier.Verdict.Valid) verdict).code();
        if (nonces.isSpent(code)) {
            return Identification.refused(RefusalReason.QR_REPLAYED);
        }
        Optional<DinerAccount> account = diners.byAccountId(code.accountId());
        if (account.isEmpty() || !account.get().dinerId().equals(code.dinerId())) {
            return Identification.refused(RefusalReason.UNKNOWN_DINER, code.dinerId());
        }
        return Identification.ofCode(account.get(), code);
    }

    private static Identification found(Optional<DinerAccount> diner, String asked) {
        return diner.map(Identification::of).orElseGet(() -> Identification.refused(RefusalReason.UNKNOWN_DINER, asked));
    }
}
