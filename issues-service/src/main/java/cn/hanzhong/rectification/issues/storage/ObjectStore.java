package cn.hanzhong.rectification.issues.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes of evidence files live, addressed by their SHA-256 (lower-case hex): the same bytes
 * are stored once however often they are uploaded, and an address never names other bytes. Chosen by
 * {@code issues.evidence.store}: {@link FileSystemObjectStore} or {@link S3ObjectStore}.
 */
public interface ObjectStore {

    /** Stores {@code file}'s bytes under {@code sha256} unless they are there already. */
    void put(String sha256, Path file, String mediaType) throws IOException;

    /** The bytes stored under {@code sha256}; the caller closes the stream. */
    InputStream open(String sha256) throws IOException;

    boolean contains(String sha256) throws IOException;

    /** The store's kind, for the logs and the health of the service. */
    String kind();

    /** The store's key of {@code sha256}: never anything a client sent, so never a path a client chose. */
    static String key(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return "sha256/" + sha256.substring(0, 2) + "/" + sha256;
    }
}
