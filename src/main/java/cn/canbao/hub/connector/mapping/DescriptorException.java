package cn.canbao.hub.connector.mapping;

/** A connector descriptor that cannot work; the message names the field so the engineer can fix the file. */
public class DescriptorException extends RuntimeException {

    private final String field;

    public DescriptorException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
