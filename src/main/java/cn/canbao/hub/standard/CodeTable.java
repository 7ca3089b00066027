package cn.canbao.hub.standard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One named code table: the codes a coded field may hold, each with its label. Immutable. */
public final class CodeTable {

    private final String name;
    private final Map<String, String> labelOfCode;
    private final ErrorCode unknownCodeError;

    CodeTable(String name, Map<String, String> labelOfCode, ErrorCode unknownCodeError) {
        this.name = name;
        this.labelOfCode = Collections.unmodifiableMap(new LinkedHashMap<>(labelOfCode));
        this.unknownCodeError = unknownCodeError;
    }

    public String name() {
        return name;
    }

    /** The codes in the order of the standard. */
    public Set<String> codes() {
        return labelOfCode.keySet();
    }

    public boolean contains(String code) {
        return code != null && labelOfCode.containsKey(code);
    }

    public Optional<String> label(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(labelOfCode.get(code));
    }

    /**
     * The code a source sent, without surrounding blanks, if it is in this table. Codes are compared exactly:
     * {@code 1} is not ethnicity {@code 01}. An empty value is FIELD_MISSING; an unknown one CODE_UNKNOWN
     * (EVENT_TYPE for the eventType table), with a message naming the table and the value.
     */
    public Check<String> check(String raw) {
        String value = Text.trim(raw);
        if (value.isEmpty()) {
            return Check.fail(ErrorCode.FIELD_MISSING, name + " is empty");
        }
        if (!labelOfCode.containsKey(value)) {
            return Check.fail(unknownCodeError, Text.quote(value) + " is not a code of table " + name);
        }
        return Check.ok(value);
    }

    @Override
    public String toString() {
        return "CodeTable[" + name + ", " + labelOfCode.size() + " codes]";
    }
}
