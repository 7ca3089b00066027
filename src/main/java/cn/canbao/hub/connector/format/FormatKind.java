package cn.canbao.hub.connector.format;

/** How a data file lays out its records (interface spec §4). */
public enum FormatKind {
    /** RFC 4180 comma-separated values with a header row (CARD, MATERNITY, EDUCATION, JUSTICE). */
    CSV,
    /** One record per line, split at a delimiter, header row, usually no quoting and a trailer (PENSION). */
    DELIMITED,
    /** One record per line, fields at fixed byte offsets (UNEMPLOYMENT). */
    FIXED_WIDTH,
    /** A root element holding one element per record (MEDICAL, POLICE). */
    XML,
    /** One JSON object per line (INJURY). */
    JSON_LINES
}
