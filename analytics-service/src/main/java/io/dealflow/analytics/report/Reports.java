package io.dealflow.analytics.report;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

/** JSON (an array of rows) by default; CSV with the same columns when the client accepts {@code text/csv}. */
public final class Reports {

    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private Reports() {
    }

    public static <T extends Record> ResponseEntity<?> render(String accept, Class<T> rowType, List<T> rows) {
        if (wantsCsv(accept)) {
            return ResponseEntity.ok().contentType(TEXT_CSV).body(Csv.of(rowType, rows));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
    }

    /** CSV when named and not outranked by an explicitly named JSON type; wildcards alone get JSON. */
    static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double csv = 0;
        double json = 0;
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                csv = Math.max(csv, type.getQualityValue());
            } else if (!type.isWildcardType() && !type.isWildcardSubtype()
                    && type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return csv > 0 && csv >= json;
    }
}
