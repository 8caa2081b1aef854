package cn.hanzhong.rectification.petitions.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** An office change of a petition's deadline. */
@Schema(name = "PetitionDeadlineChange")
public record DeadlineChange(@NotNull LocalDate deadline, @NotBlank @Size(max = 2000) String reason) {
}
