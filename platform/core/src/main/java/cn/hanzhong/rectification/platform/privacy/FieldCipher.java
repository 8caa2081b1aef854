package cn.hanzhong.rectification.platform.privacy;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Encrypts personal data for storage with AES-256-GCM. Each value is stored as
 * {@code keyId:base64(iv || ciphertext+tag)}, so keys can be rotated: new values use the current
 * key, old ones stay readable while their key is still configured.
 */
public final class FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param base64Keys   key id → base64 of a 32-byte key
     * @param currentKeyId the key new values are encrypted with
     */
    public FieldCipher(Map<String, String> base64Keys, String currentKeyId) {
        if (!base64Keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("The current key " + currentKeyId + " is not configured");
        }
        this.keys = new HashMap<>();
        base64Keys.forEach((id, b64) -> {
            byte[] raw = Base64.getDecoder().decode(b64.strip());
            if (raw.length != 32) {
                throw new IllegalArgumentException("Key " + id + " must be 32 bytes (base64), not " + raw.length);
            }
            if (id.contains(":")) {
                throw new IllegalArgumentException("A key id may not contain ':'");
            }
            keys.put(id, new SecretKeySpec(raw, "AES"));
        });
        this.currentKeyId = currentKeyId;
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** @return {@code null} for {@code null} */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** @return {@code null} for {@code null} */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        String keyId = stored.substring(0, colon);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Key " + keyId + " is no longer configured");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed (wrong key or tampered value)", e);
        }
    }

    /** A fresh random key, base64, for configuration. */
    public static String newKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }
}
