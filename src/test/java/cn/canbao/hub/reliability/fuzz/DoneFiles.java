package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Done files (spec §3): the honest one a sender would write, and ones that lie or are no done file at all. */
final class DoneFiles {

    private DoneFiles() {
    }

    static byte[] honest(byte[] data, FileSource source) {
        return text(sha256(data), records(data, source)).getBytes(StandardCharsets.UTF_8);
    }

    /** A done file that is wrong in one way; the label says which. */
    static Lie lie(byte[] data, FileSource source, Random random) {
        String sha = sha256(data);
        long records = records(data, source);
        int kind = random.nextInt(12);
        return switch (kind) {
            case 0 -> new Lie(text(sha256(TextFile.randomBytes(random, 32)), records), "done-wrong-hash");
            case 1 -> new Lie(text(sha, Math.max(0, records + pick(random, -1L, 1L, 1000L, -records))), "done-wrong-count");
            case 2 -> new Lie(sha + "\n", "done-one-line");
            case 3 -> new Lie("records=" + records + "\n", "done-count-only");
            case 4 -> new Lie(TextFile.randomBytes(random, 1 + random.nextInt(200)), "done-garbage");
            case 5 -> new Lie(new byte[0], "done-empty");
            case 6 -> new Lie(text(sha, records) + "extra=1\n", "done-three-lines");
            case 7 -> new Lie(sha.toUpperCase() + "\nrecords=" + records + "\n", "done-uppercase-hash");
            case 8 -> new Lie(sha + "\nrecords=" + pick(random, "-1", "abc", "", "99999999999999999", "1.5", " 3", "３")
                    + "\n", "done-bad-count");
            case 9 -> new Lie(("\uFEFF" + text(sha, records)).getBytes(StandardCharsets.UTF_8), "done-with-bom");
            case 10 -> new Lie(sha + "\u0000\nrecords=" + records + "\n", "done-with-nul");
            default -> new Lie(text(sha, records) + "\n".repeat(1 + random.nextInt(3)) + " ".repeat(random.nextInt(
                    200_000)), "done-long-tail");
        };
    }

    record Lie(byte[] doneFile, String label) {
        Lie(String text, String label) {
            this(text.getBytes(StandardCharsets.UTF_8), label);
        }
    }

    /** What a sender counts as data records: lines less header and trailer, or the XML record elements. */
    static long records(byte[] data, FileSource source) {
        String text = TextFile.decode(data, source.charset());
        if (source.recordElement() != null) {
            Matcher open = Pattern.compile("<" + source.recordElement() + "[\\s>/]").matcher(text);
            return open.results().count();
        }
        long lines = TextFile.lines(text).stream().filter(line -> !TextFile.content(line).isBlank()).count();
        if (source.header()) {
            lines--;
        }
        if (source.trailerPrefix() != null && text.contains(source.trailerPrefix())) {
            lines--;
        }
        return Math.max(0, lines);
    }

    private static String text(String sha, long records) {
        return sha + "\nrecords=" + records + "\n";
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
