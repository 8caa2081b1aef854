package cn.hanzhong.rectification.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST whose response must not be kept for {@code Idempotency-Key} replays, because it carries data that
 * may not rest anywhere in clear (a reporter's revealed identity). The key is ignored there: a retry runs
 * again (and is audited again).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NotReplayable {
}
