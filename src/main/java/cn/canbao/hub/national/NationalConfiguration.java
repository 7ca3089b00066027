package cn.canbao.hub.national;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NationalProperties.class)
public class NationalConfiguration {
}
