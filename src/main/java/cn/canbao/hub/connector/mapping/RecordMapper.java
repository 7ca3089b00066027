package cn.canbao.hub.connector.mapping;

import cn.canbao.hub.model.Envelope;
import cn.canbao.hub.model.Operation;
import cn.canbao.hub.model.PersonInsuranceMessage;
import cn.canbao.hub.model.Remark;
import cn.canbao.hub.standard.Check;
import cn.canbao.hub.standard.ErrorCode;
import cn.canbao.hub.standard.Sexes;
import cn.canbao.hub.standard.StorableText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the fields of one source record to the canonical message as a connector descriptor says, checking
 * every value against the national standards; a value that passes with a warning (a region of another province
 * the national list does not know) puts the warning among the record's. An event's record then takes its type's
 * effect ({@link EventEffect}). Compiled once per descriptor; {@link #map} is the hot path.
 */
public final class RecordMapper {

    private static final Logger log = LoggerFactory.getLogger(RecordMapper.class);

    private record CompiledField(Target target, String source, String constant, ValueConverter converter,
                                 boolean required, int maxLength) {
    }

    private final String system;
    private final CompiledField[] fields;
    private final Target[] sourceKey;
    private final OperationRule operationRule;
    private final boolean idNumberRequired;

    /**
     * @param beans the {@link FieldConverter} beans by name, for the fields whose rule names one
     */
    public RecordMapper(String system, MappingSpec spec, Standards standards, Map<String, FieldConverter> beans) {
        this.system = system;
        List<CompiledField> compiled = new ArrayList<>();
        spec.fields().forEach((path, rule) -> compiled.add(compile(path, rule, standards, beans)));
        this.fields = compiled.toArray(CompiledField[]::new);
        this.sourceKey = spec.sourceKey().stream()
                .map(path -> Target.byPath(path).orElseThrow(
                        () -> new DescriptorException("mapping.sourceKey", "unknown canonical field '" + path + "'")))
                .toArray(Target[]::new);
        this.operationRule = spec.operation();
        if (operationRule != null && operationRule.map() != null) {
            operationRule.map().forEach((value, operation) -> operation(operation, "mapping.operation.map." + value));
        }
        CompiledField idField = compiled.stream().filter(f -> f.target() == Target.PERSON_ID_NUMBER).findFirst()
                .orElseThrow(() -> new DescriptorException("mapping.fields.person.idNumber",
                        "every source states the identity number"));
        this.idNumberRequired = idField.required();
    }

    private static CompiledField compile(String path, FieldRule rule, Standards standards,
                                         Map<String, FieldConverter> beans) {
        String at = "mapping.fields." + path;
        Target target = Target.byPath(path)
                .orElseThrow(() -> new DescriptorException(at, "unknown canonical field"));
        if ((rule.from() == null) == (rule.constant() == null)) {
            throw new DescriptorException(at, "give exactly one of 'from' and 'constant'");
        }
        ValueConverter converter = ValueConverters.forRule(at, rule, standards, beans);
        if (rule.constant() != null) {
            Check<?> constant = converter.convert(rule.constant(), new MessageDraft());
            if (!constant.ok()) {
                throw new DescriptorException(at + ".constant", constant.message());
            }
        }
        int maxLength = rule.maxLength() == null ? Integer.MAX_VALUE : rule.maxLength();
        return new CompiledField(target, rule.from(), rule.constant(), converter, rule.isRequired(), maxLength);
    }

    public String system() {
        return system;
    }

    /**
     * The record as a canonical message, or the reasons it is rejected. Never throws: should the hub itself fail on
     * a record's values (a fault of the hub's), the record is rejected as HUB_FAULT — quarantined, reported to its
     * sender, logged as an error for the operators — instead of failing its whole file, event or front-database
     * row again at every delivery, with no receipt ever sent.
     */
    public MappedRecord map(Map<String, String> record, RecordContext context) {
        try {
            return convert(record, context);
        } catch (RuntimeException e) {
            log.error("{} {}: the hub failed on the record's values; rejected as {}", system, context.intakeKey(),
                    ErrorCode.HUB_FAULT, e);
            return new MappedRecord(null, null, List.of(new Remark(ErrorCode.HUB_FAULT.name(), null,
                    "the hub failed on this record (" + e.getClass().getSimpleName()
                            + "); the provincial operators are alerted")));
        }
    }

    private MappedRecord convert(Map<String, String> record, RecordContext context) {
        MessageDraft draft = new MessageDraft();
        List<Remark> errors = new ArrayList<>(0);
        List<Remark> warnings = new ArrayList<>(0);
        EventEffect effect = EventEffect.of(context.eventType());
        for (CompiledField field : fields) {
            String value = field.constant() != null ? field.constant() : trimmed(record.get(field.source()));
            String name = field.source() != null ? field.source() : field.target().path();
            if (value == null) {
                if (field.required() && (effect == null || !effect.supplies(field.target()))) {
                    errors.add(new Remark(ErrorCode.FIELD_MISSING.name(), name, name + " is required and empty"));
                }
                continue;
            }
            if (StorableText.holdsNul(value)) {
                errors.add(new Remark(ErrorCode.RECORD_SYNTAX.name(), name, name + " holds a NUL character (U+0000)"));
                continue;
            }
            if (value.length() > field.maxLength()) {
                errors.add(new Remark(ErrorCode.FIELD_TOO_LONG.name(), name,
                        name + " is " + value.length() + " characters long, at most " + field.maxLength() + " allowed"));
                continue;
            }
            Check<?> check = field.converter().convert(value, draft);
            if (check.ok()) {
                draft.set(field.target(), check.value());
                if (check.warning() != null) {
                    warnings.add(new Remark(check.warning().name(), name, check.message()));
                }
            } else {
                errors.add(new Remark(check.error().name(), name, check.message()));
            }
        }
        if (effect != null) {
            String conflict = effect.applyTo(draft, context.occurredAt().toLocalDate());
            if (conflict != null) {
                errors.add(new Remark(ErrorCode.EVENT_TYPE_CONFLICT.name(),
                        fieldOf(Target.PARTICIPATION_CONTRIBUTION_STATUS), conflict));
            }
        }
        Operation operation = operation(record, context, errors);
        if (!errors.isEmpty()) {
            return new MappedRecord(null, null, errors);
        }
        addWarnings(draft, warnings);
        Envelope envelope = new Envelope(context.intakeKey(), PersonInsuranceMessage.SCHEMA_VERSION, system,
                context.sourceReference(), context.receivedAt(), operation, context.eventType(), context.occurredAt());
        return new MappedRecord(draft.toMessage(envelope, warnings), sourceKey(draft), errors);
    }

    private void addWarnings(MessageDraft draft, List<Remark> warnings) {
        if (draft.idCheck == null) {
            if (!idNumberRequired) {
                warnings.add(new Remark(ErrorCode.ID_NUMBER_ABSENT.name(), fieldOf(Target.PERSON_ID_NUMBER),
                        "no identity number: kept as an unmatched record"));
            }
            return;
        }
        if (draft.idCheck.upgradedFrom15()) {
            warnings.add(new Remark(ErrorCode.ID_UPGRADED_FROM_15.name(), fieldOf(Target.PERSON_ID_NUMBER),
                    "15-digit identity number converted to 18 characters"));
        }
        String sex = draft.text(Target.PERSON_SEX);
        if (sex != null && Sexes.contradicts(sex, draft.idCheck)) {
            warnings.add(new Remark(ErrorCode.SEX_MISMATCH.name(), fieldOf(Target.PERSON_SEX),
                    "sex " + sex + " contradicts the identity number (" + draft.idCheck.sex() + ")"));
        }
    }

    private String fieldOf(Target target) {
        for (CompiledField field : fields) {
            if (field.target() == target) {
                return field.source() != null ? field.source() : target.path();
            }
        }
        return target.path();
    }

    private Operation operation(Map<String, String> record, RecordContext context, List<Remark> errors) {
        if (operationRule == null || operationRule.from() == null) {
            return context.defaultOperation();
        }
        String stated = trimmed(record.get(operationRule.from()));
        if (stated == null) {
            errors.add(new Remark(ErrorCode.FIELD_MISSING.name(), operationRule.from(), "the operation is required"));
            return null;
        }
        String mapped = operationRule.map() == null ? stated : operationRule.map().get(stated);
        if (mapped == null) {
            errors.add(new Remark(ErrorCode.CODE_UNKNOWN.name(), operationRule.from(),
                    "unknown operation '" + stated + "'"));
            return null;
        }
        return operation(mapped, operationRule.from());
    }

    private static Operation operation(String name, String field) {
        try {
            return Operation.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DescriptorException(field, "'" + name + "' is not an operation (ADD, UPDATE, DELETE, SNAPSHOT)");
        }
    }

    private String sourceKey(MessageDraft draft) {
        StringBuilder key = new StringBuilder(40);
        String idNumber = draft.text(Target.PERSON_ID_NUMBER);
        key.append(idNumber == null ? "" : idNumber);
        for (Target target : sourceKey) {
            Object value = draft.get(target);
            key.append('|').append(value == null ? "" : value);
        }
        return key.toString();
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
