package dev.lockstep.analyzer.rules;

import java.util.Locale;

/** How serious a finding is; ordered from least to most severe. */
public enum Severity {
    /** Hygiene and portability. */
    INFO,
    /** A reproducibility risk that extract can fix or lift into config. */
    WARNING,
    /** The notebook cannot be reproduced as saved without a human decision. */
    ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "info" -> INFO;
            case "warning" -> WARNING;
            case "error" -> ERROR;
            default -> throw new IllegalArgumentException("unknown severity '" + text + "' (expected info, warning or error)");
        };
    }
}
