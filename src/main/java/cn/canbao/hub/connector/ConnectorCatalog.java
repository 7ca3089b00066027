package cn.canbao.hub.connector;

import cn.canbao.hub.connector.mapping.DescriptorException;
import cn.canbao.hub.connector.mapping.FieldConverter;
import cn.canbao.hub.connector.mapping.RecordMapper;
import cn.canbao.hub.connector.mapping.Standards;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every connector descriptor of the hub, loaded from {@code connectors/*.connector.yaml}, validated against
 * {@code schema/connector-descriptor.json} and compiled. A descriptor that cannot work stops the hub with a
 * message naming the file and the field.
 */
public final class ConnectorCatalog {

    static final String SUFFIX = ".connector.yaml";

    private final Map<String, Connector> bySystem;

    private ConnectorCatalog(Map<String, Connector> bySystem) {
        this.bySystem = bySystem;
    }

    /**
     * @param beans the {@link FieldConverter} beans by name, for field rules that name one
     */
    public static ConnectorCatalog load(Path directory, Standards standards, Map<String, FieldConverter> beans) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidDescriptorException(directory.toString(), "the connectors directory does not exist");
        }
        JsonSchema schema = descriptorSchema();
        ObjectMapper yaml = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Map<String, Connector> bySystem = new LinkedHashMap<>();
        for (Path file : descriptorFiles(directory)) {
            Connector connector = loadOne(file, schema, yaml, standards, beans);
            Connector clash = bySystem.putIfAbsent(connector.system(), connector);
            if (clash != null) {
                throw new InvalidDescriptorException(file.toString(),
                        "system " + connector.system() + " is already described by " + clash.sourceFile());
            }
        }
        return new ConnectorCatalog(bySystem);
    }

    private static List<Path> descriptorFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connector loadOne(Path file, JsonSchema schema, ObjectMapper yaml, Standards standards,
                                     Map<String, FieldConverter> beans) {
        String name = file.toString();
        JsonNode tree;
        try {
            tree = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidDescriptorException(name, "not valid YAML: " + e.getMessage());
        }
        Set<ValidationMessage> problems = schema.validate(tree);
        if (!problems.isEmpty()) {
            throw new InvalidDescriptorException(name, problems.stream().map(ValidationMessage::getMessage)
                    .sorted().collect(Collectors.joining("; ")));
        }
        ConnectorDescriptor descriptor;
        try {
            descriptor = yaml.treeToValue(tree, ConnectorDescriptor.class);
        } catch (JsonProcessingException e) {
            throw new InvalidDescriptorException(name, e.getOriginalMessage());
        }
        String expectedName = descriptor.system().toLowerCase(Locale.ROOT) + SUFFIX;
        if (!file.getFileName().toString().equals(expectedName)) {
            throw new InvalidDescriptorException(name, "system: " + descriptor.system() + " belongs in " + expectedName);
        }
        if (descriptor.transport(TransportKind.SFTP_BATCH_IN).isPresent() && descriptor.format() == null) {
            throw new InvalidDescriptorException(name, "format: a file transport needs a format");
        }
        try {
            return new Connector(descriptor, new RecordMapper(descriptor.system(), descriptor.mapping(), standards, beans), name);
        } catch (DescriptorException e) {
            throw new InvalidDescriptorException(name, e.getMessage());
        }
    }

    private static JsonSchema descriptorSchema() {
        try (InputStream in = ConnectorCatalog.class.getResourceAsStream("/schema/connector-descriptor.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Collection<Connector> all() {
        return bySystem.values();
    }

    public Optional<Connector> find(String system) {
        return Optional.ofNullable(bySystem.get(system));
    }

    public Connector get(String system) {
        return find(system).orElseThrow(() -> new IllegalArgumentException("no connector for system " + system));
    }

    public List<Connector> withTransport(TransportKind kind) {
        List<Connector> found = new ArrayList<>();
        for (Connector connector : bySystem.values()) {
            if (connector.descriptor().transport(kind).isPresent()) {
                found.add(connector);
            }
        }
        return found;
    }
}
