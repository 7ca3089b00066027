package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import cn.canbao.hub.reliability.fuzz.SurveyPost.Expected;
import cn.canbao.hub.reliability.fuzz.SurveyPost.Stored;
import cn.canbao.hub.standard.IdentityNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Survey results (spec §6) made from a seed: valid ones, and valid ones mutated in every way a survey app or a
 * hand-written client can get one wrong, each with the answer spec §6 and docs/survey.md give it. The results are
 * posted by one county's client (632522 同德县) unless {@link SurveyPost#asProvince()}; the persons the latest run
 * placed in that county and in a neighbour county (632523) are made here too, so that the test can roster them.
 *
 * <p>The expectations are table-driven where the rules are tables: which fields are required, which are codes, how
 * long a field may be. Every result that is expected to be taken is remembered, so that later inputs can repeat its
 * resultId with the same or with other content.
 */
final class SurveyResultMutations {

    static final String COUNTY = "632522";
    static final String NEIGHBOUR_COUNTY = "632523";
    static final String JSON = "application/json";

    private static final List<String> OUTCOMES = List.of("FOUND_UNINSURED", "FOUND_INSURED_ELSEWHERE",
            "ENROLLED_ON_SITE", "NOT_FOUND", "DECEASED", "MOVED_AWAY", "REFUSED");
    private static final List<String> REASONS = List.of("FLEXIBLE_EMPLOYMENT", "WORKING_OUTSIDE_PROVINCE",
            "FINANCIAL_HARDSHIP", "UNAWARE_OF_POLICY", "UNWILLING", "OTHER");
    private static final List<String> SCHEMES = List.of("110", "120", "170", "210", "310", "390", "410", "510");
    private static final List<String> TEXT_FIELDS = List.of("resultId", "idNumber", "surveyorId", "surveyedAt",
            "outcome", "reason", "phone");
    private static final List<String> FIELDS = List.of("resultId", "idNumber", "surveyorId", "surveyedAt", "outcome",
            "reason", "intendedSchemes", "phone");
    private static final Set<String> REQUIRED = Set.of("resultId", "idNumber", "surveyorId", "surveyedAt", "outcome");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final List<String> rosteredHere = new ArrayList<>();
    private final List<String> rosteredElsewhere = new ArrayList<>();
    /** Results expected to be taken, with whether the province account posted them. */
    private final List<Taken> taken = new ArrayList<>();
    private int next;

    private record Taken(ObjectNode result, boolean asProvince) {
    }

    SurveyResultMutations(long seed) {
        this.random = new Random(seed);
        for (int i = 0; i < 3; i++) {
            rosteredHere.add(person(COUNTY, 1970 + i));
            rosteredElsewhere.add(person(NEIGHBOUR_COUNTY, 1980 + i));
        }
    }

    /** Persons of the county whose client posts, to be rostered there by the latest run. */
    List<String> rosteredHere() {
        return rosteredHere;
    }

    /** Persons of the neighbour county, placed there by the latest run: outside the posting client's regions. */
    List<String> rosteredElsewhere() {
        return rosteredElsewhere;
    }

    List<SurveyPost> next(int count) {
        List<SurveyPost> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(next());
        }
        return posts;
    }

    /** Valid results, one of each outcome, to be posted after all the others. */
    List<SurveyPost> canaries() {
        return OUTCOMES.stream().map(outcome -> {
            ObjectNode result = valid();
            result.put("outcome", outcome);
            result.putArray("intendedSchemes").add("390");
            return taken("canary-" + outcome, result, false);
        }).toList();
    }

    private SurveyPost next() {
        next++;
        List<Supplier<SurveyPost>> kinds = List.of(this::validVariant, this::validVariant, this::notJson,
                this::cutShort, this::notAnObject, this::wrongType, this::wrongType, this::absentField,
                this::tooLong, this::badCharacters, this::invalidUtf8, this::unknownCode, this::badIdNumber,
                this::badSurveyedAt, this::resultIdAgain, this::outsideTheClientsRegions, this::wrongContentType,
                this::emptyBody);
        return kinds.get(random.nextInt(kinds.size())).get();
    }

    // --- valid results ---

    private ObjectNode valid() {
        ObjectNode result = json.createObjectNode();
        result.put("resultId", new UUID(random.nextLong(), random.nextLong()).toString());
        result.put("idNumber", random.nextInt(4) == 0 ? pick(random, rosteredHere)
                : person(pick(random, COUNTY, NEIGHBOUR_COUNTY, "630102"), 1950 + random.nextInt(20)));
        result.put("surveyorId", "S-" + COUNTY + "-" + String.format("%02d", random.nextInt(100)));
        result.put("surveyedAt", ISO.format(OffsetDateTime.of(2017, 10, 16, 9, 0, 0, 0, ZoneOffset.ofHours(8))
                .plusMinutes(random.nextInt(60 * 24 * 60))));
        String outcome = pick(random, OUTCOMES);
        result.put("outcome", outcome);
        if (random.nextBoolean()) {
            result.put("reason", pick(random, REASONS));
        }
        if (outcome.equals("ENROLLED_ON_SITE") || random.nextBoolean()) {
            ArrayNode schemes = result.putArray("intendedSchemes");
            schemes.add(pick(random, SCHEMES));
            if (random.nextBoolean()) {
                schemes.add(pick(random, SCHEMES.stream().filter(s -> !s.equals(schemes.get(0).asText())).toList()));
            }
        }
        if (random.nextBoolean()) {
            result.put("phone", "138" + String.format("%08d", random.nextInt(100_000_000)));
        }
        return result;
    }

    /** Valid in the letter of the spec though not in the usual way: each must be taken. */
    private SurveyPost validVariant() {
        ObjectNode result = valid();
        String idNumber = result.get("idNumber").asText();
        int kind = random.nextInt(14);
        if (kind == 12) {
            result.put("idNumber", pick(random, rosteredElsewhere));
            return taken("province-posts-in-the-neighbour-county", result, true);
        }
        String label = switch (kind) {
            case 0 -> "plain";
            case 1 -> {
                String legacy = person(COUNTY, 1950 + random.nextInt(20));
                result.put("idNumber", legacy.substring(0, 6) + legacy.substring(8, 17));
                idNumber = legacy;
                yield "id-15-digits";
            }
            case 2 -> {
                idNumber = personWithCheckX();
                result.put("idNumber", idNumber.replace('X', 'x'));
                yield "id-lowercase-x";
            }
            case 3 -> {
                idNumber = person(pick(random, "110101", "510104", "440305", "632121"), 1950 + random.nextInt(20));
                result.put("idNumber", idNumber);
                yield "id-other-region";
            }
            case 4 -> {
                String offset = pick(random, "Z", "-05:00", "+14:00", "+05:45", "-12:00", "+00:00");
                result.put("surveyedAt", ISO.format(OffsetDateTime.parse(result.get("surveyedAt").asText())
                        .withOffsetSameInstant(ZoneOffset.of(offset))));
                yield "surveyed-at-offset" + offset;
            }
            case 5 -> {
                result.put("surveyedAt", ISO.format(OffsetDateTime.now(ZoneOffset.ofHours(8)).plusMinutes(5)
                        .withNano(0)));
                yield "surveyed-at-5-minutes-ahead";
            }
            case 6 -> {
                String extra = pick(random, "flags", "postedBy", "posted_by", "receivedAt", "status", "注释", "x");
                result.set(extra, json.valueToTree(pick(random, List.of("VIP", "NOT_ON_ROSTER"), "operator", 42,
                        "x".repeat(100_000), List.of(List.of(List.of())), "a\u0000b", "\ud800")));
                yield "extra-field-" + extra;
            }
            case 7 -> {
                String field = pick(random, "reason", "phone", result.get("outcome").asText().equals(
                        "ENROLLED_ON_SITE") ? "reason" : "intendedSchemes");
                if (random.nextBoolean()) {
                    result.remove(field);
                } else {
                    result.putNull(field);
                }
                yield "optional-absent-" + field;
            }
            case 8 -> {
                result.put("resultId", padded(64));
                yield "result-id-64";
            }
            case 9 -> {
                result.put("phone", "+86 " + "1".repeat(26));
                yield "phone-30";
            }
            case 10 -> {
                result.put("surveyorId", pick(random, "调查员张三", "S-😀-1", "Ž-\u202E-1", "'; DROP TABLE survey_result; --"));
                yield "surveyor-id-unicode";
            }
            case 11 -> {
                result.put("outcome", " " + result.get("outcome").asText() + " ");
                yield "outcome-padded-with-blanks";
            }
            default -> {
                String at = pick(random, "1900-01-01T00:00:00+08:00", "1500-06-01T12:00:00Z",
                        "0001-01-01T00:00:00Z", "2017-12-31T23:59:59.999999999-12:00", "2017-11-02T10:15:00.5+08:00");
                result.put("surveyedAt", at);
                yield "surveyed-at-" + at;
            }
        };
        return taken(label, result, idNumber, JSON, random.nextInt(5) == 0);
    }

    private SurveyPost taken(String label, ObjectNode result, boolean asProvince) {
        return taken(label, result, result.get("idNumber").asText(), JSON, asProvince);
    }

    private SurveyPost taken(String label, ObjectNode result, String storedIdNumber, String contentType,
                             boolean asProvince) {
        taken.add(new Taken(result, asProvince));
        return new SurveyPost("valid-" + label, asProvince, contentType, bytes(result.toString()),
                result.get("resultId").asText(), Expected.ACCEPTED,
                new Stored(storedIdNumber, result.get("outcome").asText().strip(),
                        OffsetDateTime.parse(result.get("surveyedAt").asText()).toInstant().truncatedTo(ChronoUnit.MICROS)));
    }

    // --- bodies that are no survey result at all ---

    private SurveyPost notJson() {
        String body = pick(random, "hello", "<result><resultId>1</resultId></result>", "resultId=1&outcome=REFUSED",
                "{resultId: 1}", "{'resultId': 'a'}", "\u0000", "{\"resultId\": \"a\",}", "{\"a\":1} {\"b\":2}",
                "{\"resultId\": NaN}", valid().toString().replace(":", "="));
        return rejected("not-json", body, null, Expected.rejected("RECORD_SYNTAX", null));
    }

    private SurveyPost cutShort() {
        ObjectNode result = valid();
        String body = result.toString();
        int at = 1 + random.nextInt(body.length() - 1);
        return rejected("cut@" + at, body.substring(0, at), null, Expected.rejected("RECORD_SYNTAX", null));
    }

    private SurveyPost notAnObject() {
        String body = TextFile.<Supplier<String>>pick(random, () -> "[" + valid() + "]", () -> "42", () -> "\"text\"", () -> "null",
                () -> "true", () -> "[]", () -> " \n\t ", this::deepList, this::deepUnclosedObject).get();
        return rejected("not-an-object", body, null, Expected.rejected("RECORD_SYNTAX", null));
    }

    /** Lists in lists, closed or not: no object at any depth. */
    private String deepList() {
        int depth = pick(random, 100, 1_001, 100_000);
        return "[".repeat(depth) + "1" + (random.nextBoolean() ? "]".repeat(depth) : "");
    }

    /** Objects in objects never closed: deeper than the parser goes, or cut short. */
    private String deepUnclosedObject() {
        return "{\"a\":".repeat(pick(random, 100, 1_001, 100_000)) + "1";
    }

    private SurveyPost emptyBody() {
        return rejected("empty-body", "", null, Expected.rejected("RECORD_SYNTAX", null));
    }

    // --- one field wrong ---

    /** A JSON value of another type than the field's: a string field gets no number, a list no string. */
    private SurveyPost wrongType() {
        ObjectNode result = valid();
        String field = pick(random, FIELDS);
        JsonNode value;
        if (field.equals("intendedSchemes")) {
            value = json.valueToTree(pick(random, "390", 390, true, Map.of("390", "390"),
                    List.of(390), Arrays.asList("390", null), List.of(List.of("390")),
                    List.of(Map.of())));
        } else {
            value = json.valueToTree(pick(random, 42, true, 1.5e300, -1, List.of(), List.of("x"),
                    Map.of("a", "b"), Map.of()));
        }
        result.set(field, value);
        return rejected("wrong-type-" + field + "=" + value, result.toString(), resultIdOf(result),
                Expected.rejected("RECORD_SYNTAX", field));
    }

    /** A field left out, null or blank: required ones are FIELD_MISSING, optional ones are simply not given. */
    private SurveyPost absentField() {
        ObjectNode result = valid();
        String field = pick(random, REQUIRED.stream().sorted().toList());
        int how = random.nextInt(3);
        switch (how) {
            case 0 -> result.remove(field);
            case 1 -> result.putNull(field);
            default -> result.put(field, pick(random, "", " ", "\t\n"));
        }
        String label = field + "-" + List.of("left-out", "null", "blank").get(how);
        if (random.nextInt(3) == 0) {
            result.put("outcome", "ENROLLED_ON_SITE");
            result.remove("intendedSchemes");
            return rejected("enrolled-without-schemes", result.toString(), resultIdOf(result),
                    Expected.rejected("FIELD_MISSING", "intendedSchemes"));
        }
        return rejected("missing-" + label, result.toString(), resultIdOf(result),
                Expected.rejected("FIELD_MISSING", field));
    }

    /** Longer than the field may be: resultId and surveyorId 64, phone 30; codes and times of any length are unknown. */
    private SurveyPost tooLong() {
        ObjectNode result = valid();
        String field = pick(random, FIELDS);
        int length = pick(random, 65, 4_096, 200_000, random.nextInt(10) == 0 ? 2_000_000 : 65);
        String label = "too-long-" + field + "-" + length;
        Expected expected = switch (field) {
            case "resultId", "surveyorId" -> Expected.rejected("FIELD_TOO_LONG", field);
            case "phone" -> Expected.rejected("FIELD_TOO_LONG", field);
            case "idNumber" -> Expected.rejected("ID_FORMAT", field);
            case "surveyedAt" -> Expected.rejected("DATE_FORMAT", field);
            default -> Expected.rejected("CODE_UNKNOWN", field);
        };
        if (field.equals("intendedSchemes")) {
            ArrayNode schemes = result.putArray(field);
            for (int i = 0; i < Math.min(length, 10_000); i++) {
                schemes.add(i % 2 == 0 ? "390" : "999");
            }
            label = "too-long-" + field + "-" + schemes.size() + "-codes";
        } else {
            result.put(field, field.equals("phone") ? "1".repeat(length) : padded(length));
        }
        return rejected(label, result.toString(), resultIdOf(result), expected);
    }

    /** A NUL, another control character or half of a surrogate pair in a text: nothing PostgreSQL keeps as sent. */
    private SurveyPost badCharacters() {
        ObjectNode result = valid();
        String field = pick(random, TEXT_FIELDS);
        String bad = pick(random, "\u0000", "\u0007", "\u001b", "\u007f", "\ud800", "\udfff", "\ud83d");
        String value = result.hasNonNull(field) ? result.get(field).asText() : "x";
        int at = 1 + random.nextInt(Math.max(1, value.length() - 1));
        result.put(field, value.substring(0, at) + bad + value.substring(at));
        if (random.nextInt(4) == 0) {
            field = "intendedSchemes";
            result.putArray(field).add("390").add("3" + bad + "90");
        }
        String label = "char-U+" + String.format("%04X", (int) bad.charAt(0)) + "-in-" + field;
        return rejected(label, result.toString(), resultIdOf(result), Expected.rejected("RECORD_SYNTAX", field));
    }

    /** Bytes that are not UTF-8 inside a text value: JSON is UTF-8 (RFC 8259), so the body is no JSON. */
    private SurveyPost invalidUtf8() {
        ObjectNode result = valid();
        String field = pick(random, TEXT_FIELDS.stream().filter(result::hasNonNull).toList());
        byte[][] choices = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                "张三".getBytes(Charset.forName("GBK")), {(byte) 0x80}};
        byte[] bad = choices[random.nextInt(choices.length)];
        String marker = "\u0001MARK\u0001";
        String value = result.get(field).asText();
        result.put(field, value.substring(0, value.length() / 2) + marker + value.substring(value.length() / 2));
        String text = result.toString().replace("\\u0001MARK\\u0001", marker);
        int cut = text.indexOf(marker);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(bytes(text.substring(0, cut)));
        body.writeBytes(bad);
        body.writeBytes(bytes(text.substring(cut + marker.length())));
        return new SurveyPost("invalid-utf8-" + HexFormat.of().formatHex(bad) + "-in-" + field, false, JSON, body.toByteArray(),
                resultIdOf(result), Expected.rejected("RECORD_SYNTAX", null), null);
    }

    private SurveyPost unknownCode() {
        ObjectNode result = valid();
        String field = pick(random, "outcome", "reason", "intendedSchemes");
        String code = switch (field) {
            case "outcome" -> pick(random, "found_uninsured", "INSURED", "FOUND-UNINSURED", "ENROLLED", "未参保", "0",
                    "FOUND_UNINSURED,REFUSED", "DECEASED\u200B");
            case "reason" -> pick(random, "other", "LAZY", "DEATH", "FOUND_UNINSURED", "其他", "6");
            default -> pick(random, "999", "39", "3900", "", " ", "390 ", "AAE140", "３９０");
        };
        if (field.equals("intendedSchemes")) {
            result.putArray(field).add(pick(random, SCHEMES)).add(code);
        } else {
            result.put(field, code);
        }
        return rejected("unknown-" + field + "-" + code, result.toString(), resultIdOf(result),
                Expected.rejected("CODE_UNKNOWN", field));
    }

    private SurveyPost badIdNumber() {
        ObjectNode result = valid();
        String valid = person(COUNTY, 1950 + random.nextInt(40));
        int kind = random.nextInt(7);
        String[] wrong = switch (kind) {
            case 0 -> new String[] {valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1'), "ID_CHECKSUM"};
            case 1 -> new String[] {withCheck("99" + valid.substring(2, 17)), "ID_PROVINCE"};
            case 2 -> new String[] {withCheck(COUNTY + "2090" + valid.substring(10, 17)), "ID_BIRTHDATE"};
            case 3 -> new String[] {withCheck(COUNTY + "19750230" + valid.substring(14, 17)), "ID_BIRTHDATE"};
            case 4 -> new String[] {valid.substring(0, 17), "ID_FORMAT"};
            case 5 -> new String[] {valid.substring(0, 16), "ID_FORMAT"};
            default -> new String[] {valid.substring(0, 10) + "AB" + valid.substring(12), "ID_FORMAT"};
        };
        result.put("idNumber", wrong[0]);
        return rejected("bad-id-" + wrong[1], result.toString(), resultIdOf(result),
                Expected.rejected(wrong[1], "idNumber"));
    }

    /** Times without offset, impossible, of other calendars' shapes, ahead of the hub's clock, out of any range. */
    private SurveyPost badSurveyedAt() {
        ObjectNode result = valid();
        String at = pick(random, "2017-11-02", "2017-11-02T10:15:00", "2017-11-02 10:15:00+08:00",
                "2017-02-30T10:15:00+08:00", "2017-11-02T25:00:00+08:00", "2017-11-02T10:15:00+25:00",
                "2017-11-02T10:15:00 +08:00", "02/11/2017 10:15", "1509588900", "yesterday", "2017-W44-4T10:15Z",
                "+999999999-12-31T23:59:59+18:00", "-999999999-01-01T00:00:00-18:00", "-0001-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2099-01-01T00:00:00+08:00",
                ISO.format(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0)));
        result.put("surveyedAt", at);
        return rejected("bad-surveyed-at-" + at, result.toString(), resultIdOf(result),
                Expected.rejected("DATE_FORMAT", "surveyedAt"));
    }

    // --- a resultId again, a region, the request itself ---

    /** A taken result's resultId again: unchanged (also in another notation) a duplicate, else a conflict. */
    private SurveyPost resultIdAgain() {
        if (taken.isEmpty()) {
            return validVariant();
        }
        Taken first = pick(random, taken);
        ObjectNode again = first.result().deepCopy();
        boolean asProvince = first.asProvince();
        String resultId = again.get("resultId").asText();
        int kind = random.nextInt(10);
        String field = switch (kind) {
            case 0 -> {
                String outcome = again.get("outcome").asText().strip();
                String other = pick(random, OUTCOMES.stream().filter(o -> !o.equals(outcome)
                        && !o.equals("ENROLLED_ON_SITE")).toList());
                again.put("outcome", other);
                yield "outcome";
            }
            case 1 -> {
                again.put("surveyedAt", ISO.format(OffsetDateTime.parse(again.get("surveyedAt").asText())
                        .minusMinutes(1 + random.nextInt(600))));
                yield "surveyedAt";
            }
            case 2 -> {
                again.put("surveyorId", again.get("surveyorId").asText() + "-b");
                yield "surveyorId";
            }
            case 3 -> {
                again.put("phone", "139" + String.format("%08d", random.nextInt(100_000_000)));
                yield "phone";
            }
            case 4 -> {
                again.put("idNumber", person(COUNTY, 1950 + random.nextInt(20)));
                yield "idNumber";
            }
            case 5 -> {
                again.putArray("intendedSchemes").add("410").add("510").add("110");
                yield "intendedSchemes";
            }
            case 6 -> {
                asProvince = !asProvince;
                yield "resultId";
            }
            default -> null;
        };
        if (field == null) {
            // the same result as sent before, or in another notation of the same time and scheme order
            if (kind == 8) {
                again.put("surveyedAt", ISO.format(OffsetDateTime.parse(again.get("surveyedAt").asText())
                        .withOffsetSameInstant(ZoneOffset.UTC)));
                JsonNode schemes = again.get("intendedSchemes");
                if (schemes != null && schemes.isArray()) {
                    List<JsonNode> reversed = new ArrayList<>();
                    schemes.forEach(scheme -> reversed.add(0, scheme));
                    again.putArray("intendedSchemes").addAll(reversed);
                }
            }
            return new SurveyPost("result-id-again-unchanged" + (kind == 8 ? "-other-notation" : ""), asProvince,
                    JSON, bytes(again.toString()), resultId, Expected.DUPLICATE, null);
        }
        return new SurveyPost("result-id-again-other-" + field, asProvince, JSON, bytes(again.toString()), resultId,
                Expected.conflict(field), null);
    }

    private SurveyPost outsideTheClientsRegions() {
        ObjectNode result = valid();
        result.put("idNumber", pick(random, rosteredElsewhere));
        return rejected("person-outside-the-clients-regions", result.toString(), resultIdOf(result),
                Expected.FORBIDDEN);
    }

    private SurveyPost wrongContentType() {
        String contentType = pick(random, "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "text/json", null);
        ObjectNode result = valid();
        return new SurveyPost("content-type-" + contentType, false, contentType, bytes(result.toString()),
                resultIdOf(result), Expected.UNSUPPORTED_MEDIA_TYPE, null);
    }

    // --- helpers ---

    private SurveyPost rejected(String label, String body, String resultId, Expected expected) {
        return new SurveyPost(label, false, JSON, bytes(body), resultId, expected, null);
    }

    /** The resultId the body carries if it is a string: what the table must not hold afterwards. */
    private static String resultIdOf(ObjectNode result) {
        JsonNode resultId = result.get("resultId");
        return resultId != null && resultId.isTextual() ? resultId.asText() : null;
    }

    /** A valid identity number in the region, born in the year; the sequence makes it unique in practice. */
    private String person(String region, int year) {
        String body = region + year + String.format("%02d%02d%03d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(1000));
        return body + IdentityNumbers.checkCharacter(body);
    }

    private String personWithCheckX() {
        String id;
        do {
            id = person(COUNTY, 1950 + random.nextInt(20));
        } while (id.charAt(17) != 'X');
        return id;
    }

    private static String withCheck(String first17) {
        return first17 + IdentityNumbers.checkCharacter(first17);
    }

    /** A text of exactly this length, unique in the run. */
    private String padded(int length) {
        String unique = "-" + next + "-" + random.nextInt(1_000_000);
        return "r".repeat(Math.max(0, length - unique.length())) + unique;
    }

    /**
     * UTF-8 of a JSON text, a lone surrogate written as its JSON escape: Jackson writes it as it is, and UTF-8 has
     * no bytes for it (the encoder would send '?').
     */
    private static byte[] bytes(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                escaped.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString().getBytes(StandardCharsets.UTF_8);
    }
}
