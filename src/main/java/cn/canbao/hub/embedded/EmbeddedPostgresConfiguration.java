package cn.canbao.hub.embedded;

import cn.canbao.hub.connector.transport.FrontDatabaseLogin;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The zero-install database: a real PostgreSQL started in-process, its data directory under the hub's
 * data directory so the registry survives restarts. It also holds the embedded stand-in for the civil-affairs
 * front database. Production sets {@code canbao.database.embedded=false} and points {@code spring.datasource.*}
 * at an external server, and {@code canbao.frontdb.embedded=false} with the partner's front database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${canbao.database.embedded:true} or ${canbao.frontdb.embedded:true}")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * Stopped by the application context, after Camel and the connection pools that use it: the library's own JVM
     * shutdown hook stopped the server while Camel was still draining its routes, which then waited out their 45 s
     * shutdown timeout on connections that could no longer be made.
     * <p>
     * The library's defaults trade durability for speed ({@code -F}, {@code synchronous_commit=off}); the hub answers
     * a partner only after its commit, so a commit must survive a power cut: {@code fsync} and
     * {@code synchronous_commit} are set on explicitly.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${canbao.data-dir}") Path dataDir,
                                      @Value("${canbao.database.embedded-port:0}") int port) throws IOException {
        Path pgData = dataDir.resolve("postgres");
        Files.createDirectories(pgData);
        LeftoverPostmaster.stopIfRunning(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            requireFree(port);
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL running on 127.0.0.1:{} with data in {}", postgres.getPort(), pgData.toAbsolutePath());
        return postgres;
    }

    /**
     * The embedded server would otherwise take a server already listening on its port for itself, and the
     * hub would write its registry into that server's database.
     */
    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("canbao.database.embedded-port " + port + " is in use by another process "
                    + "(not the embedded PostgreSQL of this data directory, which the hub would have stopped): stop "
                    + "that process, or set canbao.database.embedded-port to a free port (0 picks a free one)", e);
        }
    }

    @Bean
    @Primary
    @ConditionalOnProperty(name = "canbao.database.embedded", havingValue = "true", matchIfMissing = true)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("registry");
        return dataSource;
    }

    @Bean
    @ConditionalOnProperty(name = "canbao.frontdb.embedded", havingValue = "true", matchIfMissing = true)
    FrontDatabaseLogin frontDatabaseLogin(EmbeddedPostgres postgres, @Value("${canbao.data-dir}") Path dataDir)
            throws IOException, SQLException {
        return EmbeddedFrontDatabase.prepare(postgres, dataDir);
    }
}
