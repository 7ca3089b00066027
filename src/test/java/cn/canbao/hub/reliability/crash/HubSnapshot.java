package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.reliability.crash.Delivery.DataFile;
import cn.canbao.hub.support.PartnerSftp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jcraft.jsch.SftpException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a converged hub as its partners and its operators see it: the registry's intake tables, the civil-affairs
 * front database's sync statuses, the file receipts and exchange folders on the SFTP server, and the event receipts
 * the scheme systems took.
 */
final class HubSnapshot {

    /** Receipts compared as JSON, not as text: a receipt re-sent from the database comes with its keys reordered. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** table → the query of its compared columns: everything but wall-clock fields and generated ids. */
    private static final Map<String, String> REGISTRY_QUERIES = Map.of(
            "source_record", """
                    SELECT s.system, s.id_number, s.source_key, s.operation, s.intake_key, f.file_name, s.record_no,
                           s.payload::text
                    FROM source_record s LEFT JOIN intake_file f ON f.id = s.intake_file_id""",
            "quarantine", """
                    SELECT q.system, q.source_ref, q.raw, q.errors::text, f.file_name, q.record_no
                    FROM quarantine q LEFT JOIN intake_file f ON f.id = q.intake_file_id""",
            "intake_file", """
                    SELECT system, file_name, sha256, kind, status, disposition, records, accepted, rejected,
                           (receipt - 'receivedAt')::text
                    FROM intake_file""",
            "intake_event", "SELECT event_id, system, status, receipt::text FROM intake_event",
            "survey_result", """
                    SELECT result_id, id_number, surveyor_id, surveyed_at, outcome, reason, intended_schemes::text,
                           phone, posted_by
                    FROM survey_result""");

    private HubSnapshot() {
    }

    static Snapshot take(Workload workload, Path dataDir, HubPorts ports, ReceiptCollector receipts)
            throws Exception {
        Map<String, Map<String, Long>> tables = new TreeMap<>();
        try (Connection registry = DriverManager.getConnection(HubDatabase.url(ports, HubDatabase.REGISTRY),
                HubDatabase.USER, "")) {
            for (Map.Entry<String, String> query : REGISTRY_QUERIES.entrySet()) {
                tables.put(query.getKey(), lines(registry, query.getValue()));
            }
        }
        try (Connection front = DriverManager.getConnection(HubDatabase.url(ports, HubDatabase.CIVIL_FRONT),
                HubDatabase.USER, "")) {
            tables.put("front-db row", lines(front, "SELECT seq, sync_status, sync_msg FROM mz_jzdx_exchange"));
        }
        tables.put("event receipt", eventReceipts(receipts));
        tables.putAll(exchange(workload, dataDir, ports));
        return new Snapshot(tables);
    }

    private static Map<String, Long> lines(Connection connection, String query) throws SQLException {
        Map<String, Long> lines = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    line.append(column > 1 ? " | " : "").append(rows.getString(column));
                }
                lines.merge(line.toString(), 1L, Long::sum);
            }
        }
        return lines;
    }

    private static Map<String, Long> eventReceipts(ReceiptCollector receipts) {
        Map<String, Long> lines = new TreeMap<>();
        receipts.receipts().forEach((correlationId, messages) -> messages.values()
                .forEach(body -> lines.merge(correlationId + " | " + canonical(body), 1L, Long::sum)));
        return lines;
    }

    /** The JSON with every object's keys in order, the same text for the same content. */
    private static String canonical(String json) {
        try {
            return JSON.writeValueAsString(JSON.readValue(json, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file receipts without their time received, and where each account's files ended up. */
    private static Map<String, Map<String, Long>> exchange(Workload workload, Path dataDir, HubPorts ports)
            throws Exception {
        Map<String, Long> fileReceipts = new TreeMap<>();
        Map<String, Long> folders = new TreeMap<>();
        Map<String, List<DataFile>> byAccount = workload.files().stream()
                .collect(Collectors.groupingBy(DataFile::account, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<DataFile>> account : byAccount.entrySet()) {
            try (PartnerSftp sftp = new PartnerSftp(dataDir, account.getKey(), ports.sftp())) {
                for (DataFile file : account.getValue()) {
                    if (sftp.exists(file.receiptPath())) {
                        ObjectNode receipt = (ObjectNode) JSON.readTree(sftp.read(file.receiptPath()));
                        receipt.remove("receivedAt");
                        fileReceipts.merge(file.name() + " | " + canonical(receipt.toString()), 1L, Long::sum);
                    }
                }
                for (String folder : List.of("in", "in/.done", "in/.error")) {
                    listing(sftp, folder).forEach(name -> folders.merge(account.getKey() + "/" + folder + "/" + name,
                            1L, Long::sum));
                }
            }
        }
        return Map.of("file receipt", fileReceipts, "exchange folder", folders);
    }

    private static List<String> listing(PartnerSftp sftp, String folder) {
        try {
            return List.copyOf(new TreeSet<>(sftp.list(folder)));
        } catch (SftpException e) {
            return List.of();
        }
    }
}
