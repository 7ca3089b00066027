package cn.canbao.hub.embedded.broker;

import cn.canbao.hub.exchange.ExchangeAccounts;
import cn.canbao.hub.exchange.ExchangeLayout;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** An Artemis broker secured by {@link PartnerBrokerCustomizer}, started without Spring, on a free port. */
final class SecuredTestBroker implements AutoCloseable {

    private final EmbeddedActiveMQ broker;
    private final BrokerUsers users;
    private final PartnerAcceptor acceptor;

    private SecuredTestBroker(EmbeddedActiveMQ broker, BrokerUsers users, PartnerAcceptor acceptor) {
        this.broker = broker;
        this.users = users;
        this.acceptor = acceptor;
    }

    /** With the shipped broker settings file, as the embedded broker of the hub. */
    static SecuredTestBroker start(Path dataDir, ExchangeAccounts accounts) throws Exception {
        BrokerUsers users = BrokerUsers.generateMissing(new ExchangeLayout(dataDir), accounts.brokerUsers());
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setBrokerInstance(dataDir.resolve("broker").toFile());
        BrokerProperties settings = new BrokerProperties(true, "127.0.0.1", 0,
                Path.of("config/broker/canbao-broker.xml"), Duration.ofNanos(100_000));
        new PartnerBrokerCustomizer(settings, accounts).customize(configuration);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration)
                .setSecurityManager(BrokerSecurityManagers.forUsers(users));
        broker.start();
        NettyAcceptor acceptor = (NettyAcceptor) broker.getActiveMQServer().getRemotingService()
                .getAcceptor(PartnerBrokerCustomizer.ACCEPTOR);
        return new SecuredTestBroker(broker, users, new PartnerAcceptor("127.0.0.1", acceptor.getActualPort()));
    }

    EmbeddedActiveMQ broker() {
        return broker;
    }

    BrokerUsers users() {
        return users;
    }

    String url() {
        return acceptor.url();
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
