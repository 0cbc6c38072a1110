package io.visualinspection.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the small text files that people edit by hand: label files and class names. */
public final class TextFiles {

    // Windows editors (Notepad, Excel's "CSV UTF-8") start a UTF-8 file with a byte order mark; Java keeps it as a
    // character, which would become part of the first class id or class name.
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private TextFiles() {
    }

    /** The file's text as UTF-8, without a leading byte order mark. */
    public static String readUtf8(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
