package cn.canbao.hub.connector.mapping;

import cn.canbao.hub.model.PersonInsuranceMessage;
import cn.canbao.hub.model.Remark;
import java.util.List;

/**
 * One source record after mapping: the canonical message when every check passed, otherwise the errors
 * that send it to quarantine. Warnings travel inside the message.
 */
public record MappedRecord(PersonInsuranceMessage message, String sourceKey, List<Remark> errors) {

    public boolean accepted() {
        return errors.isEmpty();
    }

    public String idNumber() {
        return message == null ? null : message.person().idNumber();
    }
}
