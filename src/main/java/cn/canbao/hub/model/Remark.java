package cn.canbao.hub.model;

/** A warning or error about one field of a record, with a catalogue code (docs/INTERFACE-SPEC.md, "Error and warning codes"). */
public record Remark(String code, String field, String message) {
}
