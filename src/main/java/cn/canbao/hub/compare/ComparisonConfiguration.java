package cn.canbao.hub.compare;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds and checks {@code canbao.compare.*}, {@code canbao.roster.*} and {@code canbao.statistics.*} at start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ComparisonProperties.class, RosterProperties.class, StatisticsProperties.class})
public class ComparisonConfiguration {
}
