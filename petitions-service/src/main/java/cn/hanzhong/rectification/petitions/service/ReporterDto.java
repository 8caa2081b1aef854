package cn.hanzhong.rectification.petitions.service;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reporter as the inspection team forwards it; personal data, encrypted on arrival. */
@Schema(name = "Reporter", description = "Personal data (PIPL): stored encrypted, shown masked")
public record ReporterDto(
        @Schema(description = "No personal data given") Boolean anonymous,
        @Size(max = 40) String name,
        @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*", message = "must be a phone number") String phone,
        @Size(max = 18) @Pattern(regexp = "[0-9Xx]*", message = "must be an ID number") String idNumber,
        @Size(max = 300) String address) {

    @Override
    public String toString() {
        return "ReporterDto[redacted]";
    }
}
