package io.visualinspection.inference.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ONNX Runtime's native libraries kept in a folder between starts. Left alone, ONNX Runtime copies them out
 * of its jar into a new temporary folder at every start (28 MB on Linux, about 0.3 s); told a folder that
 * holds them (the system property {@value #PROPERTY}), it loads them from there. This fills such a folder
 * once per ONNX Runtime jar and names it; it must run before ONNX Runtime is first used.
 */
public final class NativeLibraries {

    /** ONNX Runtime's own setting: a folder with all its shared libraries. */
    public static final String PROPERTY = "onnxruntime.native.path";

    private NativeLibraries() {
    }

    /**
     * Makes {@code parent} hold this platform's libraries (in a sub-folder named after the jar they come from)
     * and returns that sub-folder; empty when the jar has no libraries for this platform. Writes only what
     * is missing or of another size, through a temporary file and a rename, so that two services starting
     * together never load a half-written library.
     */
    public static Optional<Path> extract(Path parent) throws IOException {
        String platform = platform();
        List<URL> libraries = new ArrayList<>();
        for (String name : List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"))) {
            URL url = NativeLibraries.class.getClassLoader().getResource("ai/onnxruntime/native/" + platform + "/" + name);
            if (url == null) {
                return Optional.empty();
            }
            libraries.add(url);
        }
        // The folder is named after the jar, so that another ONNX Runtime version never loads these files.
        Path folder = parent.resolve("onnxruntime-" + Integer.toHexString(libraries.get(0).toString().hashCode()));
        Files.createDirectories(folder);
        for (URL url : libraries) {
            String path = url.getPath();
            Path target = folder.resolve(path.substring(path.lastIndexOf('/') + 1));
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                continue;
            }
            Path partial = Files.createTempFile(folder, target.getFileName().toString(), ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return Optional.of(folder);
    }

    /** ONNX Runtime's name of this platform's folder in its jar: linux-x64, linux-aarch64, osx-aarch64, win-x64... */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch;
        return osName + "-" + archName;
    }
}
