package dev.lockstep.analyzer.notebook;

/**
 * The parts of notebook-level metadata that analysis uses. Every field may be null.
 *
 * @param kernelName      {@code kernelspec.name}
 * @param kernelLanguage  {@code kernelspec.language}
 * @param languageName    {@code language_info.name}
 * @param languageVersion {@code language_info.version}
 */
public record NotebookMetadata(
        String kernelName, String kernelLanguage, String languageName, String languageVersion) {

    public static final NotebookMetadata EMPTY = new NotebookMetadata(null, null, null, null);

    /** The language the kernel runs, from language_info or the kernelspec; null when unrecorded. */
    public String language() {
        if (languageName != null && !languageName.isBlank()) {
            return languageName;
        }
        return kernelLanguage;
    }
}
