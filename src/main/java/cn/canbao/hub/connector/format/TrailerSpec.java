package cn.canbao.hub.connector.format;

/**
 * The last line of a delimited file, e.g. {@code #END|1200}: the prefix as the first field and the sender's
 * record count as the field after the delimiter. Data lines never start with the prefix.
 */
public record TrailerSpec(String prefix) {

    public TrailerSpec {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("format.trailer.prefix is required, e.g. #END");
        }
    }
}
