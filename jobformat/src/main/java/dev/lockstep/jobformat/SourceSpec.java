package dev.lockstep.jobformat;

/** The notebook the job was extracted from: its file name (for humans) and its bytes' sha256. */
public record SourceSpec(String notebook, String sha256) {}
