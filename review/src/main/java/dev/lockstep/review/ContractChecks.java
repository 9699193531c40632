package dev.lockstep.review;

import dev.lockstep.analyzer.history.ExecutionHistory;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.packaging.lock.LockFile;
import dev.lockstep.runtime.compare.OutputVerdict;
import dev.lockstep.runtime.compare.RunComparator;
import dev.lockstep.runtime.compare.RunComparison;
import dev.lockstep.runtime.record.RunRecord;
import dev.lockstep.jobformat.ComparePolicy;
import dev.lockstep.jobformat.InputSpec;
import dev.lockstep.jobformat.JobSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides the nine contract items from the evidence: findings (mapped to items by
 * {@link RuleItems}), extract's blockers and decisions, the job's config, pins, runs, lock and
 * provenance, and replay records. Each item gets pass, fail or not applicable, and the facts that
 * decided it.
 */
final class ContractChecks {

    /**
     * What is known about the subject.
     *
     * @param kind      notebook or job
     * @param findings  the notebook's findings (empty when a job's notebook was not found)
     * @param history   the notebook's execution history, or null
     * @param job       the job (on disk, or planned from the notebook), or null
     * @param jobDir    the job directory on disk, or null
     * @param replays   replay records
     */
    record Subject(Review.Kind kind, List<Finding> findings, ExecutionHistory history, JobView job, Path jobDir,
            List<ClosureFiles.Replay> replays) {
    }

    private final RuleItems table;

    ContractChecks(RuleItems table) {
        this.table = table;
    }

    List<ItemResult> decide(Subject s) {
        Map<ContractItem, List<Evidence>> evidence = new EnumMap<>(ContractItem.class);
        for (ContractItem item : ContractItem.values()) {
            evidence.put(item, new ArrayList<>());
        }
        mapFindingsAndBlockers(s, evidence);
        List<ItemResult> results = new ArrayList<>();
        results.add(data(s, evidence.get(ContractItem.DATA)));
        results.add(revisions(s, evidence.get(ContractItem.REVISIONS)));
        results.add(dependencies(s, evidence.get(ContractItem.DEPENDENCIES)));
        results.add(randomness(s, evidence.get(ContractItem.RANDOMNESS)));
        results.add(hyperparameters(s, evidence.get(ContractItem.HYPERPARAMETERS)));
        results.add(hardware(s, evidence.get(ContractItem.HARDWARE)));
        results.add(cleanRun(s, evidence.get(ContractItem.CLEAN_RUN)));
        results.add(unattended(s, evidence.get(ContractItem.UNATTENDED)));
        results.add(reproduced(s, evidence.get(ContractItem.REPRODUCED)));
        return results;
    }

    private void mapFindingsAndBlockers(Subject s, Map<ContractItem, List<Evidence>> evidence) {
        List<ExtractionRecord.Blocker> blockers = blockers(s);
        for (int i = 0; i < s.findings().size(); i++) {
            Finding f = s.findings().get(i);
            Optional<RuleItems.Row> row = table.row(f.ruleId());
            if (row.isEmpty()) {
                continue;
            }
            RuleItems.Role role = s.kind() == Review.Kind.NOTEBOOK ? row.get().notebook() : row.get().job();
            boolean decides = switch (role) {
                case DECIDES -> true;
                case NOTES -> false;
                case BLOCKER -> blockers.stream().anyMatch(b -> b.rule().equals(f.ruleId())
                        && (b.cell() == f.location().cell() || b.cell() == 0));
            };
            String text = where(f) + " " + f.ruleId() + " " + f.severity().name().toLowerCase(Locale.ROOT) + " "
                    + f.ruleName() + ": " + f.message()
                    + (decides || s.kind() == Review.Kind.NOTEBOOK ? "" : " (extract resolves this in the job)");
            evidence.get(row.get().item()).add(new Evidence(text, decides, null, i, -1));
        }
        for (int i = 0; i < blockers.size(); i++) {
            ExtractionRecord.Blocker b = blockers.get(i);
            ContractItem item = table.row(b.rule()).map(RuleItems.Row::item).orElse(ContractItem.REPRODUCED);
            String where = b.cell() == 0 ? "notebook" : "cell " + b.cell() + (b.line() > 0 ? ":" + b.line() : "");
            String text = "blocker " + b.rule() + " " + where + ": " + b.message() + " -> " + b.decision();
            evidence.get(item).add(new Evidence(text, true, s.job().written() ? JobView.EXTRACTION : null, -1, i));
        }
    }

    private static List<ExtractionRecord.Blocker> blockers(Subject s) {
        return s.job() == null || s.job().extraction() == null ? List.of() : s.job().extraction().blockers();
    }

    private static String where(Finding f) {
        return f.location().cell() == 0 ? "notebook" : "cell " + f.location().cell() + ":" + f.location().line();
    }

    // ---- item 1 --------------------------------------------------------------------------------

    private ItemResult data(Subject s, List<Evidence> e) {
        boolean written = s.job() != null && s.job().written();
        JobSpec spec = s.job() == null ? null : s.job().spec();
        int inputs = 0;
        if (!written && s.job() != null && s.job().extraction() != null) {
            // A bare notebook: it names its data by path only, whatever extract could bind.
            for (ExtractionRecord.Input input : s.job().extraction().inputs()) {
                inputs++;
                e.add(new Evidence("input " + input.name() + ": the notebook reads " + input.original()
                        + (input.remote() ? " from the network" : "") + " by path and pins no content hash"
                        + (input.sha256() == null ? "" : " (extract would record sha256 " + input.sha256() + ")"),
                        true, null, -1, -1));
            }
        } else if (spec != null) {
            for (InputSpec input : spec.inputs().values()) {
                inputs++;
                if (input.sha256().isPresent()) {
                    e.add(Evidence.fact("input " + input.name() + ": " + input.path() + " pinned by sha256 "
                            + input.sha256().get(), JobView.CONFIG));
                } else {
                    e.add(Evidence.failing("input " + input.name() + ": " + input.path()
                            + " has no content hash: bind it with lockstep run --input " + input.name() + "=PATH and"
                            + " record its sha256 in lockstep.yaml", JobView.CONFIG));
                }
            }
            latestSucceeded(s).ifPresent(run -> {
                for (var recorded : run.run().record().inputs().entrySet()) {
                    InputSpec declared = spec.inputs().get(recorded.getKey());
                    boolean same = declared != null && declared.sha256().isPresent()
                            && declared.sha256().get().equals(recorded.getValue().sha256());
                    e.add(same ? Evidence.fact("run " + run.runId() + " read " + recorded.getKey()
                                    + " with the pinned sha256", record(run))
                            : Evidence.failing("run " + run.runId() + " read " + recorded.getKey() + " with sha256 "
                                    + recorded.getValue().sha256() + " (bound by " + recorded.getValue().boundBy()
                                    + "), not the one lockstep.yaml pins", record(run)));
                }
            });
        }
        if (inputs == 0 && e.isEmpty()) {
            return result(ContractItem.DATA, e, "the notebook reads no data file that analysis can see");
        }
        return result(ContractItem.DATA, e, "every input is pinned by sha256 and no filter step is manual");
    }

    // ---- item 2 --------------------------------------------------------------------------------

    private ItemResult revisions(Subject s, List<Evidence> e) {
        ClosureFiles.Lock lock = s.job() == null ? null : s.job().lock();
        if (lock != null && lock.file() != null) {
            for (LockFile.HubPin pin : lock.file().hub()) {
                String what = pin.kind() + " " + pin.id();
                e.add(pin.revision() != null
                        ? Evidence.fact(what + " pinned to " + pin.revision()
                                + (pin.pinnedBy() == null ? "" : " (by " + pin.pinnedBy() + ")"), ClosureFiles.LOCK)
                        : Evidence.failing(what + " is not pinned (asks for '" + pin.requested() + "')", ClosureFiles.LOCK));
            }
        }
        if (e.isEmpty()) {
            return result(ContractItem.REVISIONS, e,
                    "no model, tokenizer or dataset load without a pinned revision was found (rules LS402-LS404)");
        }
        return result(ContractItem.REVISIONS, e, "every model, tokenizer and dataset load is pinned to a revision");
    }

    // ---- item 3 --------------------------------------------------------------------------------

    private ItemResult dependencies(Subject s, List<Evidence> e) {
        JobView job = s.job();
        if (job == null) {
            return result(ContractItem.DEPENDENCIES, e, "");
        }
        Map<String, String> pins = new java.util.TreeMap<>();
        if (job.written() && job.requirements() != null) {
            for (String line : job.requirements()) {
                int eq = line.indexOf("==");
                if (eq > 0) {
                    pins.put(normalise(line.substring(0, eq)), line.substring(eq + 2).strip());
                    e.add(Evidence.fact(line + " pinned", JobView.REQUIREMENTS));
                } else if (line.contains("@") && line.matches(".*@[0-9a-f]{40}.*")) {
                    e.add(Evidence.fact(line + " pinned to a commit", JobView.REQUIREMENTS));
                } else {
                    e.add(Evidence.failing(line + " is not pinned to an exact version", JobView.REQUIREMENTS));
                }
            }
        } else if (job.extraction() != null) {
            for (ExtractionRecord.Requirement r : job.extraction().requirements()) {
                if (r.pinned()) {
                    pins.put(normalise(r.distribution()), r.version());
                    e.add(Evidence.fact(r.distribution() + "==" + r.version() + " pinned", null));
                }
                // unpinned ones are already evidence as LS401 findings and blockers
            }
        }
        if (job.lock() != null) {
            lockEvidence(job, e);
        } else if (job.written()) {
            e.add(Evidence.fact("no lockstep.lock: the interpreter and packages are not locked (lockstep lock "
                    + job.location() + ")", null));
        }
        latestSucceeded(s).ifPresent(run -> {
            RunRecord.Python python = run.run().record().python();
            if (python == null || python.modules() == null) {
                return;
            }
            List<String> used = new ArrayList<>();
            for (var module : python.modules().entrySet()) {
                RunRecord.Module m = module.getValue();
                if (m == null || m.distribution() == null || m.version() == null) {
                    continue;
                }
                used.add(m.distribution() + " " + m.version());
                String pinned = pins.get(normalise(m.distribution()));
                if (pinned != null && !pinned.equals(m.version())) {
                    e.add(Evidence.failing("run " + run.runId() + " used " + m.distribution() + " " + m.version()
                            + ", but the job pins " + pinned, record(run)));
                }
            }
            if (!used.isEmpty()) {
                e.add(Evidence.fact("run " + run.runId() + " used Python " + python.version() + " with "
                        + String.join(", ", used), record(run)));
            }
        });
        if (e.isEmpty()) {
            return result(ContractItem.DEPENDENCIES, e, "the code imports only the standard library");
        }
        return result(ContractItem.DEPENDENCIES, e, "every package is pinned to an exact version");
    }

    private static void lockEvidence(JobView job, List<Evidence> e) {
        ClosureFiles.Lock lock = job.lock();
        if (lock.file() == null) {
            e.add(Evidence.failing("lockstep.lock cannot be read: " + lock.problem(), ClosureFiles.LOCK));
            return;
        }
        LockFile file = lock.file();
        if (file.job() != null && job.jobHash() != null && !job.jobHash().equals(file.job().sha256())) {
            e.add(Evidence.failing("lockstep.lock was made for another version of the job (job hash " + file.job().sha256()
                    + "): lock it again", ClosureFiles.LOCK));
        }
        e.add(Evidence.fact("lockstep.lock pins " + file.packages().size() + " package(s)"
                + (file.python() == null ? "" : " for Python " + file.python().version()) + ": "
                + file.requirements().stream().collect(Collectors.joining(", ")), ClosureFiles.LOCK));
        if (file.imports() != null) {
            for (LockFile.Unresolved u : file.imports().unresolved()) {
                e.add(Evidence.failing("module " + u.module() + " is not resolved to a distribution: " + u.reason(),
                        ClosureFiles.LOCK));
            }
        }
        for (String blocker : file.blockers()) {
            e.add(Evidence.failing("lockstep.lock: " + blocker, ClosureFiles.LOCK));
        }
        e.add(Evidence.fact(file.image() != null && file.image().base() != null ? "base image " + file.image().base()
                : "no base image pinned by digest yet (lockstep.yaml image.base)", ClosureFiles.LOCK));
    }

    private static String normalise(String distribution) {
        return distribution.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
    }

    // ---- item 4 --------------------------------------------------------------------------------

    private ItemResult randomness(Subject s, List<Evidence> e) {
        JobView job = s.job();
        if (job != null && job.written()) {
            if (job.extraction() != null && !job.extraction().determinism()) {
                e.add(Evidence.failing("extracted with --no-determinism: no seeds and no determinism prelude",
                        JobView.EXTRACTION));
            }
            if (job.spec() != null) {
                e.add(Evidence.fact("seed " + job.spec().seed() + "; environment "
                        + (job.spec().environment().isEmpty() ? "none" : job.spec().environment().entrySet().stream()
                                .map(v -> v.getKey() + "=" + v.getValue()).collect(Collectors.joining(", "))),
                        JobView.CONFIG));
                long tolerances = job.spec().outputs().values().stream()
                        .filter(o -> o.compare() instanceof ComparePolicy.Tolerance).count();
                if (tolerances > 0) {
                    e.add(Evidence.fact(tolerances + " output(s) compared within a declared tolerance", JobView.CONFIG));
                }
            }
        }
        return result(ContractItem.RANDOMNESS, e,
                "no unseeded randomness and no unhandled GPU nondeterminism was found (rules LS301-LS312)");
    }

    // ---- item 5 --------------------------------------------------------------------------------

    private ItemResult hyperparameters(Subject s, List<Evidence> e) {
        JobView job = s.job();
        if (job != null && job.written() && job.spec() != null && !job.spec().params().isEmpty()) {
            e.add(Evidence.fact("lockstep.yaml params: " + job.spec().params().entrySet().stream()
                    .map(p -> p.getKey() + "=" + p.getValue().value()).collect(Collectors.joining(", ")), JobView.CONFIG));
            e.add(Evidence.fact(s.jobDir() != null && underGit(s.jobDir())
                    ? "the job is inside a git work tree: its config is versioned with it"
                    : "no .git above the job: commit lockstep.yaml with the job to version it", null));
        }
        if (e.isEmpty()) {
            return result(ContractItem.HYPERPARAMETERS, e, "no hyperparameter literal was found (rule LS509)");
        }
        return result(ContractItem.HYPERPARAMETERS, e, "hyperparameters live in lockstep.yaml, not in literals");
    }

    private static boolean underGit(Path directory) {
        for (Path p = directory.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return true;
            }
        }
        return false;
    }

    // ---- item 6 --------------------------------------------------------------------------------

    private ItemResult hardware(Subject s, List<Evidence> e) {
        JobView job = s.job();
        JobSpec spec = job == null ? null : job.spec();
        String declared = spec == null || spec.hardware().isEmpty() ? null
                : spec.hardware().get().accelerator().yamlName() + " x" + spec.hardware().get().count();
        if (job == null || !job.written()) {
            e.add(0, Evidence.failing("a notebook declares no hardware shape"
                    + (declared == null ? "" : " (extract would declare " + declared + " in lockstep.yaml)"), null));
        } else if (declared == null) {
            e.add(0, Evidence.failing("lockstep.yaml declares no hardware shape", JobView.CONFIG));
        } else {
            e.add(0, Evidence.fact("hardware: " + declared, JobView.CONFIG));
            latestSucceeded(s).ifPresent(run -> {
                RunRecord.Hardware hw = run.run().record().hardware();
                if (hw != null && hw.warnings() != null) {
                    hw.warnings().forEach(w -> e.add(Evidence.failing("run " + run.runId() + ": " + w, record(run))));
                }
            });
        }
        return result(ContractItem.HARDWARE, e, "the hardware shape is declared in lockstep.yaml");
    }

    // ---- item 7 --------------------------------------------------------------------------------

    private ItemResult cleanRun(Subject s, List<Evidence> e) {
        if (s.kind() == Review.Kind.NOTEBOOK && s.history() != null && !s.history().anyExecuted()) {
            e.add(Evidence.fact("no code cell was run in the saved notebook: there are no saved outputs to trust", null));
        }
        JobView job = s.job();
        if (job != null && job.extraction() != null && !job.extraction().orderReason().isEmpty()) {
            e.add(Evidence.fact("extract's order: " + job.extraction().orderReason(),
                    job.written() ? JobView.EXTRACTION : null));
        }
        if (job != null && job.written()) {
            List<JobView.RunEvidence> runs = job.runs();
            if (runs.isEmpty()) {
                e.add(Evidence.fact("not run yet (lockstep run " + job.location() + ")", null));
            } else {
                JobView.RunEvidence last = runs.get(runs.size() - 1);
                if (last.run() == null) {
                    e.add(Evidence.failing(last.problem(), null));
                } else if (last.succeeded()) {
                    e.add(Evidence.fact("run " + last.runId() + " ran pipeline/main.py top to bottom in a fresh process",
                            record(last)));
                } else {
                    RunRecord.Failure failure = last.run().record().failure();
                    e.add(Evidence.failing("the latest run " + last.runId() + " failed"
                            + (failure == null || failure.message() == null ? "" : ": " + failure.message()), record(last)));
                }
            }
        }
        return result(ContractItem.CLEAN_RUN, e, "the code runs top to bottom with no hidden kernel state");
    }

    // ---- item 8 --------------------------------------------------------------------------------

    private ItemResult unattended(Subject s, List<Evidence> e) {
        JobView job = s.job();
        if (job != null && job.written() && job.spec() != null) {
            for (String secret : job.spec().secrets()) {
                e.add(Evidence.fact("secret " + secret + " is read from the caller's environment at run time; no value is stored",
                        JobView.CONFIG));
            }
        }
        return result(ContractItem.UNATTENDED, e,
                "no secret in the code or outputs, no hosted-only API and no interactive step was found");
    }

    // ---- item 9 --------------------------------------------------------------------------------

    private ItemResult reproduced(Subject s, List<Evidence> e) {
        boolean shown = false;
        for (ClosureFiles.Replay replay : s.replays()) {
            if (replay.problem() != null) {
                e.add(Evidence.failing("replay record " + replay.file() + ": " + replay.problem(), replay.file()));
            } else if (replay.passed()) {
                e.add(Evidence.fact("replay " + replay.verdict() + ": " + replay.detail(), replay.file()));
                shown = true;
            } else {
                e.add(Evidence.failing("replay " + replay.verdict() + ": " + replay.detail(), replay.file()));
            }
        }
        JobView job = s.job();
        if (job == null || !job.written()) {
            if (s.replays().isEmpty()) {
                e.add(Evidence.failing("a notebook alone shows no reproduction: extract it, run the job and verify it"
                        + " (lockstep extract, run, verify), or replay it", null));
            }
            return reproducedResult(e, shown);
        }
        e.add(job.hasLauncher()
                ? Evidence.fact("reproduction command: java RunJob.java in " + job.location() + " (or lockstep run "
                        + job.location() + ")", JobView.LAUNCHER)
                : Evidence.failing("no RunJob.java: the job has no reproduction command of its own", null));
        if (job.lock() != null && job.lock().file() != null && job.lock().file().reproduce() != null) {
            e.add(Evidence.fact("lockstep.lock's reproduction command: " + job.lock().file().reproduce(), ClosureFiles.LOCK));
        }
        JobSpec spec = job.spec();
        if (spec == null) {
            e.add(Evidence.failing("lockstep.yaml cannot be read: " + job.specProblem(), JobView.CONFIG));
            return reproducedResult(e, shown);
        }
        if (spec.outputs().isEmpty()) {
            e.add(Evidence.failing("the job declares no outputs: a verify would compare nothing", JobView.CONFIG));
            return reproducedResult(e, shown);
        }
        List<JobView.RunEvidence> current = new ArrayList<>();
        int older = 0;
        for (JobView.RunEvidence run : job.runs()) {
            if (!run.succeeded()) {
                continue;
            }
            if (job.jobHash() != null && job.jobHash().equals(run.run().record().job().sha256())) {
                current.add(run);
            } else {
                older++;
            }
        }
        if (older > 0) {
            e.add(Evidence.fact(older + " successful run(s) of an earlier version of the job (another job hash) are not"
                    + " counted", null));
        }
        if (current.size() < 2) {
            e.add(Evidence.failing(current.size() + " successful run(s) of this version of the job: a verify needs two"
                    + " (lockstep verify " + job.location() + ")", current.isEmpty() ? null : record(current.get(0))));
            return reproducedResult(e, shown);
        }
        JobView.RunEvidence baseline = current.get(current.size() - 2);
        JobView.RunEvidence candidate = current.get(current.size() - 1);
        RunComparison comparison = RunComparator.compare(spec, baseline.run(), candidate.run());
        String runs = "runs " + baseline.runId() + " and " + candidate.runId();
        for (OutputVerdict verdict : comparison.outputs()) {
            String text = "output " + verdict.output() + ": " + verdict.describe() + " (" + runs + ")";
            e.add(verdict.passed() ? Evidence.fact(text, record(candidate)) : Evidence.failing(text, record(candidate)));
        }
        boolean compared = comparison.passed() && !comparison.outputs().isEmpty();
        if (compared) {
            for (JobView.RunEvidence run : List.of(candidate)) {
                ClosureFiles.Provenance p = run.provenance();
                if (p == null) {
                    e.add(Evidence.fact("no provenance.json beside run " + run.runId(), null));
                } else if (p.problem() != null) {
                    e.add(Evidence.failing(p.file() + ": " + p.problem(), p.file()));
                } else {
                    List<String> outputs = run.run().record().outputs().values().stream()
                            .map(RunRecord.Output::sha256).filter(java.util.Objects::nonNull).sorted().toList();
                    e.add(outputs.equals(p.subjects())
                            ? Evidence.fact("provenance (" + p.predicateType() + ") names the run's " + outputs.size()
                                    + " output(s) by sha256", p.file())
                            : Evidence.failing("provenance subjects do not match the run's outputs by sha256", p.file()));
                }
            }
        }
        return reproducedResult(e, shown || compared);
    }

    private static ItemResult reproducedResult(List<Evidence> e, boolean shown) {
        if (!shown && e.stream().noneMatch(Evidence::decides)) {
            e.add(Evidence.failing("no verify or replay showed the outputs again", null));
        }
        return result(ContractItem.REPRODUCED, e,
                "a verify (or replay) showed identical or within-tolerance outputs");
    }

    // ---- shared --------------------------------------------------------------------------------

    private static Optional<JobView.RunEvidence> latestSucceeded(Subject s) {
        if (s.job() == null || !s.job().written()) {
            return Optional.empty();
        }
        List<JobView.RunEvidence> runs = s.job().runs();
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).succeeded()) {
                return Optional.of(runs.get(i));
            }
        }
        return Optional.empty();
    }

    private static String record(JobView.RunEvidence run) {
        return "runs/" + run.runId() + "/record.json";
    }

    /**
     * Fail when any evidence decides; not applicable when there is no evidence at all and the item
     * says so in {@code passSummary}'s place; else pass.
     */
    private static ItemResult result(ContractItem item, List<Evidence> evidence, String passSummary) {
        List<Evidence> ordered = new ArrayList<>(evidence.stream().filter(Evidence::decides).toList());
        ordered.addAll(evidence.stream().filter(x -> !x.decides()).toList());
        long failing = evidence.stream().filter(Evidence::decides).count();
        if (failing > 0) {
            String first = ordered.get(0).text();
            if (first.codePointCount(0, first.length()) > 160) {
                first = first.substring(0, first.offsetByCodePoints(0, 159)) + "\u2026";
            }
            return new ItemResult(item, ItemStatus.FAIL, first + (failing > 1 ? " (and " + (failing - 1) + " more)" : ""),
                    ordered);
        }
        if (evidence.isEmpty() && isNotApplicableWhenEmpty(item)) {
            return new ItemResult(item, ItemStatus.NOT_APPLICABLE, passSummary, ordered);
        }
        return new ItemResult(item, ItemStatus.PASS, passSummary, ordered);
    }

    /** Items that hold only when there is something to pin or lift; the others always apply. */
    private static boolean isNotApplicableWhenEmpty(ContractItem item) {
        return switch (item) {
            case DATA, REVISIONS, DEPENDENCIES, HYPERPARAMETERS -> true;
            default -> false;
        };
    }
}
