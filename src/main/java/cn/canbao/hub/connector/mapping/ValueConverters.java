package cn.canbao.hub.connector.mapping;

import cn.canbao.hub.model.IdNumberOrigin;
import cn.canbao.hub.standard.Check;
import cn.canbao.hub.standard.CodeTable;
import cn.canbao.hub.standard.DatePattern;
import cn.canbao.hub.standard.Dates;
import cn.canbao.hub.standard.IdentityNumbers;
import cn.canbao.hub.standard.Names;
import cn.canbao.hub.standard.Sexes;
import java.util.Map;

/** Builds the converter a field rule asks for; a rule that names an unknown table or pattern is refused here. */
final class ValueConverters {

    private ValueConverters() {
    }

    static ValueConverter forRule(String path, FieldRule rule, Standards standards,
                                  Map<String, FieldConverter> beans) {
        ValueConverter typed = typed(path, rule, standards);
        if (rule.bean() == null) {
            return typed;
        }
        FieldConverter bean = beans.get(rule.bean());
        if (bean == null) {
            throw new DescriptorException(path + ".bean", "no FieldConverter bean named '" + rule.bean()
                    + "'; known: " + beans.keySet().stream().sorted().toList());
        }
        return (value, draft) -> {
            Check<String> converted = bean.convert(value);
            return converted.ok() ? typed.convert(converted.value(), draft) : converted;
        };
    }

    private static ValueConverter typed(String path, FieldRule rule, Standards standards) {
        return switch (rule.typeOrText()) {
            case TEXT -> (value, draft) -> Check.ok(value);
            case ID_NUMBER -> idNumber(standards.identityNumbers());
            case NAME -> (value, draft) -> {
                draft.nameAsGiven = value;
                return Check.ok(Names.normalise(value).normalised());
            };
            case SEX -> translated(rule.map(), Sexes::fromAnyForm);
            case CODE -> translated(rule.map(), codeTable(path, rule, standards)::check);
            case REGION -> (value, draft) -> standards.regionCodes().check(value);
            case DATE -> {
                DatePattern pattern = pattern(path, rule);
                yield (value, draft) -> Dates.date(value, pattern);
            }
            case MONTH -> {
                DatePattern pattern = pattern(path, rule);
                yield (value, draft) -> Dates.month(value, pattern);
            }
        };
    }

    private static ValueConverter idNumber(IdentityNumbers identityNumbers) {
        return (value, draft) -> {
            draft.idNumberAsGiven = value;
            var check = identityNumbers.check(value);
            if (!check.ok()) {
                return Check.fail(check.error(), check.message());
            }
            draft.idCheck = check;
            draft.idNumberOrigin = check.upgradedFrom15() ? IdNumberOrigin.UPGRADED_FROM_15 : IdNumberOrigin.AS_GIVEN;
            return Check.ok(check.idNumber());
        };
    }

    private interface CodeCheck {
        Check<String> check(String value);
    }

    private static ValueConverter translated(Map<String, String> sourceToCanonical, CodeCheck check) {
        if (sourceToCanonical == null || sourceToCanonical.isEmpty()) {
            return (value, draft) -> check.check(value);
        }
        return (value, draft) -> check.check(sourceToCanonical.getOrDefault(value, value));
    }

    private static CodeTable codeTable(String path, FieldRule rule, Standards standards) {
        if (rule.table() == null) {
            throw new DescriptorException(path + ".table", "a code field names its code table");
        }
        if (!standards.codeTables().names().contains(rule.table())) {
            throw new DescriptorException(path + ".table", "unknown code table '" + rule.table()
                    + "'; known: " + standards.codeTables().names());
        }
        CodeTable table = standards.codeTables().table(rule.table());
        if (rule.map() != null) {
            rule.map().forEach((source, canonical) -> {
                if (!table.contains(canonical)) {
                    throw new DescriptorException(path + ".map." + source,
                            "maps to '" + canonical + "', which is not in code table " + rule.table());
                }
            });
        }
        return table;
    }

    private static DatePattern pattern(String path, FieldRule rule) {
        if (rule.pattern() == null) {
            throw new DescriptorException(path + ".pattern", "a date or month field names its pattern");
        }
        try {
            return DatePattern.ofPattern(rule.pattern());
        } catch (IllegalArgumentException e) {
            throw new DescriptorException(path + ".pattern", e.getMessage());
        }
    }
}
