package cn.canbao.hub.exchange;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;

/** Reads region codes of one level from a region table laid out as {@code code,name,level,parent_code}. */
final class DivisionTable {

    private static final Pattern REGION6 = Pattern.compile("\\d{6}");
    private static final CSVFormat LAYOUT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get();

    private DivisionTable() {
    }

    static List<String> codesAtLevel(Resource table, String level) throws IOException {
        try (Reader reader = new InputStreamReader(table.getInputStream(), StandardCharsets.UTF_8)) {
            return LAYOUT.parse(reader).stream()
                    .filter(row -> level.equals(row.get("level")))
                    .map(row -> sixDigitCode(row, table))
                    .toList();
        }
    }

    private static String sixDigitCode(CSVRecord row, Resource table) {
        String code = row.get("code");
        if (!REGION6.matcher(code).matches()) {
            throw new IllegalStateException(table.getDescription() + " record " + row.getRecordNumber()
                    + ": region code '" + code + "' is not 6 digits");
        }
        return code;
    }
}
