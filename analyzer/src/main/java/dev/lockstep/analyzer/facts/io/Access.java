package dev.lockstep.analyzer.facts.io;

import java.util.Locale;

/** What an I/O call does with the place its argument names. */
public enum Access {
    READ, WRITE, LIST, DOWNLOAD, HUB_LOAD, HUB_PUSH, MKDIR, DELETE;

    static Access parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown access '" + text + "'"); // not Java's "No enum constant ..."
        }
    }

    /** Whether the call changes the file system at that place. */
    public boolean changesFiles() {
        return this == WRITE || this == MKDIR || this == DELETE;
    }

    /** Whether the call takes what is at that place as input. */
    public boolean readsFiles() {
        return this == READ || this == LIST;
    }
}
