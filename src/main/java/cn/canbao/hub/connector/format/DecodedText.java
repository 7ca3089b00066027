package cn.canbao.hub.connector.format;

/**
 * Bytes turned into text, or why they could not be.
 *
 * @param text    the decoded text; null when {@code problem} is set
 * @param raw     the text for quarantine: {@code text}, or a lossless rendering of bytes that did not decode
 * @param problem null when decoding succeeded, else a message for the sender
 */
record DecodedText(String text, String raw, String problem) {

    static DecodedText decoded(String text) {
        return new DecodedText(text, text, null);
    }

    static DecodedText undecodable(String raw, String problem) {
        return new DecodedText(null, raw, problem);
    }

    boolean decoded() {
        return problem == null;
    }
}
