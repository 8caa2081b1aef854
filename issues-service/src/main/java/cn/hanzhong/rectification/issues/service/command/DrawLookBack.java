package cn.hanzhong.rectification.issues.service.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A look-back draw: a count or a percentage of the signed-off issues (optionally signed off within a
 * period, of some categories or districts), stratified by DISTRICT and/or CATEGORY, with a seed (one is
 * generated and recorded when absent); the checks go to {@code checkerUnits} in turn, never to an issue's
 * own lead unit, due on {@code dueDate} or in {@code dueWorkingDays}.
 */
public record DrawLookBack(String title, Integer count, BigDecimal percent, List<String> stratifyBy, Long seed,
                           LocalDate signedOffFrom, LocalDate signedOffTo, List<String> checkerUnits,
                           LocalDate dueDate, Integer dueWorkingDays) {
}
