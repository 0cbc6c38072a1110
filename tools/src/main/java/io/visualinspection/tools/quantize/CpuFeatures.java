package io.visualinspection.tools.quantize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** What this machine's CPU offers ONNX Runtime's integer kernels, as far as Linux tells. */
public final class CpuFeatures {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    private static final Set<String> VNNI = Set.of("avx512_vnni", "avx_vnni");

    private CpuFeatures() {
    }

    /**
     * Whether the CPU has VNNI (AVX512-VNNI or AVX-VNNI), with which uint8 x int8 products add up in 32 bits; empty
     * where the machine does not say ({@code /proc/cpuinfo} missing or without flags).
     */
    public static Optional<Boolean> vnni() {
        return vnni(CPUINFO);
    }

    /** {@link #vnni()} as a cpuinfo file in Linux's format says it. */
    static Optional<Boolean> vnni(Path cpuinfo) {
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+"))
                            .anyMatch(VNNI::contains));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
