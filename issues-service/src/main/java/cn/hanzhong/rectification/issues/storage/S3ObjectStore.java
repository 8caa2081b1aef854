package cn.hanzhong.rectification.issues.storage;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Objects in a bucket of any S3-compatible store (MinIO, Ceph, a cloud's), through the AWS SDK's client. */
public class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final String bucket;

    public S3ObjectStore(S3Client s3, String bucket, boolean createBucket) {
        this.s3 = s3;
        this.bucket = bucket;
        if (createBucket) {
            ensureBucket();
        }
    }

    private void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public void put(String sha256, Path file, String mediaType) throws IOException {
        if (contains(sha256)) {
            return;
        }
        try {
            s3.putObject(p -> p.bucket(bucket).key(ObjectStore.key(sha256)).contentType(mediaType), RequestBody.fromFile(file));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return s3.getObject(g -> g.bucket(bucket).key(ObjectStore.key(sha256)));
        } catch (NoSuchKeyException e) {
            throw new IOException("no object " + sha256 + " in bucket " + bucket, e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        try {
            s3.headObject(h -> h.bucket(bucket).key(ObjectStore.key(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String kind() {
        return "s3 bucket " + bucket;
    }
}
