package cn.canbao.hub.exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The partner accounts of the embedded exchange (SFTP server and broker), declared in
 * {@code config/exchange.yaml}. Checked when bound, so a wrong entry stops the start with a message that
 * names the option instead of surfacing later as a refused login.
 *
 * @param sftpPartners  departments and scheme systems that deliver files
 * @param countyAgencies county social-insurance agencies, one account per county-level division
 * @param jmsPartners   broker users and the queues each may send to or consume from, by account name
 */
@ConfigurationProperties("canbao.exchange")
public record ExchangeProperties(SftpPartners sftpPartners, CountyAgencies countyAgencies,
                                 Map<String, JmsPartner> jmsPartners) {

    private static final String PREFIX = "canbao.exchange.";
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern FOLDER_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern QUEUE_NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");

    /**
     * @param accounts account names; each home is {@code /<account>}
     * @param folders  sub-folders created in every home
     */
    public record SftpPartners(List<String> accounts, List<String> folders) {
    }

    /**
     * @param divisions     classpath resource of the region table ({@code code,name,level,parent_code})
     * @param level         the table's level whose rows get an account
     * @param accountPrefix account name = prefix + 6-digit region code
     * @param folders       sub-folders created in every home
     */
    public record CountyAgencies(String divisions, String level, String accountPrefix, List<String> folders) {
    }

    /**
     * @param sends    queues the partner may send to
     * @param consumes queues the partner may consume from
     */
    public record JmsPartner(List<String> sends, List<String> consumes) {

        public JmsPartner {
            sends = sends == null ? List.of() : List.copyOf(sends);
            consumes = consumes == null ? List.of() : List.copyOf(consumes);
        }
    }

    public ExchangeProperties {
        List<String> problems = new ArrayList<>();
        checkSftpPartners(sftpPartners, problems);
        checkCountyAgencies(countyAgencies, problems);
        checkJmsPartners(jmsPartners, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        jmsPartners = Map.copyOf(jmsPartners);
    }

    private static void checkSftpPartners(SftpPartners partners, List<String> problems) {
        String option = PREFIX + "sftp-partners";
        if (partners == null) {
            problems.add(option + " is required (see config/exchange.yaml)");
            return;
        }
        checkEach(option + ".accounts", requireItems(option + ".accounts", partners.accounts(), problems),
                ExchangeProperties::checkAccountName, problems);
        checkEach(option + ".folders", requireItems(option + ".folders", partners.folders(), problems),
                ExchangeProperties::checkFolderName, problems);
    }

    private static void checkCountyAgencies(CountyAgencies agencies, List<String> problems) {
        String option = PREFIX + "county-agencies";
        if (agencies == null) {
            problems.add(option + " is required (see config/exchange.yaml)");
            return;
        }
        requireText(option + ".divisions", agencies.divisions(), problems);
        requireText(option + ".level", agencies.level(), problems);
        String prefix = agencies.accountPrefix();
        if (prefix == null || !ACCOUNT_NAME.matcher(prefix + "000000").matches()) {
            problems.add(option + ".account-prefix '" + prefix
                    + "' must start an account name of lowercase letters, digits and '-'");
        }
        checkEach(option + ".folders", requireItems(option + ".folders", agencies.folders(), problems),
                ExchangeProperties::checkFolderName, problems);
    }

    private static void checkJmsPartners(Map<String, JmsPartner> partners, List<String> problems) {
        String option = PREFIX + "jms-partners";
        if (partners == null || partners.isEmpty()) {
            problems.add(option + " is required (see config/exchange.yaml)");
            return;
        }
        partners.forEach((account, partner) -> {
            String partnerOption = option + "." + account;
            checkAccountName(partnerOption, account, problems);
            if (partner == null || partner.sends().isEmpty() && partner.consumes().isEmpty()) {
                problems.add(partnerOption + " must list at least one queue under sends or consumes");
                return;
            }
            checkEach(partnerOption + ".sends", partner.sends(), ExchangeProperties::checkQueueName, problems);
            checkEach(partnerOption + ".consumes", partner.consumes(), ExchangeProperties::checkQueueName, problems);
        });
    }

    private static List<String> requireItems(String option, List<String> items, List<String> problems) {
        if (items == null || items.isEmpty()) {
            problems.add(option + " must not be empty");
            return List.of();
        }
        return items;
    }

    private static void checkEach(String option, List<String> items, ItemCheck check, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            String itemOption = option + "[" + i + "]";
            if (item != null && !seen.add(item)) {
                problems.add(itemOption + " '" + item + "' is listed twice");
            } else {
                check.check(itemOption, item, problems);
            }
        }
    }

    private static void checkAccountName(String option, String account, List<String> problems) {
        if (account == null || !ACCOUNT_NAME.matcher(account).matches()) {
            problems.add(option + " '" + account + "' is not an account name (" + ACCOUNT_NAME.pattern() + ")");
        } else if (ExchangeAccounts.HUB.equals(account)) {
            problems.add(option + " '" + account + "' is the hub's own account and cannot be a partner");
        }
    }

    private static void checkFolderName(String option, String folder, List<String> problems) {
        if (folder == null || !FOLDER_NAME.matcher(folder).matches()) {
            problems.add(option + " '" + folder + "' is not a plain folder name (" + FOLDER_NAME.pattern() + ")");
        }
    }

    private static void checkQueueName(String option, String queue, List<String> problems) {
        if (queue == null || !QUEUE_NAME.matcher(queue).matches()) {
            problems.add(option + " '" + queue + "' is not a queue name (lowercase words joined by '.')");
        }
    }

    private static void requireText(String option, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(option + " is required");
        }
    }

    @FunctionalInterface
    private interface ItemCheck {
        void check(String option, String item, List<String> problems);
    }
}
