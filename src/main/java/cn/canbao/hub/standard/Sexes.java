package cn.canbao.hub.standard;

/** Sex in the forms the sources use, mapped to GB/T 2261.1 codes: 1 male, 2 female, 0 unknown, 9 not stated. */
public final class Sexes {

    private Sexes() {
    }

    /**
     * The GB/T 2261.1 code of a value written as {@code 1 2 0 9}, {@code M F U} (either case) or {@code 男 女 男性 女性}.
     * Blanks around the value are ignored; an empty value is FIELD_MISSING, anything else CODE_UNKNOWN.
     */
    public static Check<String> fromAnyForm(String raw) {
        String value = Text.trim(raw);
        return switch (value) {
            case "1", "M", "m", "男", "男性" -> Check.ok("1");
            case "2", "F", "f", "女", "女性" -> Check.ok("2");
            case "0", "U", "u" -> Check.ok("0");
            case "9" -> Check.ok("9");
            case "" -> Check.fail(ErrorCode.FIELD_MISSING, "sex is empty");
            default -> Check.fail(ErrorCode.CODE_UNKNOWN,
                    Text.quote(value) + " is not a code of table sex (1 2 0 9, M F U, 男 女)");
        };
    }

    /**
     * Whether a sex code contradicts the sex encoded in a valid identity number (SEX_MISMATCH). Only male and
     * female can contradict: unknown and not stated say nothing, and an invalid number proves nothing.
     */
    public static boolean contradicts(String sexCode, IdNumberCheck id) {
        boolean definite = "1".equals(sexCode) || "2".equals(sexCode);
        return definite && id != null && id.ok() && !sexCode.equals(id.sex());
    }
}
