package cn.canbao.hub.reliability.crash;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One thing a partner delivers to the hub and expects an answer to (a receipt, a sync status, an HTTP status). */
sealed interface Delivery {

    /** Unique within a workload: a file name, an eventId, a front-database seq, a resultId. */
    String key();

    /** A data file with its done file (spec §3), uploaded to the partner's {@code in/}. */
    record DataFile(String account, String name, byte[] data, String doneFile) implements Delivery {

        @Override
        public String key() {
            return name;
        }

        byte[] doneFileBytes() {
            return doneFile.getBytes(StandardCharsets.UTF_8);
        }

        String receiptPath() {
            return "receipt/" + name + ".receipt.json";
        }
    }

    /**
     * A participation event (spec §5) of a scheme system; its JMS correlation id is its eventId.
     *
     * @param expectedStatus the receipt status an undisturbed hub answers it with (its fixture's expected receipt)
     */
    record Event(String system, String eventId, String body, String expectedStatus) implements Delivery {

        @Override
        public String key() {
            return eventId;
        }

        String account() {
            return system.toLowerCase();
        }

        String queue() {
            return "canbao.in." + account() + ".events";
        }
    }

    /** A row the civil-affairs side writes into its front database (spec §4.10). */
    record FrontDbRow(long seq, String idNumber, String name, String category, String region, LocalDate validFrom,
                      String op, LocalDateTime opTime) implements Delivery {

        @Override
        public String key() {
            return "seq " + seq;
        }
    }

    /** A survey result the survey app posts (spec §6). */
    record SurveyPost(String resultId, String body) implements Delivery {

        @Override
        public String key() {
            return resultId;
        }
    }
}
