import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The local Neo4j Community server of skg: the embedded database with only its Bolt connector on.
 *
 * <p>Why embedded instead of the tarball: Maven Central carries the embedded artifacts, so the
 * project can fetch exactly Neo4j 5.26 with the build tool it already needs, without Docker, and
 * pin every security-relevant setting in code instead of in a config file a user might edit.
 *
 * <p>Usage: {@code java SkgNeo4j serve DIR PORT [key=value ...]} where DIR holds {@code password}
 * (written by the Python side, mode 0600), and receives {@code data/}, {@code logs/} and
 * {@code import/}. Keys: {@code pagecache} (bytes, default 256 MiB), {@code tx_timeout_s}
 * (default 120), {@code tx_memory} (bytes, default 512 MiB).
 */
public final class SkgNeo4j {

    private static final long MIB = 1024L * 1024L;

    private SkgNeo4j() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !args[0].equals("serve")) {
            System.err.println("usage: SkgNeo4j serve DIR PORT [pagecache=BYTES tx_timeout_s=N tx_memory=BYTES]");
            System.exit(64);
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        Map<String, String> options = parseOptions(args);
        String password = readPassword(dir.resolve("password"));
        DatabaseManagementService service = build(dir, port, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("skg-neo4j: shutting down");
            service.shutdown();
            System.out.println("skg-neo4j: stopped");
            stopped.countDown();
        }, "skg-neo4j-shutdown"));
        applyPassword(service.database("system"), password, dir.resolve("data").resolve("skg-password.sha256"));
        System.out.println("skg-neo4j: READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> parseOptions(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("option without '=': " + args[i]);
            }
            options.put(pair[0], pair[1]);
        }
        return options;
    }

    private static String readPassword(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.length() < 8) {
            throw new IllegalStateException(file + " holds no usable password (8+ characters needed)");
        }
        return password;
    }

    private static long option(Map<String, String> options, String key, long fallback) {
        String raw = options.get(key);
        return raw == null ? fallback : Long.parseLong(raw);
    }

    /** Every setting that matters for safety is pinned here; nothing is read from a config file. */
    private static DatabaseManagementService build(Path dir, int port, Map<String, String> options)
            throws IOException {
        Path importDir = dir.resolve("import");
        Path pluginDir = dir.resolve("plugins-disabled");
        Files.createDirectories(importDir);
        Files.createDirectories(pluginDir);
        return new DatabaseManagementServiceBuilder(dir)
                .setConfig(GraphDatabaseSettings.data_directory, dir.resolve("data"))
                .setConfig(GraphDatabaseSettings.logs_directory, dir.resolve("logs"))
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                // Bolt otherwise waits 2 x 5 s for connections that are already gone at shutdown.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.plugin_dir, pluginDir)
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of())
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                .setConfig(GraphDatabaseSettings.pagecache_memory, option(options, "pagecache", 256 * MIB))
                .setConfig(GraphDatabaseSettings.transaction_timeout,
                        Duration.ofSeconds(option(options, "tx_timeout_s", 120)))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
                        option(options, "tx_memory", 512 * MIB))
                .build();
    }

    /**
     * Makes the password file the single source of truth: when its content differs from the one
     * applied last (remembered as a SHA-256 next to the databases), set it through the embedded
     * API, which needs no login. Skipping the unchanged case saves the first Cypher query's
     * warm-up (tens of seconds on a busy 2-core machine) on every restart.
     */
    private static void applyPassword(GraphDatabaseService system, String password, Path stamp)
            throws IOException, NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().formatHex(digest);
        if (Files.exists(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(hex)) {
            return;
        }
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            System.out.println("skg-neo4j: password of user neo4j set from the password file");
        } catch (RuntimeException exc) {
            if (!String.valueOf(exc.getMessage()).contains("cannot be the same")) {
                throw exc;
            }
        }
        Files.writeString(stamp, hex + "\n", StandardCharsets.UTF_8);
    }
}
