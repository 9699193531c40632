package dev.lockstep.analyzer.facts.io;

/**
 * One entry of the I/O catalogue.
 *
 * @param call          the qualified function ({@code numpy.save}), or null for a method entry
 * @param method        the method name matched on any object ({@code to_csv}), or null for a function entry
 * @param pathReceiver  for a method entry: only when the receiver is a {@code pathlib} path
 * @param access        what the call does at the place
 * @param shape         what the place is
 * @param position      the positional index of the path argument, -1 when passed by keyword only
 * @param keyword       the keyword of the path argument, or null
 * @param receiver      the receiver itself is the path ({@code Path.write_text})
 * @param modePosition  for calls opened with a mode: its positional index, else -1
 * @param modeKeyword   its keyword, or null when the call has no mode
 * @param modeDefault   the mode when none is passed
 * @param suffix        what the library appends when the path lacks it ({@code .npy}), or null
 * @param revision      the keyword carrying a revision (hub loads), or null
 * @param localOrHub    whether the id may also be a local folder ({@code from_pretrained})
 */
public record IoApi(String call, String method, boolean pathReceiver, Access access, Shape shape, int position,
        String keyword, boolean receiver, int modePosition, String modeKeyword, String modeDefault, String suffix,
        String revision, boolean localOrHub) {

    /** The name shown in messages: {@code numpy.save} or {@code .to_csv()}. */
    public String displayName() {
        return call != null ? call : "." + method + "()";
    }
}
