package cn.hanzhong.rectification.platform.security;

import java.util.List;

/**
 * The paths anyone may call without a token: the disclosure API and the Open311 GeoReport endpoints
 * (at the standard's own path, where its clients look). Rate limits, the OpenAPI security declarations
 * and the service contract test all ask here.
 */
public final class PublicPaths {

    public static final List<String> PREFIXES = List.of("/api/v1/public/", "/open311/");

    private PublicPaths() {
    }

    public static boolean isPublic(String path) {
        return PREFIXES.stream().anyMatch(path::startsWith);
    }
}
