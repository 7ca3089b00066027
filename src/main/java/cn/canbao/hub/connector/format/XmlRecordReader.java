package cn.canbao.hub.connector.format;

import cn.canbao.hub.standard.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML exports (MEDICAL, POLICE) read with StAX, one record element at a time. DTDs and entity declarations
 * are refused outright (no XXE, no entity expansion). The text is decoded by the hub in the descriptor's
 * encoding — GBK as GB18030, strictly — whatever the declaration says, so rare characters survive and bad
 * bytes are reported rather than replaced; since XML cannot be resynchronised, they reject the file. UTF-8 text
 * in a GBK file often decodes without error into wrong characters (张三 as 寮犱笁); a record whose text is
 * evidently UTF-8 is rejected alone, as the line-based readers do.
 */
final class XmlRecordReader extends StreamingRecordReader {

    private static final XMLInputFactory FACTORY = secureFactory();

    private final FormatSpec spec;
    private final XMLStreamReader xml;
    private final Reader text;
    private final Map<String, String> fileAttributes;
    private final Utf8Evidence utf8Evidence;

    private XmlRecordReader(FormatSpec spec, XMLStreamReader xml, Reader text, Map<String, String> fileAttributes) {
        this.spec = spec;
        this.xml = xml;
        this.text = text;
        this.fileAttributes = fileAttributes;
        this.utf8Evidence = StandardCharsets.UTF_8.equals(spec.charset()) ? null : new Utf8Evidence();
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    static RecordReader open(FormatSpec spec, InputStream in) throws IOException, FileFormatException {
        PushbackInputStream bytes = new PushbackInputStream(Utf8Bom.skipped(in, spec.charset()), 1);
        int first = bytes.read();
        if (first < 0) {
            throw new FileFormatException(ErrorCode.FILE_EMPTY, "the file is empty");
        }
        bytes.unread(first);
        Reader text = new StrictDecodingReader(bytes, spec.charset());
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(text);
            Map<String, String> attributes = root(spec, xml);
            return new XmlRecordReader(spec, xml, text, attributes);
        } catch (XMLStreamException e) {
            text.close();
            throw malformed(e);
        }
    }

    private static Map<String, String> root(FormatSpec spec, XMLStreamReader xml)
            throws XMLStreamException, FileFormatException {
        int event = nextSignificant(xml);
        if (event != XMLStreamConstants.START_ELEMENT) {
            throw new FileFormatException(ErrorCode.FILE_FORMAT, "the file holds no XML root element");
        }
        String name = xml.getLocalName();
        if (spec.rootElement() != null && !spec.rootElement().equals(name)) {
            throw new FileFormatException(ErrorCode.FILE_FORMAT, "the root element must be <" + spec.rootElement()
                    + ">, found <" + name + ">");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        if (spec.countAttribute() != null) {
            String count = attributes.get(spec.countAttribute());
            if (count == null || !count.strip().matches("\\d{1,12}")) {
                throw new FileFormatException(ErrorCode.FILE_FORMAT, "the root element needs the record count in "
                        + "attribute " + spec.countAttribute() + ", found " + (count == null ? "none" : "'" + count + "'"));
            }
        }
        return attributes;
    }

    @Override
    protected RawRecord readRecord(long number) throws FileFormatException {
        try {
            while (true) {
                int event = nextSignificant(xml);
                if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                    return null;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (spec.recordElement().equals(xml.getLocalName())) {
                        return record(number);
                    }
                    skipElement();
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** Reads one record element: its attributes as {@code @attr}, child elements as fields, their attributes as {@code Child@attr}. */
    private RawRecord record(long number) throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder raw = new StringBuilder("<").append(spec.recordElement());
        long size = 0;
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            fields.put("@" + xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            raw.append(' ').append(xml.getAttributeLocalName(i)).append("=\"").append(xml.getAttributeValue(i)).append('"');
            size += xml.getAttributeValue(i).length();
        }
        raw.append('>');
        boolean tooLong = false;
        while (true) {
            int event = nextSignificant(xml);
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String child = xml.getLocalName();
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                fields.put(child + "@" + xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                size += xml.getAttributeValue(i).length();
            }
            String value = childText();
            size += value.length();
            if (size > spec.maxRecordBytes()) {
                tooLong = true;
            } else {
                fields.put(child, value);
                raw.append('<').append(child).append('>').append(value).append("</").append(child).append('>');
            }
        }
        raw.append("</").append(spec.recordElement()).append('>');
        if (tooLong) {
            return RawRecord.withError(number, raw.toString(), RecordError.ofRecord(ErrorCode.RECORD_SYNTAX,
                    "record " + number + " is longer than " + spec.maxRecordBytes() + " characters"));
        }
        String utf8 = utf8TextOf(raw.toString());
        if (utf8 != null) {
            return RawRecord.withError(number, utf8, RecordError.ofRecord(ErrorCode.RECORD_SYNTAX,
                    "record " + number + " is UTF-8 text; this file must be encoded in " + spec.encoding()));
        }
        return RawRecord.withFields(number, fields, raw.toString());
    }

    /**
     * The record as UTF-8 text when the bytes it was decoded from are evidently UTF-8 rather than the file's
     * encoding, else null. Decoding GB18030 is lossless, so encoding the text again gives those bytes back.
     */
    private String utf8TextOf(String record) {
        if (utf8Evidence == null) {
            return null;
        }
        return utf8Evidence.utf8TextOf(record.getBytes(spec.charset()));
    }

    /** The text of a field element; nested elements inside it are read past. */
    private String childText() throws XMLStreamException {
        StringBuilder value = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = next(xml);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        value.append(xml.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "entity references are refused: &" + xml.getLocalName() + ";", xml.getLocation());
                default -> {
                }
            }
        }
        return value.toString();
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = next(xml);
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The next element or end event; a DTD or an entity reference anywhere refuses the file. */
    private static int nextSignificant(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = next(xml);
            switch (event) {
                case XMLStreamConstants.DTD -> throw new XMLStreamException(
                        "DTD and entity declarations are refused", xml.getLocation());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "entity references are refused: &" + xml.getLocalName() + ";", xml.getLocation());
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                default -> {
                }
            }
        }
        return XMLStreamConstants.END_DOCUMENT;
    }

    /**
     * The parser's next event. On some malformed input the JDK's parser fails with a runtime exception of its own
     * (a DTD holding a character XML forbids: a message key missing from its bundle); that is malformed XML too.
     */
    private static int next(XMLStreamReader xml) throws XMLStreamException {
        try {
            return xml.next();
        } catch (RuntimeException parserFailure) {
            throw new XMLStreamException("the XML parser could not read on (" + parserFailure.getClass().getSimpleName()
                    + ": " + parserFailure.getMessage() + ")", xml.getLocation(), parserFailure);
        }
    }

    private static FileFormatException malformed(XMLStreamException e) {
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        Location at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        if (cause instanceof StrictDecodingReader.InvalidBytesException invalid) {
            // its own position: the parser's lags behind the decoder's
            return new FileFormatException(ErrorCode.FILE_FORMAT, "the file holds " + invalid.getMessage(), e);
        }
        if (cause instanceof CharacterCodingException) {
            return new FileFormatException(ErrorCode.FILE_FORMAT, "the file holds bytes invalid in its encoding"
                    + where, e);
        }
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("\\s+", " ");
        return new FileFormatException(ErrorCode.FILE_FORMAT, "malformed XML" + where + ": "
                + message.replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\] Message: ", ""), e);
    }

    @Override
    protected void verifyEnd(long recordsRead) throws FileFormatException {
        if (spec.countAttribute() != null) {
            verifyCount(Long.parseLong(fileAttributes.get(spec.countAttribute()).strip()), recordsRead,
                    "the " + spec.countAttribute() + " attribute");
        }
    }

    @Override
    public Map<String, String> fileAttributes() {
        return fileAttributes;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            text.close();
        }
    }
}
