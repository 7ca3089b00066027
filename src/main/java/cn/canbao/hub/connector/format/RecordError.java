package cn.canbao.hub.connector.format;

import cn.canbao.hub.standard.ErrorCode;

/**
 * Why one record could not be read; the stream goes on with the next record.
 *
 * @param field the field concerned, or null when the problem is the whole record
 */
public record RecordError(ErrorCode code, String field, String message) {

    static RecordError ofRecord(ErrorCode code, String message) {
        return new RecordError(code, null, message);
    }
}
