package org.csp.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.csp.contracts.EventLimits;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller, one node) in a child JVM, listening on
 * 127.0.0.1. It runs outside the caller's JVM because the services' kafka-clients version differs from the broker's.
 * It takes records up to the platform's record limit ({@link EventLimits#MAX_RECORD_BYTES}), as the topics and the
 * relays' producers do.
 */
public final class LocalKafka implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private LocalKafka(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static LocalKafka start(Path dataDir, int port) {
        int brokerPort = Ports.orFree(port);
        int controllerPort = port == 0 ? Ports.free() : port + 1;
        try {
            Path dir = Files.createDirectories(dataDir.toAbsolutePath());
            Path logDir = dir.resolve("log");
            Path config = dir.resolve("server.properties");
            Files.writeString(config, """
                    node.id=1
                    process.roles=broker,controller
                    listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                    advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                    controller.listener.names=CONTROLLER
                    listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                    controller.quorum.voters=1@127.0.0.1:%2$d
                    log.dirs=%3$s
                    num.partitions=3
                    offsets.topic.replication.factor=1
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    auto.create.topics.enable=false
                    message.max.bytes=%4$d
                    """.formatted(brokerPort, controllerPort, logDir, EventLimits.MAX_RECORD_BYTES));
            Path log4j = dir.resolve("log4j2.properties");
            Files.writeString(log4j, Resources.text("kafka-log4j2.properties"));
            List<String> jvm = List.of(
                    ChildProcess.java(),
                    "-Xmx512m",
                    "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + log4j,
                    "-cp",
                    Resources.kafkaClasspath());
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                ChildProcess format = ChildProcess.start(
                        "kafka-storage-format",
                        concat(
                                jvm,
                                "kafka.tools.StorageTool",
                                "format",
                                "--cluster-id=" + clusterId(),
                                "--config",
                                config.toString()),
                        Map.of(),
                        dir.resolve("format.log"));
                format.await(() -> !format.alive(), Duration.ofMinutes(1), "formatting the log directory");
            }
            ChildProcess broker = ChildProcess.start(
                    "kafka", concat(jvm, "kafka.Kafka", config.toString()), Map.of(), dir.resolve("kafka.log"));
            broker.awaitLog("Kafka Server started", Duration.ofMinutes(2));
            broker.await(() -> Ports.listening(brokerPort), Duration.ofSeconds(30), "port " + brokerPort + " open");
            return new LocalKafka(broker, brokerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start in " + dataDir, e);
        }
    }

    /**
     * The command that runs one of Kafka's own tools (e.g. {@code org.apache.kafka.tools.ProducerPerformance}) in a
     * child JVM on the broker's class path plus {@code extraJars}, so it runs the broker's Kafka version.
     */
    public static List<String> toolCommand(List<Path> extraJars, String mainClass, List<String> arguments) {
        StringBuilder classpath = new StringBuilder(Resources.kafkaClasspath());
        extraJars.forEach(jar -> classpath.append(java.io.File.pathSeparator).append(jar.toAbsolutePath()));
        List<String> command = new java.util.ArrayList<>(
                List.of(ChildProcess.java(), "-Xmx512m", "-cp", classpath.toString(), mainClass));
        command.addAll(arguments);
        return command;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.stop();
    }

    /** A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (it may start with "-": pass it as --cluster-id=…). */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static List<String> concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail))
                .toList();
    }
}
