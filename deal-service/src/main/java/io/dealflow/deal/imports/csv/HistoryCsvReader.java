package io.dealflow.deal.imports.csv;

import io.dealflow.platform.problem.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a history file record by record (RFC 4180: quoted values, embedded newlines and quotes), UTF-8 with or
 * without a byte order mark; bytes that are not UTF-8 fail the read instead of turning into replacement characters.
 * Nothing but the current record is held, so a file of any size reads in constant memory.
 */
public final class HistoryCsvReader implements Iterator<ReadRow>, Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final HistoryRowParser rows;
    private long linesRead;

    private HistoryCsvReader(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        this.rows = new HistoryRowParser(HistoryColumns.of(parser.getHeaderNames()));
        this.linesRead = parser.getCurrentLineNumber();
    }

    /** @throws InvalidInputException when the header row is missing or not the history format */
    public static HistoryCsvReader open(InputStream in) {
        Reader reader = withoutByteOrderMark(new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024));
        CSVParser parser;
        try {
            parser = FORMAT.parse(reader);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw InvalidInputException.of("header", "the first line must be the header row: " + e.getMessage());
        }
        if (parser.getHeaderNames().isEmpty()) {
            throw InvalidInputException.of("header", "the body is empty; the first line must be the header row");
        }
        try {
            return new HistoryCsvReader(parser);
        } catch (RuntimeException e) {
            closeQuietly(parser);
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    /**
     * @throws UncheckedIOException when the body cannot be read as CSV any further (bytes that are not UTF-8, a quote
     *                              that never closes); the rows read before stand
     */
    @Override
    public ReadRow next() {
        if (!records.hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record = records.next();
        long firstLine = linesRead + 1;
        linesRead = parser.getCurrentLineNumber();
        Map<String, String> values = record.toMap();
        return rows.parse(firstLine, values::get);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static Reader withoutByteOrderMark(BufferedReader reader) {
        try {
            reader.mark(1);
            int first = reader.read();
            if (first != BYTE_ORDER_MARK && first != -1) {
                reader.reset();
            }
            return reader;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // the header was refused; nothing else to tell
        }
    }
}
