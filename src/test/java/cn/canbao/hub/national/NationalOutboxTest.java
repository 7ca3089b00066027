package cn.canbao.hub.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.canbao.hub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national outbox over the real embedded broker: what it sends is the row's body in the envelope, and a row sent
 * again after a crash between the broker's commit and the row's {@code sent_at} is dropped by the broker.
 */
class NationalOutboxTest extends HubIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NationalOutbox outbox;

    @Test
    void sendsEachRowOnceEvenWhenItsRowWasNotMarkedSentBeforeACrash() throws Exception {
        try (NationalSystem national = new NationalSystem(DATA_DIR, BROKER_PORT)) {
            String first = written("630105198001010011");
            outbox.sendDue(NationalSystem.OUT);
            assertThat(sentAt(first)).as("marked sent once the broker took it").isNotNull();
            JsonNode message = national.receive(List.of(first), 30_000).get(0);
            assertThat(message.get("header").get("messageType").asText()).isEqualTo("COMPARE_REQUEST");
            assertThat(message.get("header").get("receiver").asText()).isEqualTo("000000");
            assertThat(message.get("body").get("idNumbers").get(0).asText()).isEqualTo("630105198001010011");

            // the hub stopped after the broker's commit, before its update: the row is unsent again
            jdbc.update("UPDATE national_outbox SET sent_at = NULL WHERE message_id = CAST(? AS uuid)", first);
            String next = written("630105198001010027");
            outbox.sendDue(NationalSystem.OUT);
            await().atMost(Duration.ofSeconds(30)).until(() -> sentAt(first) != null && sentAt(next) != null);

            assertThat(national.receive(List.of(next), 30_000)).hasSize(1);
            assertThatThrownBy(() -> national.receive(List.of(first), 1_000))
                    .as("the broker dropped the second send of the same row")
                    .hasMessageContaining("only 0 of 1");
        }
    }

    private String written(String idNumber) {
        String messageId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO national_outbox (message_id, duplicate_id, message_type, body, records, created_at)"
                + " VALUES (CAST(? AS uuid), ?, 'COMPARE_REQUEST', ?, 1, now())", messageId, messageId,
                "{\"idNumbers\": [\"" + idNumber + "\"]}");
        return messageId;
    }

    private Object sentAt(String messageId) {
        return jdbc.queryForObject("SELECT sent_at FROM national_outbox WHERE message_id = CAST(? AS uuid)",
                Object.class, messageId);
    }
}
