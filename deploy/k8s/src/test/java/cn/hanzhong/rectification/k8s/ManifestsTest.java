package cn.hanzhong.rectification.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifests under deploy/k8s parse into the typed models (the fabric8 Kubernetes model and Strimzi's
 * API model) with no field the model does not know; the Deployments' ports, probes and settings agree with
 * what each service reads; the Kafka users are allowed exactly what each service does; no Secret is in
 * them; and each overlay renders the same bytes twice (when kubectl, which embeds Kustomize, is here).
 */
class ManifestsTest {

    private static final Path K8S = Path.of("").toAbsolutePath();
    private static final Path ROOT = K8S.getParent().getParent();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** kind → the typed model it must parse into (CloudNativePG publishes no Java model: checked by hand below). */
    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.of(
            "Namespace", Namespace.class, "ConfigMap", ConfigMap.class, "Deployment", Deployment.class, "Service", Service.class,
            "PodDisruptionBudget", PodDisruptionBudget.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "NetworkPolicy", NetworkPolicy.class, "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class);
    private static final Set<String> CNPG = Set.of("Cluster", "Database", "ScheduledBackup", "Pooler");

    /** What each service writes and reads (the design; the code's TopicHandlers and Outbox topics). */
    private static final Map<String, List<String>> WRITES = Map.of(
            "issues-service", List.of("rectification.issues"),
            "petitions-service", List.of("rectification.petitions"),
            "accountability-service", List.of("rectification.accountability"),
            "notification-service", List.of("rectification.alerts"));
    private static final Map<String, List<String>> READS = Map.of(
            "issues-service", List.of(),
            "petitions-service", List.of("rectification.issues"),
            "accountability-service", List.of("rectification.issues", "rectification.petitions"),
            "notification-service", List.of("rectification.issues", "rectification.petitions", "rectification.accountability"));

    private static List<Path> baseFiles() throws IOException {
        try (Stream<Path> s = Files.walk(K8S.resolve("base"))) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
    }

    /** The documents of a multi-document YAML text, each parsed into its typed model. */
    private static List<HasMetadata> parse(String yaml, String where) {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (doc.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                continue;
            }
            GenericKubernetesResource generic = SERIALIZATION.unmarshal(doc, GenericKubernetesResource.class);
            String kind = generic.getKind();
            assertNotNull(kind, where + ": a document without kind");
            assertFalse("Secret".equals(kind), where + ": Secrets are referenced, never committed");
            if (CNPG.contains(kind)) {
                assertEquals("postgresql.cnpg.io/v1", generic.getApiVersion(), where + " " + kind);
                out.add(generic);
                continue;
            }
            Class<? extends HasMetadata> type = "KafkaUser".equals(kind) ? KafkaUser.class : TYPED.get(kind);
            assertNotNull(type, where + ": no typed model for kind " + kind);
            HasMetadata typed = SERIALIZATION.unmarshal(doc, type);
            List<String> unknown = new ArrayList<>();
            unknownFields(typed, kind + " " + typed.getMetadata().getName(), unknown, new IdentityHashMap<>());
            assertEquals(List.of(), unknown, where + ": fields the model does not know (a typo, or the wrong apiVersion)");
            out.add(typed);
        }
        return out;
    }

    /** Fields the model kept as "additional properties": not part of its schema. */
    private static void unknownFields(Object o, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object v = m.invoke(o);
                if (m.getName().equals("getAdditionalProperties")) {
                    if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    unknownFields(v, path + "." + m.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a computed getter that does not apply here
            }
        }
    }

    private static List<HasMetadata> base() throws IOException {
        List<HasMetadata> all = new ArrayList<>();
        for (Path f : baseFiles()) {
            all.addAll(parse(Files.readString(f), K8S.relativize(f).toString()));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static <T extends HasMetadata> List<T> ofType(List<HasMetadata> all, Class<T> type) {
        return all.stream().filter(type::isInstance).map(r -> (T) r).toList();
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> all, Class<T> type, String name) {
        return ofType(all, type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    /** A service's own properties (application.properties, prod profile) over the platform's defaults. */
    private static Properties config(String service) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve("platform/core/src/main/resources/META-INF/microprofile-config.properties"))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        try (InputStream in = Files.newInputStream(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyManifestParsesIntoItsTypedModelAndReferencesButNeverHoldsSecrets() throws IOException {
        List<HasMetadata> all = base();
        Map<String, Long> kinds = all.stream().collect(Collectors.groupingBy(HasMetadata::getKind, java.util.TreeMap::new, Collectors.counting()));
        System.out.println("[k8s] base: " + all.size() + " resources " + kinds);
        for (Deployment d : ofType(all, Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (e.getName().matches(".*(PASSWORD|SECRET|_KEY|JAAS).*") && !e.getName().endsWith("_KEY_ID")) {
                        assertTrue(e.getValue() == null && e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null,
                                d.getMetadata().getName() + " " + e.getName() + " comes from a Secret");
                    }
                }
            }
        }
        for (ConfigMap cm : ofType(all, ConfigMap.class)) {
            cm.getData().keySet().forEach(k -> assertFalse(k.matches(".*(PASSWORD|SECRET|JAAS).*|.*_KEY$"),
                    cm.getMetadata().getName() + " holds no secret: " + k));
        }
    }

    @Test
    void deploymentsRunAsTheServicesAreConfigured() throws IOException {
        List<HasMetadata> all = base();
        for (String service : WRITES.keySet()) {
            Properties config = config(service);
            int http = Integer.parseInt(config.getProperty("quarkus.http.port"));
            int management = Integer.parseInt(config.getProperty("quarkus.management.port"));
            Deployment d = named(all, Deployment.class, service);
            assertEquals(2, d.getSpec().getReplicas(), service + " runs 2 replicas");
            var pod = d.getSpec().getTemplate().getSpec();
            assertTrue(pod.getSecurityContext().getRunAsNonRoot(), service + " runs as non-root");
            Container c = pod.getContainers().get(0);
            assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem(), service + " has a read-only root filesystem");
            assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation(), service);
            assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")), service + " writes only to /tmp");
            Map<String, Integer> ports = c.getPorts().stream().collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort()));
            assertEquals(Map.of("http", http, "management", management), ports, service + " ports = quarkus.http.port and management port");
            assertProbe(c.getStartupProbe(), "/q/health/started", service);
            assertProbe(c.getReadinessProbe(), "/q/health/ready", service);
            assertProbe(c.getLivenessProbe(), "/q/health/live", service);
            assertNotNull(c.getResources().getRequests().get("memory"), service + " requests memory");
            assertEquals(c.getResources().getRequests().get("memory"), c.getResources().getLimits().get("memory"), service + " memory limit = request");

            Service s = named(all, Service.class, service);
            assertEquals(Set.of(http, management), s.getSpec().getPorts().stream().map(p -> p.getPort()).collect(Collectors.toSet()), service);
            assertEquals(1, named(all, PodDisruptionBudget.class, service).getSpec().getMinAvailable().getIntVal(), service);
            HorizontalPodAutoscaler hpa = named(all, HorizontalPodAutoscaler.class, service);
            assertEquals(service, hpa.getSpec().getScaleTargetRef().getName());
            assertEquals(2, hpa.getSpec().getMinReplicas(), service);
            NetworkPolicy np = named(all, NetworkPolicy.class, service);
            assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(np.getSpec().getPolicyTypes()), service + " default-deny both ways");
            String egress = SERIALIZATION.asJson(np.getSpec().getEgress());
            assertTrue(egress.contains("rectification-pg-pooler") && egress.contains("\"strimzi.io/cluster\":\"rectification\""),
                    service + " reaches its database and Kafka");
            assertEquals(!service.equals("accountability-service"), egress.contains("0.0.0.0/0"),
                    service + ": the internet only where the service calls out (webhooks, the province's list, the object store)");

            // Every setting the service reads without a default is set; every variable set is one the service reads.
            Set<String> set = new TreeSet<>();
            c.getEnv().forEach(e -> set.add(e.getName()));
            c.getEnvFrom().forEach(ref -> set.addAll(named(all, ConfigMap.class, ref.getConfigMapRef().getName()).getData().keySet()));
            Set<String> required = new TreeSet<>(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
            Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(String.join("\n", config.values().stream().map(Object::toString).toList()));
            while (m.find()) {
                required.add(m.group(1));
            }
            assertTrue(set.containsAll(required), service + " lacks " + required.stream().filter(r -> !set.contains(r)).toList());
            String sources = sources(service);
            for (String var : set) {
                assertTrue(reads(var, config, sources), service + " does not read " + var);
            }
        }
    }

    /** Whether {@code var} reaches a property the service reads: a Quarkus/JVM setting, a property of its own, or one its code names. */
    private static boolean reads(String var, Properties config, String sources) {
        if (var.startsWith("QUARKUS_") || var.equals("JAVA_TOOL_OPTIONS")) {
            return true;
        }
        String dotted = var.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        String dashed = dotted.replace('.', '-');
        if (config.stringPropertyNames().stream().anyMatch(k -> k.replace('-', '.').equals(dotted))
                || config.values().stream().anyMatch(v -> v.toString().contains("${" + var))) {
            return true;
        }
        // @ConfigProperty(name = "kafka.sasl.jaas.config") or a @ConfigMapping member (issues.evidence.s3-bucket → s3Bucket)
        if (sources.contains("\"" + dotted + "\"")) {
            return true;
        }
        // a @ConfigMapping(prefix = "issues") member, directly or in one group: evidence() { s3Bucket() }
        String[] parts = dashed.split("-");
        for (int cut = 1; cut < parts.length; cut++) {
            String prefix = String.join(".", java.util.Arrays.copyOfRange(parts, 0, cut));
            if (!sources.contains("prefix = \"" + prefix + "\"")) {
                continue;
            }
            if (sources.contains(" " + camel(java.util.Arrays.copyOfRange(parts, cut, parts.length)) + "()")) {
                return true;
            }
            for (int group = cut + 1; group < parts.length; group++) {
                if (sources.contains(" " + camel(java.util.Arrays.copyOfRange(parts, cut, group)) + "()")
                        && sources.contains(" " + camel(java.util.Arrays.copyOfRange(parts, group, parts.length)) + "()")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String camel(String[] words) {
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }

    /** The Java sources of the service and the platform (where their settings are named). */
    private static String sources(String service) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Path dir : List.of(ROOT.resolve(service + "/src/main/java"), ROOT.resolve("platform/core/src/main/java"))) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                    b.append(Files.readString(p)).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static void assertProbe(Probe probe, String path, String service) {
        assertNotNull(probe, service + " " + path);
        assertEquals(path, probe.getHttpGet().getPath(), service);
        assertEquals("management", probe.getHttpGet().getPort().getStrVal(), service + " probes the management port");
    }

    @Test
    void kafkaHasThreeBrokersTopicsAreReplicatedAndEachServiceMayDoOnlyWhatItDoes() throws IOException {
        List<HasMetadata> all = base();
        KafkaNodePool pool = ofType(all, KafkaNodePool.class).get(0);
        assertEquals(3, pool.getSpec().getReplicas());
        assertTrue(pool.getSpec().getRoles().stream().map(Object::toString).collect(Collectors.toSet())
                .containsAll(Set.of("CONTROLLER", "BROKER")), "KRaft: the nodes are controllers and brokers " + pool.getSpec().getRoles());
        Set<String> topics = new HashSet<>();
        for (KafkaTopic t : ofType(all, KafkaTopic.class)) {
            String name = t.getSpec().getTopicName();
            topics.add(name);
            assertTrue(t.getSpec().getPartitions() >= 6, name + " partitions");
            assertEquals(3, t.getSpec().getReplicas(), name + " replication");
            assertEquals(2, ((Number) t.getSpec().getConfig().get("min.insync.replicas")).intValue(), name + " min.insync.replicas");
            assertNotNull(t.getSpec().getConfig().get("retention.ms"), name + " states its retention");
        }
        Set<String> expected = new HashSet<>(List.of("rectification.issues", "rectification.petitions", "rectification.accountability",
                "rectification.alerts", "rectification.issues.dlq", "rectification.petitions.dlq", "rectification.accountability.dlq"));
        assertEquals(expected, topics);

        for (String service : WRITES.keySet()) {
            KafkaUser user = named(all, KafkaUser.class, service);
            Map<String, Set<String>> topicOps = new LinkedHashMap<>();
            Set<String> groups = new HashSet<>();
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                if (rule.getResource() instanceof AclRuleTopicResource t) {
                    topicOps.computeIfAbsent(t.getName(), k -> new TreeSet<>()).addAll(rule.getOperations().stream()
                            .map(AclOperation::toValue).toList());
                    assertEquals("literal", t.getPatternType().toValue(), service + " topic ACLs name topics exactly");
                } else if (rule.getResource() instanceof AclRuleGroupResource g) {
                    groups.add(g.getName());
                }
            }
            Map<String, Set<String>> allowed = new LinkedHashMap<>();
            WRITES.get(service).forEach(t -> allowed.put(t, new TreeSet<>(Set.of("Write", "Describe"))));
            for (String t : READS.get(service)) {
                allowed.put(t, new TreeSet<>(Set.of("Read", "Describe")));
                allowed.put(t + ".dlq", new TreeSet<>(Set.of("Read", "Write", "Describe")));
            }
            assertEquals(allowed, topicOps, service + ": writes only its own topic, reads only what it consumes");
            assertEquals(READS.get(service).isEmpty() ? Set.of() : Set.of(service), groups, service + ": consumer group = service name");
        }
    }

    @Test
    void postgresIsThreeInstancesOneDatabaseAndRolePerServiceBackedUpNightly() throws IOException {
        List<HasMetadata> all = base();
        GenericKubernetesResource cluster = all.stream().filter(r -> r.getKind().equals("Cluster")).map(GenericKubernetesResource.class::cast)
                .findFirst().orElseThrow();
        Map<String, Object> spec = cluster.get("spec");
        assertEquals(3, ((Number) spec.get("instances")).intValue());
        Set<String> databases = all.stream().filter(r -> r.getKind().equals("Database"))
                .map(r -> (String) ((GenericKubernetesResource) r).<String>get("spec", "name")).collect(Collectors.toSet());
        databases.add(cluster.<String>get("spec", "bootstrap", "initdb", "database"));
        assertEquals(Set.of("issues", "petitions", "accountability", "notifications"), databases);
        List<String> hba = cluster.get("spec", "postgresql", "pg_hba");
        for (String db : databases) {
            assertTrue(hba.contains("hostssl " + db + " " + db + " all scram-sha-256"), "role " + db + " reaches its database");
        }
        assertTrue(hba.get(hba.size() - 1).endsWith("reject"), "and no other: " + hba);
        for (String service : WRITES.keySet()) {
            String url = named(all, ConfigMap.class, service).getData().get("QUARKUS_DATASOURCE_JDBC_URL");
            String db = url.replaceAll(".*/([a-z]+)\\?.*", "$1");
            assertTrue(databases.contains(db), service + " uses its own database: " + url);
        }
        GenericKubernetesResource backup = all.stream().filter(r -> r.getKind().equals("ScheduledBackup"))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        assertEquals(cluster.getMetadata().getName(), backup.get("spec", "cluster", "name"));
        assertNotNull(cluster.get("spec", "backup", "barmanObjectStore", "destinationPath"), "backups go to an object store");
    }

    @Test
    void eachOverlayRendersTheSameTwiceAndParses() throws Exception {
        Assumptions.assumeTrue(kubectl(), "kubectl (which embeds Kustomize) is not on this machine: the overlays were not rendered");
        for (String overlay : List.of("local", "production")) {
            String first = kustomize(overlay);
            assertEquals(first, kustomize(overlay), overlay + " renders deterministically");
            List<HasMetadata> rendered = parse(first, "overlays/" + overlay);
            assertTrue(rendered.stream().filter(r -> !r.getKind().equals("Namespace"))
                    .allMatch(r -> "rectification".equals(r.getMetadata().getNamespace())), overlay + ": everything in the namespace");
            int replicas = overlay.equals("local") ? 1 : 2;
            ofType(rendered, Deployment.class).forEach(d -> assertEquals(replicas, d.getSpec().getReplicas(), overlay + " " + d.getMetadata().getName()));
            System.out.println("[k8s] overlays/" + overlay + ": " + rendered.size() + " resources, sha-256 "
                    + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(first.getBytes(StandardCharsets.UTF_8))).substring(0, 16));
        }
    }

    private static boolean kubectl() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String kustomize(String overlay) throws Exception {
        Process p = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "kubectl kustomize " + overlay + ": " + err);
        return out;
    }
}
