package dev.lockstep.review;

import dev.lockstep.analyzer.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the notebook or job consumes and produces, for the board to read at a glance.
 *
 * @param params   lifted hyperparameters
 * @param inputs   files read
 * @param outputs  files written
 * @param hubIds   Hugging Face Hub ids loaded, each with its pin ("unpinned" or the revision)
 * @param packages distributions, each pinned or not
 */
public record Inventory(List<ExtractionRecord.Param> params, List<ExtractionRecord.Input> inputs,
        List<ExtractionRecord.Output> outputs, List<HubId> hubIds, List<ExtractionRecord.Requirement> packages) {

    public static final Inventory EMPTY = new Inventory(List.of(), List.of(), List.of(), List.of(), List.of());

    /** Rules whose findings name a hub id in quotes. */
    private static final Set<String> HUB_RULES = Set.of("LS402", "LS403", "LS404");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    public Inventory {
        params = List.copyOf(params);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        hubIds = List.copyOf(hubIds);
        packages = List.copyOf(packages);
    }

    /**
     * A hub id and how it is pinned.
     *
     * @param kind     model, tokenizer, dataset... as the finding says, or "pinned" from the lock
     * @param revision the commit it is pinned to, or null
     * @param cell     1-based cell, or 0
     */
    public record HubId(String id, String kind, String revision, int cell) {
    }

    static Inventory of(ExtractionRecord extraction, List<Finding> findings, ClosureFiles.Lock lock) {
        List<HubId> hub = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Finding f : findings) {
            if (!HUB_RULES.contains(f.ruleId())) {
                continue;
            }
            Matcher m = QUOTED.matcher(f.message());
            if (m.find()) {
                String kind = f.message().substring(0, m.start()).strip();
                String key = m.group(1) + "\u0000" + kind + "\u0000" + f.location().cell();
                if (seen.add(key)) {
                    hub.add(new HubId(m.group(1), kind.isEmpty() ? "load" : kind, null, f.location().cell()));
                }
            }
        }
        if (lock != null && lock.file() != null) {
            // The lock names every hub id it resolved: it replaces what the findings quote.
            hub.clear();
            lock.file().hub().forEach(pin -> hub.add(new HubId(pin.id(), pin.kind(), pin.revision(), 0)));
        }
        if (extraction == null) {
            return new Inventory(List.of(), List.of(), List.of(), hub, List.of());
        }
        return new Inventory(extraction.params(), extraction.inputs(), extraction.outputs(), hub,
                extraction.requirements());
    }
}
