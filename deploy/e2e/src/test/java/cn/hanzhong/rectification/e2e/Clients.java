package cn.hanzhong.rectification.e2e;

import java.time.Duration;

/**
 * The Java clients generated from the services' OpenAPI documents (openapi-generator, see this module's
 * pom), pointed at a running service with a bearer token, as a third party would set them up.
 */
final class Clients {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private Clients() {
    }

    static cn.hanzhong.rectification.e2e.client.issues.ApiClient issues(ServiceProcess service, String token) {
        return new cn.hanzhong.rectification.e2e.client.issues.ApiClient().setScheme("http").setHost("127.0.0.1")
                .setPort(service.port()).setBasePath("").setReadTimeout(READ_TIMEOUT)
                .setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    }

    static cn.hanzhong.rectification.e2e.client.petitions.ApiClient petitions(ServiceProcess service, String token) {
        return new cn.hanzhong.rectification.e2e.client.petitions.ApiClient().setScheme("http").setHost("127.0.0.1")
                .setPort(service.port()).setBasePath("").setReadTimeout(READ_TIMEOUT)
                .setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    }

    static cn.hanzhong.rectification.e2e.client.accountability.ApiClient accountability(ServiceProcess service, String token) {
        return new cn.hanzhong.rectification.e2e.client.accountability.ApiClient().setScheme("http").setHost("127.0.0.1")
                .setPort(service.port()).setBasePath("").setReadTimeout(READ_TIMEOUT)
                .setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    }

    static cn.hanzhong.rectification.e2e.client.notification.ApiClient notification(ServiceProcess service, String token) {
        return new cn.hanzhong.rectification.e2e.client.notification.ApiClient().setScheme("http").setHost("127.0.0.1")
                .setPort(service.port()).setBasePath("").setReadTimeout(READ_TIMEOUT)
                .setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    }
}
