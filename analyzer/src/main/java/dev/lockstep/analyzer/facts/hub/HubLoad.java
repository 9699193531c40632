package dev.lockstep.analyzer.facts.hub;

import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.facts.dependencies.RevisionKind;

/**
 * One load from a Hugging Face Hub repository: what LS402, LS403 and LS404 check, what extract
 * records in extraction.json's {@code hub} array, and what the review board lists.
 *
 * @param call            the call
 * @param kind            what it loads, as the rules name it: "model", "tokenizer", "processor",
 *                        "config", "pipeline", "pipeline model", "adapter", "scheduler", "metric",
 *                        "file", "snapshot", "dataset"
 * @param id              the repository id, as the value evaluator reads the argument
 * @param repository      the kind of repository it is fetched from
 * @param revision        the {@code revision=} as written (its evaluated string), or null when none
 *                        is given ({@code None} included) or it is computed at run time
 * @param pin             what {@code revision=} names; {@link RevisionKind#UNKNOWN} when computed
 *                        at run time or possibly passed through {@code **kwargs}
 * @param codeRevision    the {@code code_revision=} as written, or null
 * @param codePin         what {@code code_revision=} names, as for {@code pin}
 * @param trustRemoteCode whether it passes {@code trust_remote_code=True}
 */
public record HubLoad(CallSite call, String kind, String id, Repository repository, String revision, RevisionKind pin,
        String codeRevision, RevisionKind codePin, boolean trustRemoteCode) {

    /** The kind of Hub repository, which also names its folder in the Hub cache ({@code models--org--name}). */
    public enum Repository {
        MODEL, DATASET;

        public String jsonName() {
            return this == MODEL ? "model" : "dataset";
        }
    }

    /** Whether {@code revision=} is a full commit hash: the load fetches the same files forever. */
    public boolean pinned() {
        return pin == RevisionKind.FULL_COMMIT;
    }

    /** The 1-based cell number. */
    public int cell() {
        return call.cell().number();
    }

    /** The 1-based line in the cell. */
    public int line() {
        return call.position().line();
    }
}
