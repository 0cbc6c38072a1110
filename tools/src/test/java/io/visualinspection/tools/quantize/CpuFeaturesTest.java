package io.visualinspection.tools.quantize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuFeaturesTest {

    @TempDir
    Path dir;

    @Test
    void vnniIsReadFromTheFirstFlagsLine() throws Exception {
        assertThat(CpuFeatures.vnni(cpuinfo("fpu sse2 avx2 avx512f avx512_vnni"))).contains(true);
        assertThat(CpuFeatures.vnni(cpuinfo("fpu sse2 avx2 avx_vnni"))).contains(true);
        assertThat(CpuFeatures.vnni(cpuinfo("fpu sse2 fma avx avx2"))).contains(false);
        // A flag that merely contains the name is another flag.
        assertThat(CpuFeatures.vnni(cpuinfo("avx2 avx512_vnni_extra"))).contains(false);
    }

    @Test
    void aMachineThatDoesNotSayIsUnknown() throws Exception {
        assertThat(CpuFeatures.vnni(dir.resolve("missing"))).isEmpty();
        Path noFlags = Files.writeString(dir.resolve("arm"), "processor\t: 0\nFeatures\t: fp asimd\n");
        assertThat(CpuFeatures.vnni(noFlags)).isEmpty();
    }

    private Path cpuinfo(String flags) throws Exception {
        return Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: Some CPU\nflags\t\t: " + flags
                + "\n\nprocessor\t: 1\nflags\t\t: " + flags + "\n");
    }
}
