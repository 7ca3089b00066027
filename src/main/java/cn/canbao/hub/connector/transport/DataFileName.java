package cn.canbao.hub.connector.transport;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A data file name of spec §3: {@code {SYSTEM}_{REGION6}_{yyyyMMdd}_{SEQ3}[_FULL].{ext}}. */
public record DataFileName(String system, String region, String date, String sequence, boolean full, String extension) {

    private static final Pattern NAME =
            Pattern.compile("([A-Z][A-Z0-9]*)_(\\d{6})_(\\d{8})_(\\d{3})(_FULL)?\\.([a-z0-9]+)");

    public static Optional<DataFileName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new DataFileName(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5) != null,
                m.group(6)));
    }

    /** The regular expression a system's SFTP consumer picks data files with. */
    public static String includePattern(String system, String extension) {
        return Pattern.quote(system) + "_\\d{6}_\\d{8}_\\d{3}(_FULL)?\\." + Pattern.quote(extension);
    }

    public String kind() {
        return full ? "FULL" : "INCREMENT";
    }
}
