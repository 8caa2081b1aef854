package cn.hanzhong.rectification.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair for signing tokens in tests and local runs, kept as PEM files in a directory.
 * Generated on first use and never committed: the public half is what services verify with.
 */
public final class JwtKeys {

    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private final Path directory;

    private JwtKeys(Path directory) {
        this.directory = directory;
    }

    /** Uses the key pair in {@code directory}, generating it if it is not there yet. */
    public static synchronized JwtKeys loadOrCreate(Path directory) {
        JwtKeys keys = new JwtKeys(directory);
        if (!Files.exists(keys.privateKeyFile()) || !Files.exists(keys.publicKeyFile())) {
            keys.generate();
        }
        return keys;
    }

    public Path privateKeyFile() {
        return directory.resolve(PRIVATE_KEY_FILE);
    }

    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY_FILE);
    }

    public PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable private key " + privateKeyFile(), e);
        }
    }

    private void generate() {
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path tmpPrivate = Files.createTempFile(directory, "key", ".tmp");
            Files.writeString(tmpPrivate, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            tmpPrivate.toFile().setReadable(false, false);
            tmpPrivate.toFile().setReadable(true, true);
            Path tmpPublic = Files.createTempFile(directory, "key", ".tmp");
            Files.writeString(tmpPublic, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.move(tmpPrivate, privateKeyFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmpPublic, publicKeyFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
