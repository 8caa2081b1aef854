package cn.hanzhong.rectification.deploy;

import cn.hanzhong.rectification.platform.testing.LocalPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Backups of the local runner that restore: an online physical copy of its PostgreSQL cluster (every
 * service's database at one instant, taken while the system runs) and a copy of the evidence files.
 *
 * <p>The copy is PostgreSQL's own low-level backup: {@code pg_backup_start}, the data directory copied,
 * {@code pg_backup_stop}, its {@code backup_label} written into the copy, and the WAL written meanwhile
 * (kept by a temporary replication slot) copied after it; a server started on the copy replays that WAL
 * and is consistent at the moment the backup stopped. (pg_dump would do, but the machine's pg_dump is
 * older than the embedded server and refuses it.) Kafka is not copied: whatever a service committed and
 * had not yet published is in its outbox, and each consumer's inbox is in its own database.
 *
 * <pre>
 * Backup backup  --data DIR --pg-url jdbc:postgresql://127.0.0.1:PORT --to BACKUP_DIR
 * Backup restore --data DIR --from BACKUP_DIR        (the runner stopped)
 * </pre>
 */
public final class Backup {

    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot",
            "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private Backup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("backup --data DIR --pg-url URL --to DIR | restore --data DIR --from DIR");
        }
        Path data = null;
        Path other = null;
        String url = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--pg-url" -> url = args[++i];
                case "--to", "--from" -> other = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (data == null || other == null) {
            throw new IllegalArgumentException("--data and --to/--from are required");
        }
        switch (args[0]) {
            case "backup" -> {
                if (url == null) {
                    throw new IllegalArgumentException("--pg-url is required (deploy/backup reads it from the runner's infra.env)");
                }
                backup(url, data.resolve("postgres"), data.resolve("evidence"), other);
                System.out.println("backed up to " + other);
            }
            case "restore" -> {
                restore(other, data.resolve("postgres"), data.resolve("evidence"));
                System.out.println("restored from " + other + "; start the runner (deploy/run) to use it");
            }
            default -> throw new IllegalArgumentException("backup or restore, not " + args[0]);
        }
    }

    /** Copies the running cluster in {@code pgData} (reached at {@code jdbcUrl}) and the evidence files into {@code target}. */
    public static void backup(String jdbcUrl, Path pgData, Path evidence, Path target) throws IOException, SQLException {
        if (Files.exists(target) && Files.list(target).findAny().isPresent()) {
            throw new IllegalArgumentException(target + " is not empty");
        }
        Path pgCopy = Files.createDirectories(target.resolve("postgres"));
        try (Connection c = DriverManager.getConnection(jdbcUrl + "/postgres", LocalPostgres.USER, LocalPostgres.USER);
             Statement s = c.createStatement()) {
            String slot = "backup_" + System.currentTimeMillis();
            // The WAL from here on stays until the copy has it.
            s.execute("select pg_create_physical_replication_slot('" + slot + "', true, true)");
            s.execute("select pg_backup_start('rectification " + OffsetDateTime.now() + "', true)");
            copyTree(pgData, pgCopy, true);
            String label;
            String map;
            try (ResultSet r = s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                r.next();
                label = r.getString(1);
                map = r.getString(2);
            }
            Files.writeString(pgCopy.resolve("backup_label"), label);
            if (map != null && !map.isBlank()) {
                Files.writeString(pgCopy.resolve("tablespace_map"), map);
            }
            s.execute("select pg_switch_wal()");
            copyWal(pgData.resolve("pg_wal"), Files.createDirectories(pgCopy.resolve("pg_wal")));
            s.execute("select pg_drop_replication_slot('" + slot + "')");
        }
        for (String dir : SKIPPED) {
            if (!dir.startsWith("postmaster") && !dir.equals("pg_wal")) {
                Files.createDirectories(pgCopy.resolve(dir));
            }
        }
        Files.createDirectories(pgCopy.resolve("pg_wal").resolve("archive_status"));
        if (Files.isDirectory(evidence)) {
            copyTree(evidence, Files.createDirectories(target.resolve("evidence")), false);
        }
        Files.writeString(target.resolve("BACKUP"), "rectification local backup\ntaken " + OffsetDateTime.now() + "\n");
    }

    /**
     * Puts a backup in place of {@code pgData} and {@code evidence} (kept beside as {@code *.before-restore-…});
     * the server must be stopped. Its next start replays the backup's WAL.
     */
    public static void restore(Path backup, Path pgData, Path evidence) throws IOException {
        if (!Files.exists(backup.resolve("BACKUP"))) {
            throw new IllegalArgumentException(backup + " is not a backup of deploy/backup");
        }
        if (Files.exists(pgData.resolve("postmaster.pid"))) {
            throw new IllegalStateException("PostgreSQL is running on " + pgData + ": stop the runner first");
        }
        String stamp = Long.toString(System.currentTimeMillis());
        if (Files.exists(pgData)) {
            Files.move(pgData, pgData.resolveSibling(pgData.getFileName() + ".before-restore-" + stamp));
        }
        copyTree(backup.resolve("postgres"), pgData, false);
        Files.setPosixFilePermissions(pgData, PosixFilePermissions.fromString("rwx------"));
        if (Files.isDirectory(backup.resolve("evidence"))) {
            if (Files.exists(evidence)) {
                Files.move(evidence, evidence.resolveSibling(evidence.getFileName() + ".before-restore-" + stamp));
            }
            copyTree(backup.resolve("evidence"), evidence, false);
        }
    }

    private static void copyTree(Path from, Path to, boolean skipRuntime) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(dir);
                if (skipRuntime && rel.getNameCount() == 1 && SKIPPED.contains(rel.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(rel.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(file);
                if (skipRuntime && rel.getNameCount() == 1 && SKIPPED.contains(rel.toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(rel.toString()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // a file the server removed while copying (a temporary one): the WAL replay does not need it
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyWal(Path wal, Path to) throws IOException {
        try (var files = Files.list(wal)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try {
                    Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // recycled: older than what the slot kept
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
