package io.visualinspection.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMemoryMetricsTest {

    @Test
    void readsKilobyteFieldsOfProcStatus() {
        List<String> status = List.of("Name:\tjava", "VmSize:\t 5000000 kB", "VmRSS:\t  123456 kB");
        assertThat(ProcessMemoryMetrics.parse(status, "VmRSS:")).isEqualTo(123456.0);
        assertThat(ProcessMemoryMetrics.parse(status, "VmSize:")).isEqualTo(5_000_000.0);
        assertThat(ProcessMemoryMetrics.parse(status, "VmSwap:")).isNaN();
    }

    @Test
    void thisProcessHasAResidentSize() {
        if (Files.isReadable(ProcessMemoryMetrics.STATUS)) {
            assertThat(ProcessMemoryMetrics.kilobytes("VmRSS:")).isGreaterThan(1000);
        }
    }
}
