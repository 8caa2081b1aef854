package cn.hanzhong.rectification.petitions.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the office needs the reporter's identity; recorded in the audit. */
@Schema(name = "RevealRequest")
public record RevealRequest(@Schema(examples = "回访核实办理结果") @NotBlank @Size(min = 4, max = 1000) String reason) {
}
