package cn.hanzhong.rectification.petitions.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A batch (第N批) with its cases. Rows are validated one by one: a bad row is reported and skipped,
 * the good ones are imported.
 */
@Schema(name = "PetitionBatchRequest")
public record BatchRequest(
        @Schema(examples = "1") @NotNull @Positive Integer number,
        @NotNull LocalDate receivedOn,
        @Schema(description = "Deadline rule: working days from assignment (default 15)") @Min(1) @Max(365) Integer deadlineWorkingDays,
        @Size(max = 2000) String note,
        @Schema(description = "The cases, each a PetitionCase. Each is checked on its own: a case that does not follow the schema "
                + "is REJECTED in the report with the fields wrong, and the others go in.", type = SchemaType.ARRAY,
                implementation = cn.hanzhong.rectification.petitions.service.PetitionCase.class)
        @NotNull @Size(max = 100000) List<com.fasterxml.jackson.databind.JsonNode> cases) {
}
