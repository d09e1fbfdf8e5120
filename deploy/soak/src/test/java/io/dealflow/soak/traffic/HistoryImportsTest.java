package io.dealflow.soak.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.dealflow.api.deal.ImportedDealIds;

class HistoryImportsTest {

    @Test
    void eachDealOfAFileBringsOneEventPerRowUnderItsDerivedId() {
        HistoryImports.File file = HistoryImports.file("run1", 3);

        Map<String, Long> rowsByRef = Arrays.stream(file.csv().split("\n")).skip(1)
                .collect(Collectors.groupingBy(row -> row.substring(0, row.indexOf(',')), Collectors.counting()));
        assertThat(file.eventsByDeal()).hasSameSizeAs(rowsByRef);
        rowsByRef.forEach((ref, rows) -> assertThat(file.eventsByDeal())
                .containsEntry(ImportedDealIds.of(HistoryImports.PIPELINE, ref), rows.intValue()));
        assertThat(file.csv()).startsWith("externalRef,occurredAt,action,stageId,managerId,title,reasonCode,comment\n")
                .contains(",OPENED,,manager-1,Imported deal 1,,").contains(",LOST,,,,price,");
    }
}
