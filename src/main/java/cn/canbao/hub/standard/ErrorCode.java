package cn.canbao.hub.standard;

/**
 * The catalogue of codes the hub reports to senders in receipts, quarantine entries and remarks.
 * The section "Error and warning codes" of docs/INTERFACE-SPEC.md is the published form of this enum; a test keeps
 * the two identical.
 * An error rejects the record (or the whole file for the FILE_ codes); a warning keeps the record with a remark.
 */
public enum ErrorCode {

    ID_FORMAT(false,
            "The identity number is neither 18 characters (17 digits and a digit or X) nor a 15-digit legacy number.",
            "Send the number as printed on the identity card: 18 characters, ASCII digits, no spaces or separators."),
    ID_CHECKSUM(false,
            "The check character (18th) does not match the first 17 digits (ISO 7064 MOD 11-2); the message names the expected character.",
            "Correct the number from the identity card or household register; a wrong check character usually means a mistyped digit, so do not just replace the last character."),
    ID_BIRTHDATE(false,
            "The birth date inside the identity number (characters 7-14) is not a real calendar date, is before 1800, or lies in the future.",
            "Correct the number from the identity card or household register."),
    ID_PROVINCE(false,
            "The first two digits of the identity number are not a province-level GB/T 2260 code.",
            "Correct the number from the identity card or household register."),
    DATE_FORMAT(false,
            "A date or month field does not parse strictly in the pattern the format prescribes (e.g. 30 February, month 13, a placeholder like 00000000).",
            "Send real dates in the pattern of the interface specification section 4; leave an optional date empty instead of using a placeholder."),
    CODE_UNKNOWN(false,
            "A coded field (sex, ethnicity, scheme, status, region, ...) holds a value outside its code table; the message names the table and the value.",
            "Use a code from the table named in the message (interface specification sections 2 and 4); region codes must be GB/T 2260 codes of 6 or 9 digits."),
    FIELD_MISSING(false,
            "A required field is empty.",
            "Fill the field named in the error."),
    FIELD_TOO_LONG(false,
            "A field is longer than the hub can store for it.",
            "Shorten the value to the length the interface specification gives for the field."),
    RECORD_LENGTH(false,
            "A fixed-width line does not have the prescribed number of bytes (88 for UNEMPLOYMENT, counted in GBK bytes).",
            "Pad or truncate every field to its byte width; a Chinese character counts 2 bytes."),
    RECORD_SYNTAX(false,
            "A record cannot be parsed: bad CSV quoting, wrong number of fields, invalid JSON, bytes that are invalid in the file's encoding, or a field holding a NUL character (U+0000).",
            "Produce the record with a standard CSV/JSON writer in the encoding the interface specification prescribes for the file."),
    FILE_HASH(false,
            "The SHA-256 in the done file differs from the SHA-256 of the data file; the whole file is rejected.",
            "Compute the hash over the exact bytes uploaded, write the done file only after the data file is complete, and upload both again."),
    FILE_COUNT(false,
            "The record count in the done file, trailer or count attribute differs from the number of data records found; the whole file is rejected.",
            "Count data records only (not the header or trailer) and upload the file again."),
    FILE_FORMAT(false,
            "The file's structure is wrong: missing header or trailer, wrong columns, malformed XML, or a forbidden DTD or entity; the whole file is rejected.",
            "Follow the file layout of the interface specification section 4 exactly, and send XML without a DOCTYPE."),
    FILE_EMPTY(false,
            "The data file has no content at all, not even the header the format requires; the whole file is rejected.",
            "When there is nothing to report, send no file, or send the header (and trailer) with records=0 in the done file."),
    FILE_NAME(false,
            "The file name does not follow {SYSTEM}_{REGION6}_{yyyyMMdd}_{SEQ3}[_FULL].{ext} with the system and extension of the sender's account, or its REGION6 is not a region of the province; the whole file is rejected.",
            "Rename the file to the convention of interface specification section 3 and upload it again with its done file."),
    EVENT_TYPE(false,
            "A participation event's type is not one of ENROLL, SUSPEND, RESUME, TERMINATE, TRANSFER_OUT, PAYMENT.",
            "Send one of the event types of interface specification section 5."),
    EVENT_TYPE_CONFLICT(false,
            "A participation event's record states a contribution status its type contradicts (SUSPEND means 2, RESUME and PAYMENT 1, TERMINATE and TRANSFER_OUT 3; ENROLL takes any); the event is rejected, since the hub cannot tell which of the two is meant.",
            "Send the record as the participation stands after the event, with the status its type means, or leave the status empty: the type then fills it in."),
    RESULT_ID_CONFLICT(false,
            "A survey result repeats a resultId the hub has taken before, with other content or from another client; the field that differs is named (resultId when another client took it). The result taken first stands; this one is quarantined and answered HTTP 409.",
            "Give every new survey result a resultId of its own (a UUID); send a result again only unchanged. To correct a finding, post a new result: the one surveyed last counts."),
    HUB_FAULT(false,
            "The hub itself failed, for a reason of its own (not a known error of the data, not an outage of its database or exchange server): on a record's values, which is quarantined while the rest of its file goes on, or on a whole file (record 0), an event or a front-database row at each of its canbao.intake.attempts attempts. The provincial operators are alerted by the hub's error log.",
            "Nothing known: keep the data. The operators replay the delivery once the hub is corrected; an event answered HUB_FAULT may also be sent again with the same eventId, which then replaces this answer."),

    SEX_MISMATCH(true,
            "The sex field contradicts the sex encoded in the identity number (17th digit odd = male, even = female); the record is kept and flagged.",
            "Check the person's sex and identity number against the identity card and correct whichever is wrong."),
    DUPLICATE_IN_FILE(true,
            "More than one record of the same file states the same person (for scheme systems: the same person and scheme); the records are kept in file order, so the last one stands.",
            "Send one record per person (and scheme) in a file."),
    ID_NUMBER_ABSENT(true,
            "A record of a source that may lack the identity number (EDUCATION) has none; it is kept as unmatched and cannot be compared with other sources.",
            "Supply the identity number once it is known."),
    ID_UPGRADED_FROM_15(true,
            "A 15-digit legacy identity number was converted to 18 characters (19 inserted before the year, check character computed); the record is kept with the converted number.",
            "Update your records to the person's 18-character identity number."),
    REGION_UNVERIFIED(true,
            "A region code of another province whose county (its first 6 digits; a township is not checked further) is not in the national divisions of 2023, e.g. a county renamed or merged since; its province exists, so the record is kept with the code as sent and flagged.",
            "Check the code against the person's household register or the current GB/T 2260 list and send the current code.");

    private final boolean warning;
    private final String meaning;
    private final String senderFix;

    ErrorCode(boolean warning, String meaning, String senderFix) {
        this.warning = warning;
        this.meaning = meaning;
        this.senderFix = senderFix;
    }

    /** True for a code that keeps the record with a remark, false for one that rejects it. */
    public boolean warning() {
        return warning;
    }

    public String meaning() {
        return meaning;
    }

    /** What the sending system should change so the record is accepted (or no longer flagged). */
    public String senderFix() {
        return senderFix;
    }
}
