package io.visualinspection.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {

    private static final String LIBRARY = System.mapLibraryName("onnxruntime");

    @Test
    void copiesTheLibrariesOnceAndReplacesOnlyABrokenCopy(@TempDir Path parent) throws IOException {
        Path folder = NativeLibraries.extract(parent).orElseThrow();
        Path library = folder.resolve(LIBRARY);
        Path jni = folder.resolve(System.mapLibraryName("onnxruntime4j_jni"));
        long size = NativeLibraries.class.getClassLoader()
                .getResource("ai/onnxruntime/native/" + NativeLibraries.platform() + "/" + LIBRARY)
                .openConnection().getContentLengthLong();
        assertThat(Files.size(library)).isEqualTo(size).isGreaterThan(1_000_000);
        assertThat(jni).isRegularFile();

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, old);
        Files.write(jni, new byte[10]); // a copy cut short, as by a crash while copying
        assertThat(NativeLibraries.extract(parent)).contains(folder);
        assertThat(Files.getLastModifiedTime(library)).as("a good copy is kept, not rewritten").isEqualTo(old);
        assertThat(Files.size(jni)).as("a broken copy is replaced").isGreaterThan(10);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no partial files left")
                    .containsExactlyInAnyOrder(LIBRARY, jni.getFileName().toString());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX) // the process's memory map shows where a library was loaded from
    void onnxRuntimeLoadsTheLibrariesFromTheFolder(@TempDir Path parent) throws Exception {
        Path folder = NativeLibraries.extract(parent).orElseThrow();
        // A JVM of its own (this one may have loaded ONNX Runtime already), with just the two class folders it
        // needs: ONNX Runtime 1.29 crashes (SIGSEGV) creating its environment in a JVM whose -cp runs to
        // several thousand characters, as this module's test class path does.
        String classPath = location(LoadedLibraries.class) + File.pathSeparator
                + location(ai.onnxruntime.OrtEnvironment.class);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath,
                "-D" + NativeLibraries.PROPERTY + "=" + folder,
                "--enable-native-access=ALL-UNNAMED",
                LoadedLibraries.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("libraries mapped by a JVM that created an ONNX Runtime environment")
                .contains(folder.resolve(LIBRARY).toString());
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Creates an ONNX Runtime environment and prints the shared libraries this process has mapped. */
    public static final class LoadedLibraries {
        public static void main(String[] args) throws IOException {
            ai.onnxruntime.OrtEnvironment.getEnvironment();
            Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains(".so"))
                    .map(l -> l.substring(l.indexOf('/'))).distinct().forEach(System.out::println);
        }
    }
}
