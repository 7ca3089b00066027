import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.FileReader;
import java.io.PrintStream;
import java.util.Properties;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The national system's side of bench/national/run.sh: drains canbao.out.national as broker user national, in a
 * process of its own as the real system would (an undrained embedded broker pages and then blocks the hub's sends).
 * It reads every message's whole text, so that a large message is streamed to the end, and prints one line per
 * message: epoch milliseconds when taken, messageType, characters. It does not parse the JSON: on the benchmark's
 * two cores, parsing 6 M records would take the hub's processor time and say nothing of the hub.
 *
 * <p>Run with the hub jar's libraries: {@code java -cp 'lib/*' NationalConsumer.java tcp://host:port national.properties}
 */
public class NationalConsumer {

    public static void main(String[] args) throws Exception {
        Properties credentials = new Properties();
        try (FileReader reader = new FileReader(args[1])) {
            credentials.load(reader);
        }
        PrintStream out = new PrintStream(System.out, true);
        try (Connection connection = new ActiveMQConnectionFactory(args[0])
                .createConnection(credentials.getProperty("user"), credentials.getProperty("password"))) {
            Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("canbao.out.national"));
            connection.start();
            out.println("consuming");
            while (true) {
                Message message = consumer.receive();
                int characters = ((TextMessage) message).getText().length();
                out.println(System.currentTimeMillis() + " " + message.getStringProperty("messageType") + " "
                        + characters);
            }
        }
    }
}
