package cn.hanzhong.rectification.issues.rest.dto;

import cn.hanzhong.rectification.issues.service.command.DecideExtension;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The office's decision on an extension request. */
@Schema(name = "DeadlineExtensionDecision")
public record ExtensionDecision(@NotNull Decision decision, @Size(max = 5000) String note) {

    public enum Decision { APPROVE, REJECT }

    public DecideExtension toCommand() {
        return new DecideExtension(DecideExtension.Verdict.valueOf(decision.name()), note);
    }
}
