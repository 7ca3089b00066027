package cn.canbao.hub.compare;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds and checks {@code canbao.compare.*} and {@code canbao.roster.*} at start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ComparisonProperties.class, RosterProperties.class})
public class ComparisonConfiguration {
}
