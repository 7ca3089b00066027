/**
 * The national code standards every source is checked against: identity numbers (GB 11643), regions
 * (GB/T 2260), the code tables of the interface specification, sexes, names and dates, and the catalogue of
 * error codes the hub reports.
 *
 * <p>Plain Java without Spring or Camel, fast enough to run on every field of every record. Checks never throw
 * on user data and never guess: a value is either returned in its canonical form, possibly with a warning that keeps
 * the record, or rejected with an {@link cn.canbao.hub.standard.ErrorCode} and a message for the sender. Surrounding blanks are ignored, and an
 * empty value is FIELD_MISSING, so a caller checks an optional field only when it is not blank.
 * Exceptions are reserved for configuration and programming errors (an unknown table or date pattern).
 */
package cn.canbao.hub.standard;
