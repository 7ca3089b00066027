package cn.canbao.hub.console;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint except health needs authentication (HTTP Basic, stateless); least privilege per user:
 * the survey app and the registered survey clients may read rosters and post survey results, nothing else (a client
 * only in its regions: {@link SurveyArea}); the operator everything else.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // the error page of a request that passed this chain: without it an API user who may not
                        // call /error (a survey client) gets 403 instead of the request's own 4xx or 500
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/survey-results").hasRole("SURVEYOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/rosters/**").hasAnyRole("SURVEYOR", "OPERATOR")
                        // the national exchange: increments on demand, requests, parked messages
                        .requestMatchers("/api/v1/national/**").hasRole("OPERATOR")
                        .anyRequest().hasRole("OPERATOR"))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The API users' passwords come from the environment or from owner-only files the hub reads at start; their hashes
     * live only in memory, where bcrypt's usual stretching (strength 10) protects nothing and costs every request
     * dearly. Strength 4, the least bcrypt allows, keeps the check constant-time (decision 0005 has the figures).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(4);
    }

    /**
     * The hub's own API users first, then the survey clients an operator registered (a client may not take an API
     * user's name). A disabled client is refused like a wrong password: 401.
     */
    @Bean
    UserDetailsService apiUsers(Environment environment, @Value("${canbao.data-dir}") Path dataDir,
                                PasswordEncoder encoder, SurveyClients surveyClients) throws IOException {
        InMemoryUserDetailsManager builtIn = new InMemoryUserDetailsManager(ApiUsers.load(environment, dataDir)
                .stream().map(user -> User.withUsername(user.name()).password(encoder.encode(user.password()))
                        .roles(user.role()).build())
                .toList());
        return name -> builtIn.userExists(name) ? builtIn.loadUserByUsername(name)
                : surveyClients.login(name).orElseThrow(() -> new UsernameNotFoundException("no API user " + name));
    }
}
