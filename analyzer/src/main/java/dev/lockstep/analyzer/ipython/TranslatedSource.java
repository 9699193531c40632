package dev.lockstep.analyzer.ipython;

import java.util.List;
import java.util.Optional;

/**
 * A cell's source with IPython syntax turned into plain Python.
 *
 * @param python     parseable Python with the same number of lines as the cell
 * @param sourceMap  translated positions back to the cell's own
 * @param magics     every escape found, in source order
 */
public record TranslatedSource(String python, SourceMap sourceMap, List<Magic> magics) {

    public TranslatedSource {
        magics = List.copyOf(magics);
    }

    /** The cell magic on the first line, if any. */
    public Optional<Magic> cellMagic() {
        return magics.stream().filter(m -> m.kind() == MagicKind.CELL_MAGIC).findFirst();
    }
}
