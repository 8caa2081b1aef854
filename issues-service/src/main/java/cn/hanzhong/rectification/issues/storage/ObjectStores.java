package cn.hanzhong.rectification.issues.storage;

import cn.hanzhong.rectification.issues.config.IssuesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The object store {@code issues.evidence.store} names; the S3 client is only built when it is {@code s3}. */
@ApplicationScoped
public class ObjectStores {

    private static final Logger LOG = Logger.getLogger(ObjectStores.class);

    @Produces
    @ApplicationScoped
    ObjectStore store(IssuesConfig config, Instance<S3Client> s3) {
        IssuesConfig.Evidence evidence = config.evidence();
        ObjectStore store = switch (evidence.store()) {
            case "filesystem" -> filesystem(evidence.directory());
            case "s3" -> new S3ObjectStore(s3.get(), evidence.s3Bucket(), evidence.s3CreateBucket());
            default -> throw new IllegalStateException(
                    "issues.evidence.store must be filesystem or s3, not " + evidence.store());
        };
        LOG.infof("evidence files go to the %s", store.kind());
        return store;
    }

    private static ObjectStore filesystem(String directory) {
        try {
            return new FileSystemObjectStore(Path.of(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + directory + " for evidence files", e);
        }
    }
}
