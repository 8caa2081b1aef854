package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.service.command.RequestExtension;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A lead unit's request to move the deadline (延期申请). */
@Schema(name = "DeadlineExtensionRequest")
public record ExtensionRequest(@NotNull LocalDate proposedDeadline, @NotBlank @Size(max = 5000) String reason) {

    public RequestExtension toCommand() {
        return new RequestExtension(proposedDeadline, reason);
    }
}
