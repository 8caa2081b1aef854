package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.petitions.config.PetitionsConfig;
import cn.hanzhong.rectification.petitions.domain.Petition;
import cn.hanzhong.rectification.platform.privacy.FieldCipher;
import cn.hanzhong.rectification.platform.privacy.Masking;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The only place that sees reporters' personal data in clear: encrypts it into the petition,
 * keeps masked copies for display, and decrypts it for an audited reveal or for pseudonymising text.
 */
@ApplicationScoped
public class ReporterVault {

    /** A reporter as given in an import, or revealed. */
    public record Reporter(boolean anonymous, String name, String phone, String idNumber, String address) {
        @Override
        public String toString() {
            // Never print personal data, even by accident.
            return "Reporter[" + (anonymous ? "anonymous" : "redacted") + "]";
        }
    }

    private final FieldCipher cipher;

    public ReporterVault(PetitionsConfig config) {
        Map<String, String> keys = new HashMap<>();
        config.previousReporterKeys().ifPresent(list -> {
            for (String pair : list.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    keys.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        });
        keys.put(config.reporterKeyId(), config.reporterKey());
        this.cipher = new FieldCipher(keys, config.reporterKeyId());
    }

    public void store(Petition p, Reporter r) {
        boolean anonymous = r == null || r.anonymous() || (blank(r.name()) && blank(r.phone()));
        p.reporterAnonymous = anonymous;
        p.reporterNameEnc = anonymous ? null : cipher.encrypt(clean(r.name()));
        p.reporterPhoneEnc = anonymous ? null : cipher.encrypt(clean(r.phone()));
        p.reporterIdNumberEnc = anonymous ? null : cipher.encrypt(clean(r.idNumber()));
        p.reporterAddressEnc = anonymous ? null : cipher.encrypt(clean(r.address()));
        p.reporterNameMasked = anonymous ? null : Masking.name(clean(r.name()));
        p.reporterPhoneMasked = anonymous ? null : Masking.phone(clean(r.phone()));
    }

    public Reporter reveal(Petition p) {
        if (p.reporterAnonymous) {
            return new Reporter(true, null, null, null, null);
        }
        return new Reporter(false, cipher.decrypt(p.reporterNameEnc), cipher.decrypt(p.reporterPhoneEnc),
                cipher.decrypt(p.reporterIdNumberEnc), cipher.decrypt(p.reporterAddressEnc));
    }

    /** Whether an import's reporter differs from the stored one. */
    public boolean differs(Petition p, Reporter incoming) {
        Reporter current = reveal(p);
        boolean anonymous = incoming == null || incoming.anonymous() || (blank(incoming.name()) && blank(incoming.phone()));
        if (anonymous || current.anonymous()) {
            return anonymous != current.anonymous();
        }
        return !Objects.equals(current.name(), clean(incoming.name())) || !Objects.equals(current.phone(), clean(incoming.phone()))
                || !Objects.equals(current.idNumber(), clean(incoming.idNumber()))
                || !Objects.equals(current.address(), clean(incoming.address()));
    }

    /** Free text fit for publication: the reporter's own name pseudonymised, numbers masked. */
    public String pseudonymise(Petition p, String text) {
        return pseudonymiser(p).apply(text);
    }

    /** Pseudonymises any number of texts of one petition, decrypting its reporter's name once. */
    public UnaryOperator<String> pseudonymiser(Petition p) {
        List<String> names = p.reporterAnonymous || p.reporterNameEnc == null ? List.of()
                : Arrays.asList(cipher.decrypt(p.reporterNameEnc));
        return text -> Masking.pseudonymise(text, names);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clean(String s) {
        return blank(s) ? null : s.strip();
    }
}
