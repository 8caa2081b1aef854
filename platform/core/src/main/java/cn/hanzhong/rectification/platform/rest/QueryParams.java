package cn.hanzhong.rectification.platform.rest;

import cn.hanzhong.rectification.platform.errors.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads filter parameters taken as text, so a bad value is a 400 naming the parameter rather than
 * the 404 JAX-RS gives for an unconvertible query parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** Enum codes; several may be given repeated or comma-separated. */
    public static <E extends Enum<E>> Set<E> enums(String name, Collection<String> values, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        if (values == null) {
            return out;
        }
        for (String v : values) {
            for (String part : v.split(",")) {
                String code = part.strip();
                if (code.isEmpty()) {
                    continue;
                }
                try {
                    out.add(Enum.valueOf(type, code));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(name, "'" + code + "' is not one of "
                            + Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        return out;
    }

    public static <E extends Enum<E>> E oneEnum(String name, String value, Class<E> type) {
        Set<E> set = enums(name, value == null ? null : List.of(value), type);
        if (set.size() > 1) {
            throw new InvalidInputException(name, "takes one value");
        }
        return set.isEmpty() ? null : set.iterator().next();
    }

    /** A month (YYYY-MM), or null when absent; anything else is a 400 naming {@code name}. */
    public static java.time.YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a month as YYYY-MM");
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a date (YYYY-MM-DD)");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidInputException(name, "must be true or false");
        };
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "must be a UUID");
        }
    }

    /** Trimmed text, at most {@code max} characters; null when blank. */
    public static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(name, "must be at most " + max + " characters");
        }
        return v;
    }
}
