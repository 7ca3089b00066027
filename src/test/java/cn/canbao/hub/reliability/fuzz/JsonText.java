package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

/** Broken JSON shared by the JSON Lines files and the JMS events: what one JSON text can get wrong. */
final class JsonText {

    /** Values of the wrong type or of odd content, as JSON source text. */
    static final List<String> ODD_VALUES = List.of("null", "true", "42", "-0", "1e400", "[]", "{}", "[\"a\",1]",
            "{\"nested\":{\"deeper\":[1,2,3]}}", "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"",
            "\"\\udfff\\ud800\"", "\"x\\ud800\"", "\"\\u202e\"", "\"😀\"", "\"\\\\\"", "\"\\\"\"", "\"0x1F\"",
            "123456789012345678901234567890", "\"630102198001011230 \"", "\"６３０１０２\"", "\"\\t\"", "\"\\n\"",
            "\"20170230\"", "\"2017-13-01\"", "\"9999-99-99\"", "\"\\uFEFF\"");

    private JsonText() {
    }

    /** A valid JSON object text broken in one of many ways; the label says which. */
    static String[] broken(String object, Random random) {
        int kind = random.nextInt(14);
        return switch (kind) {
            case 0 -> cut(object, random);
            case 1 -> new String[] {object.replaceFirst("}\\s*$", ",}"), "trailing-comma"};
            case 2 -> new String[] {"[" + object + "]", "array"};
            case 3 -> new String[] {pick(random, "42", "\"text\"", "null", "true", "[]", "{}", "-"), "not-an-object"};
            case 4 -> new String[] {nested(random), "deep-nesting"};
            case 5 -> new String[] {object.replaceFirst(":\\s*\"", ": \"\u0000"), "raw-nul-in-string"};
            case 6 -> new String[] {object.replaceFirst(":\\s*\"", ": \"\\\\u0000"), "nul-escape"};
            case 7 -> new String[] {object.replaceFirst(":\\s*\"", ": \"\\\\ud800"), "lone-surrogate-escape"};
            case 8 -> new String[] {object + " " + object, "two-objects"};
            case 9 -> new String[] {object.replace('"', '\''), "single-quotes"};
            case 10 -> new String[] {object.replaceFirst("\"([A-Za-z0-9]+)\":", "$1:"), "unquoted-key"};
            case 11 -> new String[] {object.replaceFirst(":\\s*\"[^\"]*\"", ": " + pick(random, "NaN", "Infinity",
                    "undefined", "01", ".5", "1.", "0x10")), "non-json-number"};
            case 12 -> new String[] {object.replaceFirst(",", ", /* comment */"), "comment"};
            default -> {
                String value = pick(random, ODD_VALUES);
                yield new String[] {object.replaceFirst(":\\s*\"[^\"]*\"", Matcher.quoteReplacement(":" + value)),
                        "value-" + value};
            }
        };
    }

    private static String[] cut(String object, Random random) {
        int at = random.nextInt(Math.max(1, object.length()));
        return new String[] {object.substring(0, at), "cut@" + at};
    }

    /** Nesting far beyond any sensible depth, closed or not. */
    static String nested(Random random) {
        int depth = pick(random, 100, 1_001, 5_000, 100_000);
        boolean closed = random.nextBoolean();
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
    }
}
