package cn.canbao.hub.connector.transport;

import cn.canbao.hub.connector.Connector;
import cn.canbao.hub.connector.ConnectorCatalog;
import cn.canbao.hub.connector.TransportKind;
import cn.canbao.hub.connector.TransportSpec;
import cn.canbao.hub.connector.receipt.FileReceipt;
import cn.canbao.hub.connector.receipt.ReceiptStatus;
import cn.canbao.hub.exchange.ExchangeServerClient;
import cn.canbao.hub.exchange.ExchangeServerClient.ExchangeSession;
import cn.canbao.hub.registry.DeliveryAttempts;
import cn.canbao.hub.registry.DeliveryAttempts.Attempt;
import cn.canbao.hub.registry.AnsweredFile;
import cn.canbao.hub.registry.IntakeStore;
import cn.canbao.hub.standard.ErrorCode;
import cn.canbao.hub.standard.RegionCodes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one data file whose done file is present on the exchange server through to its receipt: checks the
 * name and the done file, recognises a duplicate, ingests the records, writes the receipt into the sender's
 * {@code receipt/} folder and moves both files to {@code in/.done/} or {@code in/.error/}. A file the hub fails on
 * for a reason of its own is tried again after a pause — the files behind it go first — and answered with HUB_FAULT
 * after {@code canbao.intake.attempts} attempts; a file whose database or exchange server does not answer stays
 * where it is and its folder is polled again with growing pauses ({@link IntakeBackoff}).
 */
public class FileIntake {

    private static final Logger log = LoggerFactory.getLogger(FileIntake.class);

    static final String DONE = ".done";
    static final String ERROR = ".error";

    private final ConnectorCatalog catalog;
    private final IntakeStore writer;
    private final ExchangeServerClient exchange;
    private final FileLoader ingestion;
    private final RegionCodes regions;
    private final DeliveryAttempts attempts;
    private final Retries retries;
    private final ObjectMapper json;
    private final Clock clock;

    public FileIntake(ConnectorCatalog catalog, IntakeStore writer, ExchangeServerClient exchange,
                      FileLoader ingestion, RegionCodes regions, DeliveryAttempts attempts, Retries retries,
                      ObjectMapper json, Clock clock) {
        this.catalog = catalog;
        this.writer = writer;
        this.exchange = exchange;
        this.ingestion = ingestion;
        this.regions = regions;
        this.attempts = attempts;
        this.retries = retries;
        this.json = json;
        this.clock = clock;
    }

    /** What a file intake needs to pace its attempts: the limit, the route states and the poll filter. */
    public record Retries(int limit, IntakeBackoff backoff, FileRetryFilter filter) {
    }

    @Handler
    public void ingest(@Header("canbaoSystem") String system, @Header(Exchange.FILE_NAME_ONLY) String fileName,
                       @Body InputStream data) throws IOException, SQLException {
        Connector connector = catalog.get(system);
        TransportSpec transport = connector.descriptor().transport(TransportKind.SFTP_BATCH_IN).orElseThrow();
        String route = TransportKind.SFTP_BATCH_IN.routeId(system);
        String home = transport.account();
        String inbox = home + "/in";
        String path = inbox + "/" + fileName;
        String delivery = "file:" + system + ":" + fileName;
        OffsetDateTime receivedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        long started = System.nanoTime();
        Attempt attempt = null;
        try (ExchangeSession session = exchange.open()) {
            DoneFile.Parsed doneFile = DoneFile.parse(session.readText(path + ".ok"));
            attempt = attempts.begin(delivery, system);
            Outcome outcome = attempt.number() > retries.limit()
                    ? hubFault(route, delivery, system, fileName, data, receivedAt, attempt)
                    : decide(connector, fileName, doneFile, data, receivedAt);
            session.writeText(home + "/receipt", ReceiptName.of(fileName), json.writeValueAsString(outcome.receipt()));
            session.move(path, inbox + "/" + outcome.disposition());
            session.move(path + ".ok", inbox + "/" + outcome.disposition());
            writer.markDelivered(outcome.logId());
            attempts.answered(delivery);
            FileReceipt r = outcome.receipt();
            log.info("{} from {}: {} ({} records, {} accepted, {} rejected) -> {} in {} ms", fileName, system,
                    r.status(), r.records(), r.accepted(), r.rejected(), outcome.disposition(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | SQLException | RuntimeException e) {
            paceNextAttempt(route, path, delivery, attempt, e);
            return;
        }
        retries.backoff().succeeded(route, delivery);
        retries.filter().answered(path);
    }

    /**
     * A failed attempt leaves the file where it is, to be read again by a later poll: the whole folder waits when
     * the infrastructure failed (and the attempt is taken back), this file alone when the hub did (and the attempt
     * stays counted).
     */
    private void paceNextAttempt(String route, String path, String delivery, Attempt attempt, Exception e) {
        if (Faults.isInfrastructure(e)) {
            retries.filter().folderWaits(path, retries.backoff().infrastructureFailed(route, e));
            if (attempt != null) {
                attempts.takeBack(delivery);
            }
            return;
        }
        int number = attempt == null ? 1 : attempt.number();
        log.error("{}: the hub failed on attempt {} of {}; the files behind it go first, it is tried again later",
                path, number, retries.limit(), e);
        retries.backoff().hubFaultRetried(route, delivery, number, e);
        if (number < retries.limit()) {
            retries.filter().retryLater(path, number);
        }
        if (attempt != null) {
            attempts.failed(delivery, IntakeBackoff.describe(e));
        }
    }

    private Outcome hubFault(String route, String delivery, String system, String fileName, InputStream data,
                             OffsetDateTime receivedAt, Attempt attempt) throws IOException {
        log.error("{} from {}: the hub failed on it in {} attempts (the last: {}); answered {}", fileName, system,
                attempt.number() - 1, attempt.lastError() == null ? "ended with the hub" : attempt.lastError(),
                ErrorCode.HUB_FAULT);
        retries.backoff().hubFaultAnswered(route, delivery);
        String kind = DataFileName.parse(fileName).map(DataFileName::kind).orElse("INCREMENT");
        return rejectWhole(system, fileName, kind, data, receivedAt, ErrorCode.HUB_FAULT.name(),
                "the hub failed on this file " + (attempt.number() - 1) + " times; the provincial operators are "
                        + "alerted and will take it in again once the hub is corrected");
    }

    private Outcome decide(Connector connector, String fileName, DoneFile.Parsed doneFile, InputStream data,
                           OffsetDateTime receivedAt) throws IOException, SQLException {
        String system = connector.system();
        Optional<DataFileName> name = DataFileName.parse(fileName).filter(n -> n.system().equals(system));
        if (name.isEmpty()) {
            return rejectWhole(system, fileName, "INCREMENT", data, receivedAt, ErrorCode.FILE_NAME.name(),
                    "the file name must be " + system + "_{REGION6}_{yyyyMMdd}_{SEQ3}[_FULL].{ext}");
        }
        String kind = name.get().kind();
        // the sender's region (spec §3): a provincial system's, a county's or the province's own code
        if (!regions.isOfProvince(name.get().region())) {
            return rejectWhole(system, fileName, kind, data, receivedAt, ErrorCode.FILE_NAME.name(),
                    "REGION6 " + name.get().region() + " is not a region of the province (its divisions of 2017 and "
                            + "2023): the file name carries the sender's region, e.g. " + regions.provinceCode());
        }
        if (doneFile instanceof DoneFile.Invalid invalid) {
            return rejectWhole(system, fileName, kind, data, receivedAt, ErrorCode.FILE_FORMAT.name(), invalid.problem());
        }
        DoneFile done = ((DoneFile.Valid) doneFile).doneFile();
        Optional<AnsweredFile> earlier = writer.answeredBefore(system, fileName, done.sha256());
        if (earlier.isPresent()) {
            return repeated(system, fileName, kind, done, earlier.get(), data, receivedAt);
        }
        FileLoader.Result result = ingestion.ingest(connector, fileName, name.get().full(), done, data, receivedAt);
        if (result instanceof FileLoader.RejectedWhole whole) {
            return rejected(system, fileName, kind, whole.sha256(), receivedAt, whole.records(), whole.code().name(),
                    whole.message());
        }
        FileLoader.Stored stored = (FileLoader.Stored) result;
        return new Outcome(stored.receipt(), dispositionOf(stored.receipt().status()), stored.fileId());
    }

    /** The same content again: either a redelivery after a crash, or a duplicate the sender sent. */
    private Outcome repeated(String system, String fileName, String kind, DoneFile done, AnsweredFile earlier,
                             InputStream data, OffsetDateTime receivedAt) throws IOException {
        String actual = Sha256.of(data);
        if (!actual.equals(done.sha256())) {
            return rejected(system, fileName, kind, actual, receivedAt, 0, ErrorCode.FILE_HASH.name(),
                    "the done file says SHA-256 " + done.sha256() + " but the data file has " + actual);
        }
        if (!earlier.delivered() && earlier.fileName().equals(fileName)) {
            FileReceipt stored = json.readValue(earlier.receiptJson(), FileReceipt.class);
            return new Outcome(stored, earlier.disposition(), earlier.id());
        }
        FileReceipt receipt = Receipts.duplicate(fileName, actual, receivedAt, done.records());
        return logged(writer.logNotIngested(system, fileName, actual, kind, ReceiptStatus.DUPLICATE.name(), DONE,
                receivedAt, done.records(), json.writeValueAsString(receipt)), DONE);
    }

    private Outcome rejectWhole(String system, String fileName, String kind, InputStream data,
                                OffsetDateTime receivedAt, String code, String message) throws IOException {
        return rejected(system, fileName, kind, Sha256.of(data), receivedAt, 0, code, message);
    }

    private Outcome rejected(String system, String fileName, String kind, String sha256, OffsetDateTime receivedAt,
                     long records, String code, String message) throws IOException {
        FileReceipt receipt = Receipts.rejectedWhole(fileName, sha256, receivedAt, records, code, message);
        return logged(writer.logNotIngested(system, fileName, sha256, kind, ReceiptStatus.REJECTED.name(), ERROR,
                receivedAt, records, json.writeValueAsString(receipt)), ERROR);
    }

    private Outcome logged(IntakeStore.LoggedAnswer answer, String disposition) throws IOException {
        return new Outcome(json.readValue(answer.receiptJson(), FileReceipt.class), disposition, answer.id());
    }

    /** The folder under in/ a file whose records were stored goes to: .error when none was accepted. */
    static String dispositionOf(ReceiptStatus status) {
        return status == ReceiptStatus.REJECTED ? ERROR : DONE;
    }

    /** What the file comes to: its receipt, where it is moved, and its intake-log row. */
    public record Outcome(FileReceipt receipt, String disposition, long logId) {
    }
}
