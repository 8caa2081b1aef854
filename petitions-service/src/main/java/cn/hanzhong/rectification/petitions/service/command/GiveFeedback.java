package cn.hanzhong.rectification.petitions.service.command;

import cn.hanzhong.rectification.petitions.domain.Feedback;

import java.time.LocalDate;

/** The petitioner's feedback after closing (群众满意度回访), taken on {@code on} (default today). */
public record GiveFeedback(Feedback feedback, LocalDate on, String note) {
}
