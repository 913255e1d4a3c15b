package dev.strata.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Every measurement of a run, by case, N and tool, and their medians. */
final class Samples {
    private record Key(BenchCase benchCase, int size, String tool) {
    }

    private final Map<Key, List<Measurement>> measurements = new HashMap<>();
    private final Map<Integer, List<Duration>> scaling = new HashMap<>();

    void add(BenchCase benchCase, int size, String tool, Measurement measurement) {
        measurements.computeIfAbsent(new Key(benchCase, size, tool), key -> new ArrayList<>()).add(measurement);
    }

    void addScaling(int size, Duration validate) {
        scaling.computeIfAbsent(size, key -> new ArrayList<>()).add(validate);
    }

    int count(BenchCase benchCase, int size, String tool) {
        return measurements.getOrDefault(new Key(benchCase, size, tool), List.of()).size();
    }

    Optional<Duration> medianTime(BenchCase benchCase, int size, String tool) {
        List<Measurement> list = measurements.get(new Key(benchCase, size, tool));
        if (list == null || list.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(median(list.stream().mapToLong(m -> m.elapsed().toNanos()).toArray())));
    }

    /** Median peak RSS in kilobytes, when measured. */
    OptionalLong medianRssKb(BenchCase benchCase, int size, String tool) {
        List<Measurement> list = measurements.get(new Key(benchCase, size, tool));
        if (list == null || list.isEmpty() || list.get(0).peakRssKb().isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(median(list.stream().mapToLong(m -> m.peakRssKb().orElseThrow()).toArray()));
    }

    Optional<Duration> medianScaling(int size) {
        List<Duration> list = scaling.get(size);
        return list == null || list.isEmpty() ? Optional.empty()
                : Optional.of(Duration.ofNanos(median(list.stream().mapToLong(Duration::toNanos).toArray())));
    }

    int scalingCount(int size) {
        return scaling.getOrDefault(size, List.of()).size();
    }

    /** The middle value; the mean of the two middle ones for an even count. */
    static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
