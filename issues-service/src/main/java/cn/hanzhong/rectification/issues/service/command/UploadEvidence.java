package cn.hanzhong.rectification.issues.service.command;

import java.nio.file.Path;

/** A file for an issue's dossier as it arrived: where the upload lies, the name it came with, what it shows. */
public record UploadEvidence(Path file, String originalName, String description) {
}
