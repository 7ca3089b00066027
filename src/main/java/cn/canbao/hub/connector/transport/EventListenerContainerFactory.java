package cn.canbao.hub.connector.transport;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.apache.camel.Route;
import org.apache.camel.component.jms.DefaultJmsMessageListenerContainer;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.component.jms.MessageListenerContainerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.jms.connection.SessionProxy;
import org.springframework.jms.listener.AbstractMessageListenerContainer;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Listener containers for the events queues. They let the broker dead-letter a message the JMS client cannot even
 * decode (a text message whose body holds no string, as a command-line producer makes from a file without the
 * export format's attributes): Artemis' client fails such a message inside {@code receive()} — an
 * IndexOutOfBoundsException, or a NegativeArraySizeException for a negative length — before it acknowledges it, so
 * a plain rollback does not count the delivery and the message came back for ever, holding up every event behind
 * it. Here the failed receive rolls the session back with the message counted as delivered: the broker redelivers
 * it after its redelivery delay, the events behind it go first, and after {@code max-delivery-attempts} it moves to
 * {@code DLQ.<queue>}. And they tell {@link IntakeBackoff} while the broker is out of reach, until the container's
 * connection is back.
 */
public class EventListenerContainerFactory implements MessageListenerContainerFactory {

    private static final Logger log = LoggerFactory.getLogger(EventListenerContainerFactory.class);

    private final IntakeBackoff backoff;

    public EventListenerContainerFactory(IntakeBackoff backoff) {
        this.backoff = backoff;
    }

    @Override
    public AbstractMessageListenerContainer createMessageListenerContainer(JmsEndpoint endpoint) {
        return new DefaultJmsMessageListenerContainer(endpoint) {
            @Override
            protected Message receiveMessage(MessageConsumer consumer) throws JMSException {
                try {
                    return super.receiveMessage(consumer);
                } catch (RuntimeException decodingFailed) {
                    // the client's own failures are JMSExceptions; a runtime exception is its decoder's
                    throw new UndecodableMessageException(decodingFailed);
                }
            }

            @Override
            protected boolean doReceiveAndExecute(Object invoker, Session session, MessageConsumer consumer,
                                                  TransactionStatus status) throws JMSException {
                try {
                    return super.doReceiveAndExecute(invoker, session, consumer, status);
                } catch (UndecodableMessageException undecodable) {
                    countAsDelivered(session != null ? session : transactionalSession(getConnectionFactory()),
                            getDestinationDescription(), undecodable);
                    return true;
                }
            }

            @Override
            protected void handleListenerSetupFailure(Throwable failure, boolean alreadyHandled) {
                if (isRunning() && !alreadyHandled) {
                    backoff.infrastructureFailed(routeOf(endpoint), failure);
                }
                super.handleListenerSetupFailure(failure, alreadyHandled);
            }

            @Override
            protected void refreshConnectionUntilSuccessful() {
                super.refreshConnectionUntilSuccessful();
                backoff.recovered(routeOf(endpoint));
            }
        };
    }

    /** The JMS client failed on a message's bytes inside {@code receive()}, before acknowledging it. */
    private static final class UndecodableMessageException extends RuntimeException {

        UndecodableMessageException(RuntimeException cause) {
            super(cause);
        }
    }

    private static String routeOf(JmsEndpoint endpoint) {
        return endpoint.getCamelContext().getRoutes().stream().filter(route -> route.getEndpoint() == endpoint)
                .map(Route::getRouteId).findFirst().orElse(endpoint.getDestinationName());
    }

    private static Session transactionalSession(ConnectionFactory factory) {
        return TransactionSynchronizationManager.getResource(factory) instanceof JmsResourceHolder holder
                ? holder.getSession() : null;
    }

    private static void countAsDelivered(Session session, String queue, UndecodableMessageException undecodable)
            throws JMSException {
        Session target = session instanceof SessionProxy proxy ? proxy.getTargetSession() : session;
        if (!(target instanceof ActiveMQSession artemis)) {
            throw undecodable;
        }
        log.error("{}: a message the JMS client cannot decode ({}); the broker delivers it again and then moves it "
                + "to the dead-letter queue", queue, undecodable.getCause().toString());
        try {
            artemis.getCoreSession().rollback(true);
        } catch (ActiveMQException e) {
            JMSException failure = new JMSException("cannot roll back the undecodable message on " + queue);
            failure.initCause(e);
            throw failure;
        }
    }
}
