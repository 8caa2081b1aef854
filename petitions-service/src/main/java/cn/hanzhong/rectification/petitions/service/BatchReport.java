package cn.hanzhong.rectification.petitions.service;

import cn.hanzhong.rectification.platform.errors.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** What an import did with each row. */
@Schema(name = "PetitionBatchReport")
public record BatchReport(int batch, int created, int updated, int unchanged, int rejected, List<Row> rows) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    @Schema(name = "PetitionBatchRow")
    public record Row(@Schema(description = "1-based row of the upload") int row, String caseNumber, Outcome outcome,
                      UUID petitionId, List<Problem.Violation> reasons) {
    }
}
