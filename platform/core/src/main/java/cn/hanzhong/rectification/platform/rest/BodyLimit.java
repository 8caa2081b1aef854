package cn.hanzhong.rectification.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body an endpoint accepts, as a memory size ({@code 20M}, {@code 512K}); without
 * it an endpoint accepts {@code platform.http.max-body-size} (1M: JSON commands are small). Uploads
 * declare theirs, as a size or as {@code ${config.property:default}} when an operator may change it. It must
 * stay below {@code quarkus.http.limits.max-body-size}, the server's hard cap.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyLimit {
    String value();
}
