package cn.canbao.hub.connector;

/** A connector descriptor file the hub refuses to start with. */
public class InvalidDescriptorException extends RuntimeException {

    public InvalidDescriptorException(String file, String problem) {
        super("Connector descriptor " + file + " is invalid: " + problem);
    }
}
