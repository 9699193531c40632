package dev.lockstep.runtime.compare;

import dev.lockstep.jobformat.ComparePolicy;
import dev.lockstep.jobformat.hash.HashManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares a folder output (a {@code save_pretrained} directory) of two runs file by file: each
 * file present in both under the output's policy, and files only one run wrote named as added or
 * missing.
 */
final class FolderComparator {

  /** How many files a verdict names before it says "and N more". */
  private static final int NAMED = 5;

  private FolderComparator() {}

  static OutputVerdict compare(String name, Path baseline, Path candidate, ComparePolicy policy) {
    List<String> baselineFiles;
    List<String> candidateFiles;
    try {
      baselineFiles = HashManifest.files(baseline);
      candidateFiles = HashManifest.files(candidate);
    } catch (IOException e) {
      return OutputVerdict.different(name, "cannot list the folder: " + e.getMessage());
    }
    java.util.Set<String> inBaselineSet = new java.util.HashSet<>(baselineFiles);
    java.util.Set<String> inCandidateSet = new java.util.HashSet<>(candidateFiles);
    TreeSet<String> all = new TreeSet<>(HashManifest.PATH_ORDER);
    all.addAll(baselineFiles);
    all.addAll(candidateFiles);
    List<String> added = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> different = new ArrayList<>();
    List<String> close = new ArrayList<>();
    int identical = 0;
    for (String file : all) {
      boolean inBaseline = inBaselineSet.contains(file);
      boolean inCandidate = inCandidateSet.contains(file);
      if (!inBaseline) {
        added.add(file);
        continue;
      }
      if (!inCandidate) {
        missing.add(file);
        continue;
      }
      OutputVerdict verdict;
      try {
        verdict = OutputComparator.compareFiles(file, baseline.resolve(file), candidate.resolve(file), policy);
      } catch (IOException e) {
        verdict = OutputVerdict.different(file, "cannot read: " + e.getMessage());
      }
      switch (verdict.verdict()) {
        case IDENTICAL -> identical++;
        case WITHIN_TOLERANCE -> close.add(file + " " + verdict.describe());
        case DIFFERENT -> different.add(file + " " + verdict.describe());
      }
    }
    List<String> parts = new ArrayList<>();
    if (!different.isEmpty()) {
      parts.add(different.size() + " of " + all.size() + " files differ: " + named(different));
    }
    if (!missing.isEmpty()) {
      parts.add("missing (only in the baseline): " + named(missing));
    }
    if (!added.isEmpty()) {
      parts.add("added (only in this run): " + named(added));
    }
    if (!parts.isEmpty()) {
      return OutputVerdict.different(name, String.join("; ", parts));
    }
    if (!close.isEmpty()) {
      return OutputVerdict.withinTolerance(name, identical + " of " + all.size() + " files identical, "
          + close.size() + " within tolerance: " + named(close));
    }
    // The manifests differ but every file matches: cannot happen for equal file lists; say so rather than pass.
    return OutputVerdict.different(name, "folder manifests differ but no file differs (" + all.size() + " files)");
  }

  private static String named(List<String> items) {
    List<String> shown = items.subList(0, Math.min(NAMED, items.size()));
    return String.join(", ", shown) + (items.size() > NAMED ? " and " + (items.size() - NAMED) + " more" : "");
  }
}
