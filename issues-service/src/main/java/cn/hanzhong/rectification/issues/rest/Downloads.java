package cn.hanzhong.rectification.issues.rest;

import cn.hanzhong.rectification.platform.rest.ContentDisposition;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.InputStream;

/** A stored file as a download: streamed, under its original name, never sniffed by the browser. */
final class Downloads {

    private Downloads() {
    }

    /** {@code content} streamed (and closed) as {@code mediaType}, {@code Content-Disposition: attachment; filename*=…}. */
    static Response.ResponseBuilder attachment(InputStream content, String mediaType, String name, long size) {
        StreamingOutput body = out -> {
            try (content) {
                content.transferTo(out);
            }
        };
        return Response.ok(body, mediaType).header("Content-Disposition", disposition(name))
                .header("Content-Length", size).header("X-Content-Type-Options", "nosniff");
    }

    /** attachment with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
    static String disposition(String name) {
        return ContentDisposition.attachment(name);
    }
}
