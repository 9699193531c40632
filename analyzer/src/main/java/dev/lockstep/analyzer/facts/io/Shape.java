package dev.lockstep.analyzer.facts.io;

import java.util.Locale;

/** What the path argument of an I/O call names. */
public enum Shape {
    /** One file. */
    FILE,
    /** A folder (save_pretrained, ImageFolder, os.listdir). */
    FOLDER,
    /** A glob pattern: its fixed leading folder is what is read. */
    PATTERN;

    static Shape parse(String text) {
        if (text == null) {
            return FILE;
        }
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown shape '" + text + "'"); // not Java's "No enum constant ..."
        }
    }
}
