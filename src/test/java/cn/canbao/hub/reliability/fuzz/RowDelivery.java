package cn.canbao.hub.reliability.fuzz;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Front-database rows, written by the civil-affairs side as it does (a few hundred waiting at a time), each awaited
 * until the hub has set its sync_status to {@code 1} or {@code 9}. A row still {@code 0} at its deadline is recorded
 * as unanswered and deleted, as the civil side would withdraw it, so the hub stops taking it again.
 */
final class RowDelivery {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int WAITING = 300;
    private static final String INSERT = """
            INSERT INTO mz_jzdx_exchange (seq, id_number, name, category, region, valid_from, valid_to, op, op_time)
            VALUES (?, ?, ?, ?, ?, CAST(? AS DATE), CAST(? AS DATE), ?, CAST(? AS TIMESTAMP))""";
    private static final String SYNCED = """
            SELECT seq, sync_status, sync_msg FROM mz_jzdx_exchange
            WHERE seq BETWEEN ? AND ? AND sync_status <> '0'""";

    private final JdbcTemplate civilAffairs;
    private final Ledger ledger;
    private final HubLog log;
    private final Duration deadline;
    private final Map<Long, MalformedRow> waiting = new ConcurrentHashMap<>();

    RowDelivery(JdbcTemplate civilAffairs, Ledger ledger, HubLog log, Duration deadline) {
        this.civilAffairs = civilAffairs;
        this.ledger = ledger;
        this.log = log;
        this.deadline = deadline;
    }

    void deliver(List<MalformedRow> rows) {
        for (MalformedRow row : rows) {
            awaitRoom(WAITING - 1);
            civilAffairs.update(INSERT, row.seq(), row.idNumber(), row.name(), row.category(), row.region(),
                    row.validFrom(), row.validTo(), row.op(), row.opTime());
            ledger.sent(row);
            waiting.put(row.seq(), row);
        }
        awaitRoom(0);
    }

    private void awaitRoom(int atMostWaiting) {
        if (waiting.size() <= atMostWaiting) {
            return;
        }
        await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL).forever().until(() -> {
            check();
            return waiting.size() <= atMostWaiting;
        });
    }

    private void check() {
        long from = waiting.keySet().stream().mapToLong(Long::longValue).min().orElse(0);
        long to = waiting.keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
        civilAffairs.query(SYNCED, (rs, n) -> {
            long seq = rs.getLong("seq");
            if (waiting.remove(seq) != null) {
                String message = rs.getString("sync_msg");
                ledger.answered(FuzzInput.Kind.ROW, Long.toString(seq), "sync_status " + rs.getString("sync_status")
                        + (message == null ? "" : " " + message.replaceFirst(" .*", "")));
            }
            return null;
        }, from, to);
        long now = ledger.now();
        for (MalformedRow row : new ArrayList<>(waiting.values())) {
            Ledger.Entry entry = ledger.entry(FuzzInput.Kind.ROW, row.id());
            if (now - entry.sentAt > deadline.toMillis()) {
                waiting.remove(row.seq());
                civilAffairs.update("DELETE FROM mz_jzdx_exchange WHERE seq = ? AND sync_status = '0'", row.seq());
                ledger.unanswered(row, "sync_status still 0 after " + deadline.toSeconds() + " s; hub log: "
                        + log.about(row.id(), entry.sentAt, now));
            }
        }
    }
}
