package cn.hanzhong.rectification.petitions.rest.dto;

import cn.hanzhong.rectification.petitions.domain.Feedback;
import cn.hanzhong.rectification.petitions.service.command.GiveFeedback;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The petitioner's feedback after closing (群众满意度回访). UNSATISFIED reopens the case. */
@Schema(name = "PetitionerFeedback")
public record FeedbackRequest(@NotNull Feedback feedback, LocalDate on, @Size(max = 5000) String note) {

    public GiveFeedback toCommand() {
        return new GiveFeedback(feedback, on, note);
    }
}
