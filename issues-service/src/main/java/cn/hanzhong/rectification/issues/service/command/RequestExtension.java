package cn.hanzhong.rectification.issues.service.command;

import java.time.LocalDate;

/** A lead unit's request for a later deadline (延期申请). */
public record RequestExtension(LocalDate proposedDeadline, String reason) {
}
