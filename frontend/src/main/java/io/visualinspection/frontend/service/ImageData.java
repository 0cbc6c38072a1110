package io.visualinspection.frontend.service;

import java.util.Base64;

/** An image's bytes and media type, told from its first bytes (cameras send JPEG, PNG, BMP or WebP). */
public record ImageData(byte[] bytes, String mediaType) {

    public static ImageData of(byte[] bytes) {
        return new ImageData(bytes, mediaType(bytes));
    }

    /** From base64 as inspection results carry images; null for null. */
    public static ImageData ofBase64(String base64) {
        return base64 == null || base64.isEmpty() ? null : of(Base64.getDecoder().decode(base64));
    }

    public static String mediaType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return "image/bmp";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return "image/jpeg";
    }

    /** A {@code data:} URL for an {@code <img>}. */
    public String dataUrl() {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    public String fileExtension() {
        return mediaType.substring(mediaType.indexOf('/') + 1).replace("jpeg", "jpg");
    }
}
