package cn.hanzhong.rectification.issues.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * A real S3 protocol server in the test JVM (S3Proxy over jclouds' in-memory blob store, signature V4
 * checked), and the service configured to keep its evidence there through the quarkus.s3 client.
 */
public class LocalS3 implements QuarkusTestResourceLifecycleManager {

    public static final String ACCESS_KEY = "evidence-test";
    public static final String SECRET_KEY = "evidence-test-secret";
    public static final String BUCKET = "evidence-under-test";

    private S3Proxy proxy;
    private BlobStoreContext context;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .overrides(new Properties()).build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
                Thread.onSpinWait();
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return Map.of(
                "issues.evidence.store", "s3",
                "issues.evidence.s3-bucket", BUCKET,
                "quarkus.s3.endpoint-override", "http://127.0.0.1:" + port,
                "quarkus.s3.aws.region", "us-east-1",
                "quarkus.s3.path-style-access", "true",
                // S3Proxy checks a whole-payload signature, not the SDK's aws-chunked one, and answers 501 to the
                // flexible-checksum headers it does not implement unless told to ignore them (above).
                "quarkus.s3.chunked-encoding", "false",
                "quarkus.s3.aws.credentials.type", "static",
                "quarkus.s3.aws.credentials.static-provider.access-key-id", ACCESS_KEY,
                "quarkus.s3.aws.credentials.static-provider.secret-access-key", SECRET_KEY);
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
