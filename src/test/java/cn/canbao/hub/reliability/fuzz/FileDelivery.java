package cn.canbao.hub.reliability.fuzz;

import static org.awaitility.Awaitility.await;

import cn.canbao.hub.support.PartnerSftp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One partner account's files, sent one at a time as the partner does (data file, then done file) and each
 * awaited until its receipt is in {@code receipt/} and both files have left {@code in/}. One file at a time, so a
 * file's time to its answer is the hub's alone and a file the hub cannot answer holds up no other until its
 * deadline; then it is recorded as unanswered and taken out of {@code in/}, as its sender would give up on it.
 */
final class FileDelivery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path dataDir;
    private final int sftpPort;
    private final String account;
    private final Ledger ledger;
    private final HubLog log;
    private final Duration deadline;

    FileDelivery(Path dataDir, int sftpPort, String account, Ledger ledger, HubLog log, Duration deadline) {
        this.dataDir = dataDir;
        this.sftpPort = sftpPort;
        this.account = account;
        this.ledger = ledger;
        this.log = log;
        this.deadline = deadline;
    }

    void deliver(List<MalformedFile> files) throws Exception {
        Deque<MalformedFile> queue = new ArrayDeque<>(files);
        try (PartnerSftp sftp = new PartnerSftp(dataDir, account, sftpPort)) {
            while (!queue.isEmpty()) {
                deliver(sftp, queue.poll());
            }
        }
    }

    private void deliver(PartnerSftp sftp, MalformedFile file) throws Exception {
        sftp.put("in/" + file.fileName(), file.data());
        sftp.put("in/" + file.fileName() + ".ok", file.doneFile());
        ledger.sent(file);
        Duration allowed = deadline.plusSeconds(file.data().length / 200_000);
        String[] receipt = new String[1];
        boolean answered;
        try {
            await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL).atMost(allowed)
                    .until(() -> answered(sftp, file, receipt));
            answered = true;
        } catch (org.awaitility.core.ConditionTimeoutException late) {
            answered = false;
        }
        if (!answered) {
            giveUp(sftp, file, receipt[0]);
        }
    }

    /** True once the receipt was read and both files left {@code in/}; the receipt is taken away like a partner does. */
    private boolean answered(PartnerSftp sftp, MalformedFile file, String[] receipt) throws Exception {
        String path = PartnerSftp.receiptPath(file.fileName());
        if (receipt[0] == null && sftp.exists(path)) {
            receipt[0] = sftp.read(path);
            sftp.delete(path);
        }
        if (receipt[0] == null) {
            return false;
        }
        Set<String> inbox = new HashSet<>(sftp.list("in"));
        if (inbox.contains(file.fileName()) || inbox.contains(file.fileName() + ".ok")) {
            return false;
        }
        ledger.answered(FuzzInput.Kind.FILE, file.fileName(), summary(receipt[0]));
        return true;
    }

    private void giveUp(PartnerSftp sftp, MalformedFile file, String receipt) throws Exception {
        Ledger.Entry entry = ledger.entry(FuzzInput.Kind.FILE, file.fileName());
        boolean waiting = sftp.exists("in/" + file.fileName());
        String seen = receipt == null ? (waiting ? "no receipt; the file is still in in/" : "no receipt; the file left in/")
                : "receipt " + summary(receipt) + " but the file is still in in/";
        ledger.unanswered(file, seen + "; hub log: " + log.about(file.fileName(), entry.sentAt, ledger.now()));
        for (String name : List.of(file.fileName(), file.fileName() + ".ok")) {
            if (sftp.exists("in/" + name)) {
                sftp.delete("in/" + name);
            }
        }
    }

    /** Status and first error code of a receipt, e.g. {@code REJECTED FILE_FORMAT}; the raw text if it is no JSON. */
    static String summary(String receipt) {
        try {
            JsonNode json = JSON.readTree(receipt);
            String code = json.path("errors").path(0).path("code").asText("");
            return (json.path("status").asText("NO-STATUS") + " " + code).strip();
        } catch (Exception notJson) {
            return "receipt that is no JSON: " + receipt.substring(0, Math.min(80, receipt.length()));
        }
    }
}
