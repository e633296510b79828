package org.csp.engagement.casereview;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.csp.engagement.casereview.CaseReviewEvent.Sealed;

/**
 * Crypto-shredding of case-review free text. Each case review has its own AES-256 key in {@code case_review_key};
 * its free text is stored (in events and the query table alike) only sealed with that key, bound to the case by the
 * GCM associated data. Destroying the key ({@link CaseReviewRetention}) makes every copy unreadable while the event
 * log stays append-only; what is not text (dates, decision, outcome, counts) stays.
 */
public final class CaseReviewKeys {

    static final String DDL = """
            CREATE TABLE IF NOT EXISTS case_review_key (
                partnership_id text        NOT NULL,
                case_reference text        NOT NULL,
                key            bytea       NOT NULL,
                created_at     timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (partnership_id, case_reference))""";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    /** A case's key, able to seal and open its text; {@code bytes} is null once the key was destroyed. */
    public record Key(String partnershipId, String caseReference, byte[] bytes) {

        public boolean destroyed() {
            return bytes == null;
        }

        public Sealed seal(String text) {
            if (text == null) {
                return null;
            }
            if (destroyed()) {
                throw new IllegalStateException("The key of case review " + caseReference + " was destroyed");
            }
            try {
                byte[] iv = new byte[IV_BYTES];
                RANDOM.nextBytes(iv);
                Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv);
                byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
                return new Sealed(Base64.getEncoder()
                        .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                                .put(iv)
                                .put(sealed)
                                .array()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot seal case review text", e);
            }
        }

        /** The text, or null when there is none or the key was destroyed. */
        public String open(Sealed sealed) {
            if (sealed == null || destroyed()) {
                return null;
            }
            try {
                byte[] all = Base64.getDecoder().decode(sealed.sealed());
                byte[] iv = java.util.Arrays.copyOfRange(all, 0, IV_BYTES);
                Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv);
                return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
            } catch (AEADBadTagException e) {
                throw new IllegalStateException("Case review text does not belong to case " + caseReference, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot open case review text", e);
            }
        }

        private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(bytes, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD((partnershipId + ":" + caseReference).getBytes(StandardCharsets.UTF_8));
            return cipher;
        }
    }

    private CaseReviewKeys() {}

    /** A new case's key, created in the caller's transaction. */
    static Uni<Key> create(SqlClient tx, String partnershipId, String caseReference) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return tx.preparedQuery(
                        "INSERT INTO case_review_key (partnership_id, case_reference, key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(partnershipId, caseReference, Buffer.buffer(bytes)))
                .flatMap(ignored -> find(tx, partnershipId, caseReference));
    }

    /** The case's key; a destroyed (or never created) key has no bytes. */
    static Uni<Key> find(SqlClient client, String partnershipId, String caseReference) {
        return client.preparedQuery("SELECT key FROM case_review_key WHERE partnership_id = $1 AND case_reference = $2")
                .execute(Tuple.of(partnershipId, caseReference))
                .map(rows -> new Key(
                        partnershipId,
                        caseReference,
                        rows.size() == 0
                                ? null
                                : rows.iterator().next().getBuffer("key").getBytes()));
    }
}
