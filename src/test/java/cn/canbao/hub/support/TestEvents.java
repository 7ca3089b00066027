package cn.canbao.hub.support;

/** Participation events as a scheme system sends them (spec §5). */
public final class TestEvents {

    private TestEvents() {
    }

    /** A PENSION event for a working contributor of an enterprise, with the sex the identity number says. */
    public static String pension(String eventId, String type, String person) {
        String sex = (person.charAt(16) - '0') % 2 == 1 ? "1" : "2";
        return """
                {"eventId": "%s", "system": "PENSION", "type": "%s", "occurredAt": "2017-10-15T09:30:00+08:00",
                 "record": {"AAC002": "%s", "AAC003": "张三", "AAC004": "%s", "AAC005": "01", "AAC006": "%s",
                            "AAE140": "110", "AAB301": "630102", "AAB001": "91630100MA7XXXXX", "AAB004": "某某公司",
                            "AAC008": "1", "AAC031": "1", "AAE030": "20100501", "AAE031": "", "AAE042": "201709"}}
                """.formatted(eventId, type, person, sex, person.substring(6, 14));
    }
}
