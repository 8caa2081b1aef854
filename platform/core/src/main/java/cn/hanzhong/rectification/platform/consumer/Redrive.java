package cn.hanzhong.rectification.platform.consumer;

import cn.hanzhong.rectification.platform.errors.ServiceUnavailableException;
import cn.hanzhong.rectification.platform.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-drives the dead letters this consumer group left, once their cause is fixed: reads each
 * {@code <topic>.dlq} from where the last re-drive stopped to its current end, applies the records
 * put there by this group through the same path as live events (so an event already applied is a
 * duplicate and changes nothing), and dead-letters again what still cannot be applied.
 */
@ApplicationScoped
public class Redrive {

    /** What a re-drive did. */
    public record Result(int examined, int otherConsumers, int applied, int duplicates, int ignored, int deadLetteredAgain) {
    }

    private final EventConsumer consumer;
    private final KafkaClients kafka;

    public Redrive(EventConsumer consumer, KafkaClients kafka) {
        this.consumer = consumer;
        this.kafka = kafka;
    }

    public synchronized Result run() {
        if (!consumer.consumes()) {
            return new Result(0, 0, 0, 0, 0, 0);
        }
        String group = consumer.group() + ".redrive";
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(kafka.consumer(group, group, 200))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : consumer.topics()) {
                List<PartitionInfo> infos = c.partitionsFor(topic + DeadLetters.SUFFIX, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return new Result(0, 0, 0, 0, 0, 0);
            }
            c.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = c.committed(Set.copyOf(partitions), Duration.ofSeconds(10));
            Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(10));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata at = committed.get(tp);
                if (at != null) {
                    c.seek(tp, at.offset());
                } else {
                    c.seekToBeginning(List.of(tp));
                }
            }
            int examined = 0;
            int others = 0;
            EventConsumer.Outcome total = new EventConsumer.Outcome(0, 0, 0, 0);
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofSeconds(1))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.get(tp)) {
                        continue; // written after this re-drive began (e.g. by it)
                    }
                    examined++;
                    String by = DeadLetters.header(r, DeadLetters.CONSUMER);
                    if (by == null || by.equals(consumer.group())) {
                        String original = DeadLetters.header(r, DeadLetters.TOPIC);
                        String topic = original != null ? original
                                : r.topic().substring(0, r.topic().length() - DeadLetters.SUFFIX.length());
                        String redrives = DeadLetters.header(r, DeadLetters.REDRIVES);
                        int count = redrives == null || redrives.isBlank() ? 1 : Integer.parseInt(redrives) + 1;
                        try {
                            total = total.plus(consumer.process(List.of(new EventConsumer.Delivery(r, topic, count))));
                        } catch (EventConsumer.TransientFailure e) {
                            c.commitSync(done);
                            throw new ServiceUnavailableException("A transient failure stopped the re-drive after "
                                    + examined + " records; run it again when it has passed: " + e.getMessage());
                        }
                    } else {
                        others++;
                    }
                    done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                }
                c.commitSync(done);
            }
            return new Result(examined, others, total.applied(), total.duplicates(), total.ignored(), total.deadLettered());
        }
    }
}
