package cn.canbao.hub.national;

/**
 * Why a message from the national system was parked instead of applied (docs/national.md, "Parked messages"). A
 * parked message is acknowledged and kept with its reason, for an operator; it is never applied later by itself.
 */
public enum ParkReason {
    /** Not UTF-8 JSON text. */
    MALFORMED_JSON,
    /** JSON, but not the envelope of spec §5 (schema/national-envelope-v1.json). */
    NOT_AN_ENVELOPE,
    /** A messageType the hub does not take from the national system (it takes COMPARE_RESULT only). */
    UNKNOWN_MESSAGE_TYPE,
    /** Addressed to another province than the hub's. */
    WRONG_RECEIVER,
    /** Its correlationId names no COMPARE_REQUEST the hub sent. */
    UNKNOWN_CORRELATION,
    /** A COMPARE_RESULT with a messageId already applied: applied once, this copy parked. */
    DUPLICATE_RESULT,
    /** A result for an identity number the request did not ask about. */
    NUMBER_NOT_ASKED,
    /** An insured-elsewhere row with a scheme, province or status outside its code table. */
    UNKNOWN_CODE
}
