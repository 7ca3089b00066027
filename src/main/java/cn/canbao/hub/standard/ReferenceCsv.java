package cn.canbao.hub.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a reference table copied under classpath reference/ (see reference/ORIGIN.md). */
final class ReferenceCsv {

    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();

    private ReferenceCsv() {
    }

    /** The rows of a table, fields addressable by header name. A missing or unreadable table is a broken build. */
    static List<CSVRecord> rows(String fileName) {
        String resource = "/reference/" + fileName;
        InputStream in = ReferenceCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reference table " + resource + " is not on the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return WITH_HEADER.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference table " + resource, e);
        }
    }
}
