package cn.canbao.hub.connector.transport;

/**
 * The database or the exchange server did not answer while a delivery was taken in: the delivery is tried again
 * in place, with growing pauses (routes/intake-retry.yaml), and counts for nothing against it.
 */
public class InfrastructureUnavailableException extends RuntimeException {

    public InfrastructureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
