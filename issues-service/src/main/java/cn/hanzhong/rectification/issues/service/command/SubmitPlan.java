package cn.hanzhong.rectification.issues.service.command;

import java.nio.file.Path;

/** A unit's implementation plan as submitted: the file as it arrived, its title, document number and where it was published. */
public record SubmitPlan(Path file, String fileName, String title, String documentNumber, String publicUrl) {
}
