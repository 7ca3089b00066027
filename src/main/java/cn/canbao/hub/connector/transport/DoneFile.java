package cn.canbao.hub.connector.transport;

import java.util.regex.Pattern;

/**
 * The done file of spec §3: the lowercase hex SHA-256 of the data file, then {@code records=N}.
 * {@link #parse} says precisely what is wrong with a malformed one.
 */
public record DoneFile(String sha256, long records) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern RECORDS = Pattern.compile("records=(\\d{1,12})");

    public sealed interface Parsed permits Valid, Invalid {
    }

    public record Valid(DoneFile doneFile) implements Parsed {
    }

    public record Invalid(String problem) implements Parsed {
    }

    public static Parsed parse(String text) {
        String[] lines = text.strip().split("\r?\n");
        if (lines.length != 2) {
            return new Invalid("the done file must have two lines (SHA-256, records=N), found " + lines.length);
        }
        String sha = lines[0].strip();
        if (!SHA256.matcher(sha).matches()) {
            return new Invalid("the first line of the done file must be the lowercase hex SHA-256 of the data file");
        }
        var records = RECORDS.matcher(lines[1].strip());
        if (!records.matches()) {
            return new Invalid("the second line of the done file must be records=N");
        }
        return new Valid(new DoneFile(sha, Long.parseLong(records.group(1))));
    }
}
