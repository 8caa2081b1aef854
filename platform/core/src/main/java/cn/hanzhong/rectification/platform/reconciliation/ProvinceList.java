package cn.hanzhong.rectification.platform.reconciliation;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.ServiceUnavailableException;
import cn.hanzhong.rectification.platform.tables.Spreadsheets;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The province's list fetched from a URL the operator configured: http(s) on an allow-listed host only
 * (as for webhooks), no redirects followed, CSV or XLSX as its Content-Type (or the path's ending) says.
 */
public final class ProvinceList {

    /** The list's bytes and their media type. */
    public record Fetched(byte[] body, String contentType) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ProvinceList() {
    }

    /** {@code allowedSetting} names the setting that lists the hosts (in the problem when the host is not on it). */
    public static Fetched fetch(URI url, List<String> allowedHosts, String allowedSetting) {
        String host = url.getHost();
        if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || host == null
                || allowedHosts.stream().noneMatch(h -> h.equalsIgnoreCase(host))) {
            throw new InvalidInputException("url", "is not an http(s) URL on an allowed host (" + allowedSetting + ")");
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new ServiceUnavailableException("The province's list answered " + r.statusCode());
            }
            String type = r.headers().firstValue("Content-Type")
                    .orElse(url.getPath().endsWith(".csv") ? Spreadsheets.CSV : Spreadsheets.XLSX);
            return new Fetched(r.body(), type);
        } catch (IOException e) {
            throw new ServiceUnavailableException("The province's list could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while fetching the province's list");
        }
    }
}
