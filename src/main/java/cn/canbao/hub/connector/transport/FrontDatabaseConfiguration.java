package cn.canbao.hub.connector.transport;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The civil-affairs front database (spec §4.10), a database of the partner's with its own URL and
 * credentials: {@code canbao.frontdb.url}, {@code canbao.frontdb.username} and the password from the
 * environment ({@code CANBAO_FRONTDB_PASSWORD}). With {@code canbao.frontdb.embedded=true} (the default
 * run) the embedded run supplies the {@link FrontDatabaseLogin} of a stand-in database in its PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
public class FrontDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource frontDb(ObjectProvider<FrontDatabaseLogin> embeddedLogin, Environment environment) {
        FrontDatabaseLogin login = embeddedLogin.getIfAvailable(() -> configuredLogin(environment));
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("frontdb");
        dataSource.setMaximumPoolSize(2);
        dataSource.setJdbcUrl(login.url());
        dataSource.setUsername(login.username());
        dataSource.setPassword(login.password());
        return dataSource;
    }

    private static FrontDatabaseLogin configuredLogin(Environment environment) {
        return new FrontDatabaseLogin(required(environment, "canbao.frontdb.url"),
                required(environment, "canbao.frontdb.username"), required(environment, "canbao.frontdb.password"));
    }

    private static String required(Environment environment, String key) {
        String value = environment.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is required when canbao.frontdb.embedded=false");
        }
        return value;
    }
}
