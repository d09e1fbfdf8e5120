package io.dealflow.deal.imports.csv;

import io.dealflow.api.ProblemTypes;
import io.dealflow.deal.deal.command.HistoryAction;
import io.dealflow.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryCsvReaderTest {

    private static final String HEADER = "externalRef,occurredAt,action,stageId,managerId,title,reasonCode,comment,"
            + "field.contactName,field.phone\r\n";

    @Test
    void readsQuotedValuesEmbeddedNewlinesAndCyrillicWithTheLineEachRowStartsOn() {
        List<ReadRow> rows = read(HEADER
                + "crm-1,2025-03-01T09:00:00Z,OPENED,,olena,\"Верстат, токарний\",,,\"Іван \"\"Ваня\"\" Петренко\",+380\r\n"
                + "crm-1,2025-03-02,MOVED,needs-identified,,,,\"перший рядок\r\nдругий рядок\",,\r\n"
                + "crm-1,2025-03-03T10:00:00+03:00,won,,,,,,,\r\n");

        assertThat(rows).hasSize(3).allMatch(ReadRow::isValid);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).row().title()).isEqualTo("Верстат, токарний");
        assertThat(rows.get(0).row().fields()).containsEntry("contactName", "Іван \"Ваня\" Петренко")
                .containsEntry("phone", "+380");
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).row().occurredAt()).isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
        assertThat(rows.get(1).row().comment()).isEqualTo("перший рядок\r\nдругий рядок");
        assertThat(rows.get(1).row().fields()).isEmpty();
        assertThat(rows.get(2).line()).isEqualTo(5);
        assertThat(rows.get(2).row().action()).isEqualTo(HistoryAction.WON);
        assertThat(rows.get(2).row().occurredAt()).isEqualTo(Instant.parse("2025-03-03T07:00:00Z"));
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsSkipped() {
        List<ReadRow> rows = read("\uFEFF" + HEADER + "crm-1,2025-03-01,OPENED,,olena,Deal,,,,\n");

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.externalRef()).isEqualTo("crm-1"));
    }

    @Test
    void bytesThatAreNotUtf8FailTheReadInsteadOfBecomingReplacementCharacters() {
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "crm-1,2025-03-01,OPENED,,olena,Caf\u00e9,,,,\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[header.length + latin1.length];
        System.arraycopy(header, 0, body, 0, header.length);
        System.arraycopy(latin1, 0, body, header.length, latin1.length);

        assertThatThrownBy(() -> readAll(HistoryCsvReader.open(new ByteArrayInputStream(body))))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aRowWithAnUnknownActionOrTimeIsMarkedInvalidWithItsLine() {
        List<ReadRow> rows = read(HEADER + "crm-1,2025-03-01,POSTPONED,,,,,,,\n" + "crm-2,yesterday,OPENED,,o,T,,,,\n"
                + "crm-3,2025-03-01,OPENED,,,T,,,,\n" + ",2025-03-01,OPENED,,o,T,,,,\n");

        assertThat(rows).extracting(ReadRow::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(rows).noneMatch(ReadRow::isValid);
        assertThat(rows).allSatisfy(row -> assertThat(row.problem().type()).isEqualTo(ProblemTypes.IMPORT_ROW_INVALID));
        assertThat(rows.get(0).problem().detail()).contains("POSTPONED");
        assertThat(rows.get(1).problem().detail()).contains("occurredAt");
        assertThat(rows.get(2).problem().detail()).contains("managerId");
        assertThat(rows.get(3).problem().detail()).contains("externalRef");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsOrWithAnUnknownOneIsRefusedNamingThem() {
        assertThatThrownBy(() -> read("externalRef,when,action,stageID\n"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.errors())
                        .extracting(violation -> violation.field())
                        .containsExactlyInAnyOrder("when", "stageID", "occurredAt"));
        assertThatThrownBy(() -> read("externalRef,occurredAt,action,field.bad-name\n"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(InvalidInputException.class);
    }

    static List<ReadRow> read(String csv) {
        return readAll(HistoryCsvReader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<ReadRow> readAll(HistoryCsvReader reader) {
        List<ReadRow> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }
}
