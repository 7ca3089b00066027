package cn.canbao.hub.reliability.crash;

import cn.canbao.hub.reliability.crash.Delivery.DataFile;
import cn.canbao.hub.reliability.crash.Delivery.Event;
import cn.canbao.hub.reliability.crash.Delivery.FrontDbRow;
import cn.canbao.hub.reliability.crash.Delivery.SurveyPost;
import cn.canbao.hub.support.ApiClient;
import cn.canbao.hub.support.PartnerJms;
import cn.canbao.hub.support.PartnerSftp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hub's partners during a run, behaving as real partners do around an outage: each delivery is sent at its turn,
 * and one that fails (the hub is down, a connection breaks half-way) is sent again after a pause until it gets
 * through. An SFTP partner uploads a file again only when neither its done file is still in {@code in/} nor its
 * receipt exists; a scheme system sends an event again with the same duplicate-detection id; the civil-affairs side
 * inserts its row again with {@code ON CONFLICT (seq) DO NOTHING}; the survey app posts the same resultId again.
 */
final class Partners implements AutoCloseable {

    /** A failed send is repeated after a pause that doubles from the first to the longest. */
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(2);
    private static final Set<Integer> SURVEY_ANSWERS = Set.of(200, 201);

    private final Path dataDir;
    private final HubPorts ports;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    private final Map<String, Integer> surveyAnswers = new ConcurrentHashMap<>();
    private final AtomicInteger retries = new AtomicInteger();

    Partners(Path dataDir, HubPorts ports) {
        this.dataDir = dataDir;
        this.ports = ports;
    }

    /** Schedules every delivery's first send, one every {@code spacing}, in the given order. */
    void start(List<Delivery> order, Duration spacing) {
        for (int i = 0; i < order.size(); i++) {
            Delivery delivery = order.get(i);
            scheduler.schedule(() -> attempt(delivery, 0), spacing.toMillis() * i, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the survey app got its answer (200 or 201) for a result. */
    boolean surveyAnswered(String resultId) {
        Integer status = surveyAnswers.get(resultId);
        return status != null && SURVEY_ANSWERS.contains(status);
    }

    int retries() {
        return retries.get();
    }

    private void attempt(Delivery delivery, int failures) {
        try {
            if (delivery instanceof DataFile file) {
                upload(file, failures == 0);
            } else if (delivery instanceof Event event) {
                send(event);
            } else if (delivery instanceof FrontDbRow row) {
                insert(row);
            } else if (delivery instanceof SurveyPost post) {
                post(post);
            }
        } catch (Exception e) {
            retries.incrementAndGet();
            long pause = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures, 10));
            if (!scheduler.isShutdown()) {
                scheduler.schedule(() -> attempt(delivery, failures + 1), pause, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void upload(DataFile file, boolean first) throws Exception {
        try (PartnerSftp sftp = new PartnerSftp(dataDir, file.account(), ports.sftp())) {
            if (first || !(sftp.exists("in/" + file.name() + ".ok") || sftp.exists(file.receiptPath()))) {
                sftp.put("in/" + file.name(), file.data());
                sftp.put("in/" + file.name() + ".ok", file.doneFileBytes());
            }
        }
    }

    private void send(Event event) throws Exception {
        try (PartnerJms jms = new PartnerJms(dataDir, event.account(), ports.broker())) {
            jms.sendOnce(event.queue(), event.body(), event.eventId(), event.eventId());
        }
    }

    private void insert(FrontDbRow row) throws Exception {
        try (Connection civilAffairs = DriverManager.getConnection(HubDatabase.url(ports, HubDatabase.CIVIL_FRONT),
                HubDatabase.USER, "");
             PreparedStatement insert = civilAffairs.prepareStatement("INSERT INTO mz_jzdx_exchange (seq, id_number, "
                     + "name, category, region, valid_from, op, op_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                     + "ON CONFLICT (seq) DO NOTHING")) {
            insert.setLong(1, row.seq());
            insert.setString(2, row.idNumber());
            insert.setString(3, row.name());
            insert.setString(4, row.category());
            insert.setString(5, row.region());
            insert.setObject(6, row.validFrom());
            insert.setString(7, row.op());
            insert.setObject(8, row.opTime());
            insert.executeUpdate();
        }
    }

    private void post(SurveyPost post) throws Exception {
        HttpResponse<String> response = ApiClient.as("surveyor", dataDir, ports.http())
                .postJson("/api/v1/survey-results", post.body());
        surveyAnswers.put(post.resultId(), response.statusCode());
        if (!SURVEY_ANSWERS.contains(response.statusCode())) {
            throw new IllegalStateException("survey result " + post.resultId() + ": HTTP " + response.statusCode());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
