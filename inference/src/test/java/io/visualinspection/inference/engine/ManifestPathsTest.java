package io.visualinspection.inference.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manifest cannot make the service read files outside its model folder. */
class ManifestPathsTest {

    @TempDir
    Path models;

    private Path folderWithManifest(String manifest) throws Exception {
        Path folder = Files.createDirectories(models.resolve("m"));
        Files.writeString(folder.resolve("model.onnx"), "not a model");
        Files.writeString(folder.resolve("manifest.yaml"), manifest);
        return folder;
    }

    @Test
    void aClassesFileOutsideTheFolderIsRejectedBeforeAnythingIsRead() throws Exception {
        for (String name : new String[] {"../../../../etc/passwd", "/etc/passwd", "..", "sub/../../x.txt"}) {
            Path folder = folderWithManifest("classes_file: \"" + name + "\"\n");
            assertThatThrownBy(() -> OnnxDetector.load(folder, EngineSettings.defaults()))
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("classes_file")
                    .hasMessageContaining("must name a file inside the model folder");
        }
    }

    @Test
    void filesInsideTheFolderAreFine() {
        Path folder = models.resolve("m");
        assertThatCode(() -> OnnxDetector.requireInside(folder, "classes_file", "classes.txt"))
                .doesNotThrowAnyException();
        assertThatCode(() -> OnnxDetector.requireInside(folder, "classes_file", "names/coco.txt"))
                .doesNotThrowAnyException();
        assertThatCode(() -> OnnxDetector.requireInside(folder, "classes_file", null)).doesNotThrowAnyException();
    }
}
