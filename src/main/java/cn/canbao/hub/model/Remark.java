package cn.canbao.hub.model;

/** A warning or error about one field of a record, with a catalogue code (docs/error-codes.md). */
public record Remark(String code, String field, String message) {
}
