package cn.hanzhong.rectification.accountability.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether (and what of) a case may be counted in the public summary. */
@Schema(name = "CaseDisclosure")
public record DisclosureRequest(@NotNull Boolean disclosable, @Size(max = 5000) String disclosure) {
}
