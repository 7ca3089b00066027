package cn.canbao.hub.reliability.fuzz;

import static cn.canbao.hub.reliability.fuzz.TextFile.pick;

import cn.canbao.hub.reliability.fuzz.FileMutation.Mutated;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XML oddities (spec §4.3, §4.7): DTDs and entities (which must be refused), deep nesting, unclosed elements, wrong
 * roots, CDATA, namespaces, count attributes, declarations.
 */
final class XmlMutations {

    private static final Pattern ROOT = Pattern.compile("<([A-Za-z]+)([^>]*)>");
    private static final Pattern COUNT = Pattern.compile("count=\"[^\"]*\"");
    private static final Pattern TEXT_ELEMENT = Pattern.compile("<([A-Za-z]+)>([^<]*)</\\1>");

    static final List<FileMutation> ALL = List.of(
            XmlMutations::doctype, XmlMutations::deepNesting, XmlMutations::unclosed, XmlMutations::wrongRoot,
            XmlMutations::cdata, XmlMutations::namespaces, XmlMutations::countAttribute, XmlMutations::declaration,
            XmlMutations::references, XmlMutations::structure);

    private XmlMutations() {
    }

    /** Internal and external entities, billion laughs, external DTDs, parameter entities, XInclude. */
    static Mutated doctype(byte[] data, FileSource source, Random random) {
        String text = text(data, source);
        String root = rootName(text);
        int kind = random.nextInt(6);
        String doctype = switch (kind) {
            case 0 -> "<!DOCTYPE " + root + " [<!ENTITY name \"张三\">]>";
            case 1 -> "<!DOCTYPE " + root + " [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>";
            case 2 -> "<!DOCTYPE " + root + " [" + laughs() + "]>";
            case 3 -> "<!DOCTYPE " + root + " SYSTEM \"http://127.0.0.1:9/canbao.dtd\">";
            case 4 -> "<!DOCTYPE " + root + " [<!ENTITY % remote SYSTEM \"file:///etc/hostname\"> %remote;]>";
            default -> "<!DOCTYPE " + root + ">";
        };
        String reference = switch (kind) {
            case 0 -> "&name;";
            case 1 -> "&secret;";
            case 2 -> "&lol9;";
            default -> "";
        };
        String changed = afterDeclaration(text, doctype + "\n");
        if (!reference.isEmpty()) {
            changed = replaceFirstText(changed, reference);
        }
        if (random.nextInt(5) == 0) {
            changed = changed.replaceFirst("(<" + Pattern.quote(root) + "[^>]*>)", "$1"
                    + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\"/>");
        }
        return new Mutated(bytes(changed, source), "doctype-" + kind);
    }

    static Mutated deepNesting(byte[] data, FileSource source, Random random) {
        String text = text(data, source);
        int depth = pick(random, 100, 1_000, 10_000, 200_000);
        boolean closed = random.nextBoolean();
        String nest = "<a>".repeat(depth) + "x" + (closed ? "</a>".repeat(depth) : "");
        String record = source.recordElement();
        int at = random.nextBoolean() && text.contains("<" + record) ? text.indexOf(">", text.indexOf("<" + record)) + 1
                : Math.max(0, text.indexOf(">", text.indexOf("<" + rootName(text))) + 1);
        return new Mutated(bytes(text.substring(0, at) + nest + text.substring(at), source),
                "nesting-" + depth + (closed ? "" : "-unclosed"));
    }

    static Mutated unclosed(byte[] data, FileSource source, Random random) {
        String text = text(data, source);
        Matcher closing = Pattern.compile("</[A-Za-z]+>").matcher(text);
        List<int[]> tags = closing.results().map(m -> new int[] {m.start(), m.end()}).toList();
        if (tags.isEmpty()) {
            return new Mutated(bytes(text + "<" + source.recordElement() + ">", source), "unclosed-at-end");
        }
        int[] tag = pick(random, tags);
        return new Mutated(bytes(text.substring(0, tag[0]) + text.substring(tag[1]), source), "unclosed@" + tag[0]);
    }

    static Mutated wrongRoot(byte[] data, FileSource source, Random random) {
        String text = text(data, source);
        String root = rootName(text);
        String other = pick(random, "Export", root.toLowerCase(), "PopulationExchange", "MedicalInsuranceExport",
                source.recordElement());
        boolean both = random.nextBoolean();
        String changed = text.replaceFirst("<" + Pattern.quote(root) + "\\b", "<" + other);
        if (both) {
            changed = changed.replace("</" + root + ">", "</" + other + ">");
        }
        return new Mutated(bytes(changed, source), "root-" + other + (both ? "" : "-open-only"));
    }

    static Mutated cdata(byte[] data, FileSource source, Random random) {
        String text = text(data, source);
        Matcher element = TEXT_ELEMENT.matcher(text);
        List<TextSpan> values = element.results().map(m -> new TextSpan(m.start(2), m.end(2), m.group(2)))
                .toList();
        if (values.isEmpty()) {
            return unclosed(data, source, random);
        }
        TextSpan value = pick(random, values);
        String replacement = pick(random, "<![CDATA[" + value.text() + "]]>", "<![CDATA[" + value.text(),
                "<![CDATA[]]>" + value.text(), "<![CDATA[<x>]]>", "<![CDATA[" + value.text() + "]]]]><![CDATA[>]]>");
        return new Mutated(bytes(text.substring(0, value.start()) + replacement + text.substring(value.end()), source),
                "cdata");
    }

    static Mutated namespaces(byte[] data, FileSource source, Random random) {
        String text = text(data, source);
        String root = rootName(text);
        String record = source.recordElement();
        String changed = switch (random.nextInt(4)) {
            case 0 -> text.replaceFirst("<" + root + "\\b", "<" + root + " xmlns=\"urn:canbao:fuzz\"");
            case 1 -> text.replaceFirst("<" + root + "\\b", "<" + root + " xmlns:p=\"urn:canbao:fuzz\"")
                    .replace("<" + record, "<p:" + record).replace("</" + record, "</p:" + record);
            case 2 -> text.replace("<" + record, "<undeclared:" + record).replace("</" + record, "</undeclared:" + record);
            default -> text.replaceFirst("<" + root + "\\b", "<p:" + root + " xmlns:p=\"urn:canbao:fuzz\"")
                    .replace("</" + root + ">", "</p:" + root + ">");
        };
        return new Mutated(bytes(changed, source), "namespaces");
    }

    static Mutated countAttribute(byte[] data, FileSource source, Random random) {
        String text = text(data, source);
        String count = pick(random, "", "count=\"\"", "count=\"-1\"", "count=\"abc\"", "count=\"99999999999999999999\"",
                "count=\"2147483648\"", "count=\" 1 \"", "count=\"1\" count=\"2\"", "count=\"" + random.nextInt(50) + "\"",
                "count=\"１\"", "count='0'", "COUNT=\"1\"");
        return new Mutated(bytes(COUNT.matcher(text).replaceFirst(Matcher.quoteReplacement(count)), source),
                "count-attribute-" + (count.isEmpty() ? "missing" : count));
    }

    static Mutated declaration(byte[] data, FileSource source, Random random) {
        String text = text(data, source);
        String body = text.replaceFirst("^\uFEFF?<\\?xml[^>]*\\?>\\s*", "");
        String declaration = pick(random, "", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<?xml version=\"1.0\" encoding=\"GBK\"?>\n", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n", "<?xml version=\"1.0\" encoding=\"EBCDIC-XYZ\"?>\n",
                "<?xml version=\"1.1\"?>\n", "<?xml version=\"2.0\"?>\n", "  <?xml version=\"1.0\"?>\n",
                "<?xml version=\"1.0\"?><?xml version=\"1.0\"?>\n", "<?xml version=\"1.0\" standalone=\"no\"?>\n");
        return new Mutated(bytes(declaration + body, source), "declaration-" + declaration.strip());
    }

    static Mutated references(byte[] data, FileSource source, Random random) {
        String text = text(data, source);
        String reference = pick(random, "&amp;", "&#0;", "&#x0;", "&#xD800;", "&#x1F600;", "&#x2003E;", "&nbsp;", "&",
                "&lt;", "&#99999999;", "&#x110000;", "<", "]]>", "\u0000", "\u0001", "\uFFFE");
        return new Mutated(bytes(replaceFirstText(text, reference), source), "reference-" + HeaderMutations.escape(reference));
    }

    /** Two roots, text after the root, a record inside a record, duplicated or unknown attributes, comments, PIs. */
    static Mutated structure(byte[] data, FileSource source, Random random) {
        String text = text(data, source);
        String record = source.recordElement();
        String root = rootName(text);
        int kind = random.nextInt(7);
        String changed = switch (kind) {
            case 0 -> text + "\n<" + root + " count=\"0\"></" + root + ">";
            case 1 -> text + "\ntrailing text";
            case 2 -> text.replaceFirst("(<" + record + "[^>]*>)", "$1<" + record + "><X>1</X></" + record + ">");
            case 3 -> text.replaceFirst("<" + record + "\\b", "<" + record + " op=\"ADD\" op=\"DELETE\"");
            case 4 -> text.replaceFirst("<" + record + "\\b", "<" + record + " op=\"" + pick(random, "MERGE", "", "add",
                    "DELETE ") + "\"");
            case 5 -> replaceFirstText(text, "张<!-- comment -->三<?pi data?>");
            default -> text.replaceFirst("</" + root + ">", "");
        };
        return new Mutated(bytes(changed, source), "structure-" + kind);
    }

    private record TextSpan(int start, int end, String text) {
    }

    private static String laughs() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return entities.toString();
    }

    private static String rootName(String text) {
        Matcher root = ROOT.matcher(text.replaceFirst("^\uFEFF?\\s*<\\?xml[^>]*\\?>", ""));
        while (root.find()) {
            if (!root.group(1).isEmpty()) {
                return root.group(1);
            }
        }
        return "Root";
    }

    private static String afterDeclaration(String text, String inserted) {
        Matcher declaration = Pattern.compile("^\uFEFF?\\s*<\\?xml[^>]*\\?>\\s*").matcher(text);
        int at = declaration.find() ? declaration.end() : 0;
        return text.substring(0, at) + inserted + text.substring(at);
    }

    /** Puts a text in place of the first element's text content. */
    private static String replaceFirstText(String text, String replacement) {
        Matcher element = TEXT_ELEMENT.matcher(text);
        if (!element.find()) {
            return text + replacement;
        }
        return text.substring(0, element.start(2)) + replacement + text.substring(element.end(2));
    }

    private static String text(byte[] data, FileSource source) {
        return TextFile.decode(data, source.charset());
    }

    private static byte[] bytes(String text, FileSource source) {
        return TextFile.encode(text, source.charset());
    }
}
