package cn.canbao.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.canbao.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Identity numbers never reach the log unmasked, not even inside a library's exception message. */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest extends HubIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingTest.class);

    @Test
    void masksIdentityNumbersInMessagesAndExceptions(CapturedOutput output) {
        log.info("person 11010519491231002X and 630102198001011230 arrived");
        log.warn("COPY failed", new IllegalStateException("CONTEXT: COPY source_record, line 5: \"440524188001010014\""));

        assertThat(output.getOut()).contains("person 110105********002X and 630102********1230 arrived")
                .contains("line 5: \"440524********0014\"")
                .doesNotContain("11010519491231002X").doesNotContain("630102198001011230")
                .doesNotContain("440524188001010014");
    }

    @Test
    void leavesOtherNumbersAlone(CapturedOutput output) {
        log.info("file sha 3f2a and 1234567890123456789012 records");

        assertThat(output.getOut()).contains("1234567890123456789012 records");
    }
}
