package cn.hanzhong.rectification.petitions.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reporter in clear, for the office only, after an audited reveal. */
@Schema(name = "RevealedReporter")
public record RevealedReporter(boolean anonymous, String name, String phone, String idNumber, String address) {

    @Override
    public String toString() {
        return "RevealedReporter[redacted]";
    }
}
