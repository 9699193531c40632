package dev.lockstep.review;

import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.rules.Finding;
import java.util.List;

/**
 * The review of one notebook or one job directory.
 *
 * @param kind         notebook or job
 * @param path         what was reviewed, as the user named it
 * @param sha256       the notebook's sha256, or the job hash; null when unreadable
 * @param error        one line saying why it could not be reviewed, or null
 * @param notebookPath the notebook whose findings are shown (a job's source notebook when found), or null
 * @param notebook     that notebook as analysed (for code excerpts and the graph), or null
 * @param findings     its findings in report order
 * @param job          the job (on disk, or the one extract would write), or null
 * @param replays      replay records named by the user
 * @param graph        the cell graph, or null without a notebook
 * @param items        the nine contract items, in order
 * @param inventory    params, inputs, outputs, hub ids, packages
 * @param notes        review-wide remarks (a job's notebook not found, ...)
 */
public record Review(
        Kind kind,
        String path,
        String sha256,
        String error,
        String notebookPath,
        AnalyzedNotebook notebook,
        List<Finding> findings,
        JobView job,
        List<ClosureFiles.Replay> replays,
        CellGraph graph,
        List<ItemResult> items,
        Inventory inventory,
        List<String> notes) {

    /** What a review is of. */
    public enum Kind {
        NOTEBOOK("notebook"),
        JOB("job");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Review {
        findings = List.copyOf(findings);
        replays = List.copyOf(replays);
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }

    static Review failed(Kind kind, String path, String error) {
        return new Review(kind, path, null, error, null, null, List.of(), null, List.of(), null, List.of(),
                Inventory.EMPTY, List.of());
    }

    public boolean failed() {
        return error != null;
    }

    /** Fail for an unreadable subject; else pass only when every applicable item passes. */
    public Verdict verdict() {
        return failed() ? Verdict.FAIL : Verdict.of(items);
    }

    public long count(ItemStatus status) {
        return items.stream().filter(i -> i.status() == status).count();
    }
}
