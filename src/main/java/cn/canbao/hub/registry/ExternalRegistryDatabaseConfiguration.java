package cn.canbao.hub.registry;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The registry on an external PostgreSQL ({@code canbao.database.embedded=false}, {@code spring.datasource.*}).
 * Declared here rather than left to Boot because the hub has a second data source, the civil-affairs front
 * database, whose presence would otherwise make Boot's own data source back off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "canbao.database.embedded", havingValue = "false")
public class ExternalRegistryDatabaseConfiguration {

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        dataSource.setPoolName("registry");
        return dataSource;
    }
}
