package dev.lockstep.review;

import dev.lockstep.analyzer.facts.hub.HubLoad;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    /** Order of the hub ids: by id, kind, cell, then revision. */
    private static final Comparator<HubId> HUB_ORDER = Comparator.comparing(HubId::id).thenComparing(HubId::kind)
            .thenComparingInt(HubId::cell).thenComparing(HubId::revision, Comparator.nullsFirst(Comparator.naturalOrder()));

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
     * @param kind     model, tokenizer, dataset... as the rules name the load, or as the lock records it
     * @param revision the commit it is pinned to, or null
     * @param cell     1-based cell, or 0
     */
    public record HubId(String id, String kind, String revision, int cell) {
    }

    /**
     * The inventory of a review. Hub ids come from the lock when there is one (it names every id it
     * resolved), else from extraction.json's {@code hub} array when it has one (what extract recorded
     * from the analyzer's facts for the kept cells), else from the analysed notebook's facts
     * ({@code notebookLoads}, null when no notebook was analysed): never from finding messages.
     */
    static Inventory of(ExtractionRecord extraction, List<HubLoad> notebookLoads, ClosureFiles.Lock lock) {
        List<HubId> hub = new ArrayList<>();
        if (lock != null && lock.file() != null) {
            lock.file().hub().forEach(pin -> hub.add(new HubId(pin.id(), pin.kind(), pin.revision(), 0)));
        } else if (extraction != null && extraction.hubRecorded()) {
            extraction.hub().forEach(l -> hub.add(new HubId(l.id(), l.kind(), l.pinned() ? l.revision() : null, l.cell())));
        } else if (notebookLoads != null) {
            notebookLoads.forEach(l -> hub.add(new HubId(l.id(), l.kind(), l.pinned() ? l.revision() : null, l.cell())));
        }
        List<HubId> sorted = hub.stream().distinct().sorted(HUB_ORDER).toList();
        if (extraction == null) {
            return new Inventory(List.of(), List.of(), List.of(), sorted, List.of());
        }
        return new Inventory(extraction.params(), extraction.inputs(), extraction.outputs(), sorted,
                extraction.requirements());
    }
}
