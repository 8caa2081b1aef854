package cn.hanzhong.rectification.issues.service;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;
import cn.hanzhong.rectification.platform.errors.UnsupportedMediaTypeException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Which files a dossier takes, told by Apache Tika from the bytes and checked against the name:
 * photos, PDFs, Office and OpenDocument files, text and CSV, video. Executables and scripts are refused
 * (415) whatever they are called; a name that says one type over bytes of another is refused (400).
 */
public final class EvidenceTypes {

    private static final TikaConfig TIKA = TikaConfig.getDefaultConfig();
    private static final Detector DETECTOR = TIKA.getDetector();
    private static final MediaTypeRegistry REGISTRY = TIKA.getMediaTypeRegistry();

    private static final Set<MediaType> ACCEPTED = Set.of(
            MediaType.image("jpeg"), MediaType.image("png"), MediaType.image("gif"), MediaType.image("webp"),
            MediaType.image("tiff"), MediaType.image("bmp"), MediaType.image("heic"), MediaType.image("heif"),
            MediaType.application("pdf"),
            MediaType.application("msword"), MediaType.application("vnd.ms-excel"), MediaType.application("vnd.ms-powerpoint"),
            MediaType.application("x-tika-msoffice"), MediaType.application("x-tika-ooxml"),
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
            MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            MediaType.application("vnd.openxmlformats-officedocument.presentationml.presentation"),
            MediaType.application("vnd.oasis.opendocument.text"), MediaType.application("vnd.oasis.opendocument.spreadsheet"),
            MediaType.application("vnd.oasis.opendocument.presentation"), MediaType.application("vnd.wps-office.wps"),
            MediaType.TEXT_PLAIN, MediaType.text("csv"),
            MediaType.video("mp4"), MediaType.video("quicktime"), MediaType.audio("mpeg"));

    private static final Set<MediaType> EXECUTABLE = Set.of(
            MediaType.application("x-msdownload"), MediaType.application("x-dosexec"), MediaType.application("x-executable"),
            MediaType.application("x-elf"), MediaType.application("x-sharedlib"), MediaType.application("x-mach-o"),
            MediaType.application("x-mach-o-executable"), MediaType.application("x-msi"), MediaType.application("x-ms-installer"),
            MediaType.application("x-sh"), MediaType.application("x-csh"), MediaType.application("x-bat"),
            MediaType.application("javascript"), MediaType.text("javascript"), MediaType.application("x-javascript"),
            MediaType.application("java-archive"), MediaType.application("java-vm"), MediaType.application("x-java-jnlp-file"),
            MediaType.text("x-python"), MediaType.application("x-python-code"), MediaType.text("x-perl"),
            MediaType.text("x-php"), MediaType.application("x-php"), MediaType.text("x-vbscript"),
            MediaType.text("x-powershell"), MediaType.application("x-powershell"), MediaType.application("hta"),
            MediaType.application("x-ms-shortcut"), MediaType.text("x-ruby"), MediaType.application("x-ruby"));

    private EvidenceTypes() {
    }

    /** The type of the file, or a refusal naming why. */
    public static String check(Path file, String name) {
        MediaType content = detect(file, null);
        MediaType named = detect(null, extensionOnly(name));
        if (executable(content) || executable(named)) {
            throw new UnsupportedMediaTypeException("Executables and scripts are not accepted as evidence (the file is "
                    + (executable(content) ? content.getBaseType() : named.getBaseType()) + ")");
        }
        MediaType type;
        if (named.equals(MediaType.OCTET_STREAM) || named.equals(content) || REGISTRY.isSpecializationOf(content, named)) {
            type = content;
        } else if (REGISTRY.isSpecializationOf(named, content)) {
            type = named;
        } else {
            throw new InvalidInputException("file", "the name " + name + " says " + named.getBaseType()
                    + " but the content is " + content.getBaseType());
        }
        if (!accepted(type)) {
            throw new UnsupportedMediaTypeException("A file of type " + type.getBaseType() + " is not accepted as evidence; "
                    + "send photos, PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV or video");
        }
        return type.getBaseType().toString();
    }

    /**
     * What the name says is in its extension alone: Tika reads a resource name as a URL, so a {@code ?} or
     * {@code #} in a real file name would otherwise hide it.
     */
    private static String extensionOnly(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return ext.matches("[A-Za-z0-9]{1,10}") ? "file." + ext : null;
    }

    private static MediaType detect(Path file, String name) {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try (TikaInputStream in = file == null ? null : TikaInputStream.get(file)) {
            return DETECTOR.detect(in, metadata).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean executable(MediaType type) {
        for (MediaType t = type; t != null; t = REGISTRY.getSupertype(t)) {
            if (EXECUTABLE.contains(t.getBaseType())) {
                return true;
            }
        }
        return false;
    }

    /** Exactly one of the accepted types: HTML, SVG or XML are text to Tika's registry but are not evidence. */
    private static boolean accepted(MediaType type) {
        return ACCEPTED.contains(type.getBaseType());
    }
}
