package cn.canbao.hub.connector.transport;

import cn.canbao.hub.embedded.EmbeddedFrontDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The civil-affairs front database (spec §4.10), a database of the partner's with its own URL and
 * credentials: {@code canbao.frontdb.url}, {@code canbao.frontdb.username} and the password from the
 * environment ({@code CANBAO_FRONTDB_PASSWORD}). With {@code canbao.frontdb.embedded=true} (the default
 * run) it is a stand-in database in the embedded PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
public class FrontDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource frontDb(Environment environment, ObjectProvider<EmbeddedPostgres> embeddedPostgres,
                             @Value("${canbao.frontdb.embedded:true}") boolean embedded,
                             @Value("${canbao.data-dir}") Path dataDir) throws IOException, SQLException {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("frontdb");
        dataSource.setMaximumPoolSize(2);
        if (embedded) {
            EmbeddedPostgres postgres = embeddedPostgres.getObject();
            dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + EmbeddedFrontDatabase.DATABASE);
            dataSource.setUsername(EmbeddedFrontDatabase.HUB_ROLE);
            dataSource.setPassword(EmbeddedFrontDatabase.prepare(postgres, dataDir));
        } else {
            dataSource.setJdbcUrl(required(environment, "canbao.frontdb.url"));
            dataSource.setUsername(required(environment, "canbao.frontdb.username"));
            dataSource.setPassword(required(environment, "canbao.frontdb.password"));
        }
        return dataSource;
    }

    private static String required(Environment environment, String key) {
        String value = environment.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is required when canbao.frontdb.embedded=false");
        }
        return value;
    }
}
