package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.reliability.crash.Delivery.DataFile;
import cn.canbao.hub.support.PartnerSftp;
import com.jcraft.jsch.JSchException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which deliveries of a workload still wait for their answer: a file for its receipt in {@code receipt/}, an event
 * for its receipt on the receipts queue, a front-database row for sync status 1 or 9, a survey result for 200/201.
 * Answers found once are remembered: an answer is never taken back. The partners' SFTP sessions are kept from one
 * look to the next (an SSH handshake costs more than the look), and opened again when the hub went away.
 */
final class Answers implements AutoCloseable {

    private final Workload workload;
    private final Path dataDir;
    private final HubPorts ports;
    private final ReceiptCollector receipts;
    private final Partners partners;
    private final Set<String> answered = new HashSet<>();
    private final Map<String, PartnerSftp> sessions = new HashMap<>();

    Answers(Workload workload, Path dataDir, HubPorts ports, ReceiptCollector receipts, Partners partners) {
        this.workload = workload;
        this.dataDir = dataDir;
        this.ports = ports;
        this.receipts = receipts;
        this.partners = partners;
    }

    /** The keys of the deliveries without an answer yet; the hub or the exchange may be down meanwhile. */
    List<String> missing() {
        workload.events().stream().filter(e -> receipts.receiptsOf(e.eventId()) > 0)
                .forEach(e -> answered.add(e.key()));
        workload.surveys().stream().filter(s -> partners.surveyAnswered(s.resultId()))
                .forEach(s -> answered.add(s.key()));
        try {
            syncedRows().forEach(seq -> answered.add("seq " + seq));
            filesWithReceipts().forEach(answered::add);
        } catch (Exception e) {
            // the hub is not back yet: what was found stays found, the rest is asked again at the next poll
        }
        return workload.deliveries().stream().map(Delivery::key).filter(key -> !answered.contains(key))
                .sorted().toList();
    }

    private Set<Long> syncedRows() throws Exception {
        Set<Long> synced = new HashSet<>();
        try (Connection front = DriverManager.getConnection(HubDatabase.url(ports, HubDatabase.CIVIL_FRONT),
                HubDatabase.USER, "");
             Statement statement = front.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT seq FROM mz_jzdx_exchange WHERE sync_status IN ('1', '9')")) {
            while (rows.next()) {
                synced.add(rows.getLong(1));
            }
        }
        return synced;
    }

    private Set<String> filesWithReceipts() throws Exception {
        Map<String, List<DataFile>> waiting = workload.files().stream().filter(f -> !answered.contains(f.key()))
                .collect(Collectors.groupingBy(DataFile::account));
        Set<String> withReceipts = new HashSet<>();
        for (Map.Entry<String, List<DataFile>> account : waiting.entrySet()) {
            PartnerSftp sftp = session(account.getKey());
            // a session the hub's exit broke finds nothing now and is opened again at the next look
            account.getValue().stream().filter(f -> sftp.exists(f.receiptPath()))
                    .forEach(f -> withReceipts.add(f.key()));
        }
        return withReceipts;
    }

    private PartnerSftp session(String account) throws JSchException {
        PartnerSftp session = sessions.get(account);
        if (session == null || !session.isConnected()) {
            if (session != null) {
                session.close();
            }
            session = new PartnerSftp(dataDir, account, ports.sftp());
            sessions.put(account, session);
        }
        return session;
    }

    @Override
    public void close() {
        sessions.values().forEach(PartnerSftp::close);
    }
}
