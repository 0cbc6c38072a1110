package io.visualinspection.backend.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Inspection ids that sort by time and name their archive folder: {@code 20261122T031512123Z-a1b2c3d4}
 * (UTC to the millisecond, then 32 random bits). Only ids of this shape are accepted from callers, so an id
 * can never reach the file system as anything but a file name.
 */
public final class InspectionIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{9}Z-[0-9a-f]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private InspectionIds() {
    }

    public static String next(Instant at) {
        byte[] bits = new byte[4];
        RANDOM.nextBytes(bits);
        return STAMP.format(at) + "-" + HexFormat.of().formatHex(bits);
    }

    public static boolean isValid(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }

    /** The day folder of an id: {@code 2026-11-22}. */
    public static String day(String id) {
        return id.substring(0, 4) + "-" + id.substring(4, 6) + "-" + id.substring(6, 8);
    }
}
