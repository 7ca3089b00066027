package cn.canbao.hub.exchange;

import cn.canbao.hub.exchange.ExchangeProperties.CountyAgencies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Every account of the embedded exchange, resolved from {@link ExchangeProperties}: the SFTP partners, one
 * county agency per county-level division of the region table, the JMS partners, and the hub itself, which
 * has every right on both servers.
 *
 * @param sftp SFTP accounts, the hub's first
 * @param jms  broker users other than the hub
 */
public record ExchangeAccounts(List<SftpAccount> sftp, List<JmsAccount> jms) {

    /** The hub's own account name on the SFTP server and the broker. */
    public static final String HUB = "hub";

    public ExchangeAccounts {
        sftp = List.copyOf(sftp);
        jms = List.copyOf(jms);
    }

    public static ExchangeAccounts resolve(ExchangeProperties properties, ResourceLoader resources) {
        List<SftpAccount> sftp = new ArrayList<>();
        sftp.add(SftpAccount.hub());
        properties.sftpPartners().accounts().forEach(name ->
                sftp.add(SftpAccount.partner(name, properties.sftpPartners().folders())));
        countyAccounts(properties.countyAgencies(), resources).forEach(sftp::add);
        requireDistinctNames(sftp);

        List<JmsAccount> jms = properties.jmsPartners().entrySet().stream()
                .map(entry -> new JmsAccount(entry.getKey(), entry.getValue().sends(), entry.getValue().consumes()))
                .sorted(Comparator.comparing(JmsAccount::name))
                .toList();
        return new ExchangeAccounts(sftp, jms);
    }

    /** The broker's user names: the hub and every JMS partner. */
    public List<String> brokerUsers() {
        return Stream.concat(Stream.of(HUB), jms.stream().map(JmsAccount::name)).toList();
    }

    /** Every queue a partner is granted, in name order: the queues the broker pre-creates. */
    public Set<String> grantedQueues() {
        Set<String> queues = new TreeSet<>();
        jms.forEach(account -> {
            queues.addAll(account.sends());
            queues.addAll(account.consumes());
        });
        return queues;
    }

    private static Stream<SftpAccount> countyAccounts(CountyAgencies agencies, ResourceLoader resources) {
        Resource table = resources.getResource(agencies.divisions());
        List<String> codes;
        try {
            codes = DivisionTable.codesAtLevel(table, agencies.level());
        } catch (IOException e) {
            throw new UncheckedIOException("canbao.exchange.county-agencies.divisions: cannot read '"
                    + agencies.divisions() + "'", e);
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException("canbao.exchange.county-agencies.level '" + agencies.level()
                    + "' matches no row of " + agencies.divisions());
        }
        return codes.stream().map(code -> SftpAccount.partner(agencies.accountPrefix() + code, agencies.folders()));
    }

    private static void requireDistinctNames(List<SftpAccount> accounts) {
        Set<String> seen = new HashSet<>();
        accounts.stream().map(SftpAccount::name).filter(name -> !seen.add(name)).findFirst().ifPresent(name -> {
            throw new IllegalStateException("canbao.exchange: SFTP account '" + name
                    + "' is declared twice (sftp-partners.accounts and county-agencies)");
        });
    }
}
