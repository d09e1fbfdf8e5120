package io.dealflow.bench.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryImportTest {

    @Test
    void theHeapIsTheSumOfTheHeapPoolsWhateverTagsComeFirst() {
        String scraped = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{application="deal-service",area="heap",id="Eden Space"} 1.5E7
                jvm_memory_used_bytes{application="deal-service",area="heap",id="Tenured Gen"} 2.5E7
                jvm_memory_used_bytes{application="deal-service",area="nonheap",id="Metaspace"} 9.0E7
                jvm_memory_max_bytes{application="deal-service",area="heap",id="Eden Space"} 1.0E8
                """;

        assertThat(HistoryImport.heapOf(scraped)).isEqualTo(40_000_000L);
    }
}
