package cn.canbao.hub.connector.format;

/** A field of a fixed-width record: {@code start} is the 1-based first byte, {@code length} counts bytes. */
public record FixedField(String name, int start, int length) {

    public FixedField {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("format.fields[].name is required");
        }
        if (start < 1 || length < 1) {
            throw new IllegalArgumentException("format.fields[" + name + "] needs start >= 1 and length >= 1, was start "
                    + start + ", length " + length);
        }
    }

    /** The 1-based last byte of the field. */
    public int end() {
        return start + length - 1;
    }
}
