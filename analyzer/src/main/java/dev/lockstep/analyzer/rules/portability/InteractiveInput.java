package dev.lockstep.analyzer.rules.portability;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.ipython.Magic;
import dev.lockstep.analyzer.ipython.MagicKind;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;
import java.util.Map;
import java.util.Set;

/**
 * LS502: code that waits for a person: {@code input()}, {@code getpass.getpass}, input widgets
 * and {@code interact}, {@code notebook_login()}, account logins without a credential
 * ({@code huggingface_hub.login()}, {@code !huggingface-cli login}, {@code wandb.login()},
 * {@code kagglehub.login()}), a Gradio {@code launch()}, {@code plt.ginput}, debugger breakpoints, file
 * dialogs, reads of standard input. Display-only widgets (labels, progress bars, layout boxes)
 * do not wait for anyone and are not reported.
 */
@RuleInfo(id = "LS502", name = "interactive-input", category = Category.PORTABILITY,
        severity = Severity.ERROR, remedy = Remedy.BLOCKER,
        summary = "input(), getpass, widgets, notebook_login(): the job cannot run unattended")
public final class InteractiveInput implements Rule {

    /** Calls that block for a person, with what to do instead. */
    private static final Map<String, String> PROMPTS = Map.ofEntries(
            Map.entry("builtins.input", "input() waits for someone to type a value: put the value in a cell or config "
                    + "(extract lifts literals into lockstep.yaml)"),
            Map.entry("getpass.getpass", "getpass() waits for someone to type a secret: read it from an environment "
                    + "variable instead (os.environ[\"NAME\"])"),
            Map.entry("huggingface_hub.notebook_login", "notebook_login() shows a login widget and waits: set HF_TOKEN "
                    + "in the job's environment instead (huggingface_hub reads it)"),
            Map.entry("huggingface_hub.interpreter_login", "interpreter_login() prompts for a token and waits: set "
                    + "HF_TOKEN in the job's environment instead (huggingface_hub reads it)"),
            Map.entry("matplotlib.pyplot.ginput", "ginput() waits for mouse clicks on the figure: put the points in "
                    + "a cell or a data file"),
            Map.entry("matplotlib.pyplot.waitforbuttonpress", "waitforbuttonpress() waits for a click or key press: "
                    + "remove it"),
            Map.entry("builtins.breakpoint", "breakpoint() stops in the debugger and waits for commands: remove it"),
            Map.entry("pdb.set_trace", "pdb.set_trace() stops in the debugger and waits for commands: remove it"),
            Map.entry("ipdb.set_trace", "ipdb.set_trace() stops in the debugger and waits for commands: remove it"),
            Map.entry("IPython.core.debugger.set_trace", "set_trace() stops in the debugger and waits for commands: "
                    + "remove it"),
            Map.entry("IPython.embed", "IPython.embed() opens an interactive shell and waits: remove it"),
            Map.entry("click.prompt", "click.prompt() waits for someone to type a value: put the value in config"),
            Map.entry("click.confirm", "click.confirm() waits for someone to answer: decide in code or config"),
            Map.entry("sys.stdin.read", "reads standard input, which an unattended job does not have: read a file instead"),
            Map.entry("sys.stdin.readline", "reads standard input, which an unattended job does not have: read a file "
                    + "instead"),
            Map.entry("sys.stdin.readlines", "reads standard input, which an unattended job does not have: read a file "
                    + "instead"));

    /** tkinter dialogs ({@code tkinter.filedialog.askopenfilename}, {@code tkinter.simpledialog.askstring}...). */
    private static final Set<String> DIALOG_MODULES = Set.of("tkinter.filedialog.", "tkinter.simpledialog.",
            "tkinter.messagebox.");

    /** ipywidgets functions that build widgets and call back when someone moves them. */
    private static final Set<String> INTERACT = Set.of("interact", "interactive", "interact_manual", "interactive_output");

    /** ipywidgets classes whose value a person sets. */
    private static final Set<String> INPUT_WIDGETS = Set.of("IntSlider", "FloatSlider", "FloatLogSlider",
            "IntRangeSlider", "FloatRangeSlider", "SelectionSlider", "SelectionRangeSlider", "IntText", "FloatText",
            "BoundedIntText", "BoundedFloatText", "Text", "Textarea", "Password", "Combobox", "Dropdown", "Select",
            "SelectMultiple", "RadioButtons", "ToggleButton", "ToggleButtons", "Checkbox", "Button", "FileUpload",
            "DatePicker", "DatetimePicker", "NaiveDatetimePicker", "TimePicker", "ColorPicker", "ColorsInput",
            "TagsInput", "IntsInput", "FloatsInput", "Controller");

    @Override
    public void check(RuleContext context) {
        AnalyzedNotebook notebook = context.notebook();
        for (CallSite call : notebook.calls()) {
            String message = message(call);
            if (message != null) {
                context.report(call.cell(), call.node(), message);
            }
        }
        // Bare decorators (@interact) are not calls; login commands run in the shell.
        for (AnalyzedCell cell : notebook.pythonCells()) {
            for (Magic magic : cell.magics()) {
                String login = shellLogin(magic);
                if (login != null) {
                    context.report(cell, magic, login);
                }
            }
            cell.root().walk(node -> {
                if (!node.is("decorator") || node.namedChildren().isEmpty()) {
                    return;
                }
                SyntaxNode expression = node.namedChildren().get(0);
                String widget = widgetName(notebook.qualify(cell, expression));
                if (widget != null && INTERACT.contains(widget)) {
                    context.report(cell, node, interactMessage(widget));
                }
            });
        }
    }

    /** Account logins that prompt unless given a credential, with what to do instead. */
    private static final Map<String, String> LOGINS = Map.of(
            "huggingface_hub.login", "login() asks for a Hugging Face token and waits when none is given: set HF_TOKEN "
                    + "in the job's environment instead (huggingface_hub reads it)",
            "wandb.login", "wandb.login() asks for an API key and waits unless WANDB_API_KEY is set: set it in the "
                    + "job's environment (or WANDB_MODE=offline) and drop the call",
            "kagglehub.login", "kagglehub.login() shows a login widget and waits: set KAGGLE_USERNAME and KAGGLE_KEY "
                    + "in the job's environment instead");

    /** {@code !huggingface-cli login}, {@code !wandb login} without a credential on the line. */
    private static String shellLogin(Magic magic) {
        if (magic.kind() != MagicKind.SHELL) {
            return null;
        }
        String arguments = magic.arguments().strip();
        if ((magic.name().equals("huggingface-cli") || magic.name().equals("hf")) && arguments.startsWith("auth login")
                || magic.name().equals("huggingface-cli") && arguments.startsWith("login")) {
            return arguments.contains("--token") ? null : "'!" + magic.name() + " login' asks for a token and waits: "
                    + "set HF_TOKEN in the job's environment instead (huggingface_hub reads it)";
        }
        if (magic.name().equals("wandb") && arguments.equals("login")) {
            return "'!wandb login' asks for an API key and waits: set WANDB_API_KEY in the job's environment instead";
        }
        return null;
    }

    private static String message(CallSite call) {
        String name = call.qualifiedName();
        if (name != null && LOGINS.containsKey(name)) {
            boolean credential = !call.positional().isEmpty() || call.hasKeyword("token") || call.hasKeyword("key")
                    || call.hasStarArgs();
            return credential ? null : LOGINS.get(name);
        }
        if ("launch".equals(call.methodName()) && (name == null || name.startsWith("gradio."))
                && (call.receiverOrigin() != null && call.receiverOrigin().startsWith("gradio.")
                        || name != null && name.startsWith("gradio."))) {
            return "launch() starts a Gradio web UI and serves it until someone stops it: a job never gets past it; "
                    + "call the function behind the UI with explicit inputs instead";
        }
        if (name != null) {
            String prompt = PROMPTS.get(name);
            if (prompt != null) {
                return prompt;
            }
            for (String module : DIALOG_MODULES) {
                if (name.startsWith(module) && name.substring(module.length()).startsWith("ask")) {
                    return name.substring(name.lastIndexOf('.') + 1) + "() opens a dialog and waits for a person: put "
                            + "the answer (a path, a value) in config";
                }
            }
            if (name.equals("cv2.waitKey") && waitsForever(call)) {
                return "cv2.waitKey(0) waits for a key press in an OpenCV window: remove it, or pass a timeout";
            }
            String widget = widgetName(name);
            if (widget != null && INTERACT.contains(widget)) {
                return interactMessage(widget);
            }
            if (widget != null && INPUT_WIDGETS.contains(widget)) {
                return "ipywidgets." + widget + " takes its value from whoever uses it, and a job has no one there: "
                        + "put the value in a cell or config";
            }
            return null;
        }
        // fig.ginput(...) on a figure made by matplotlib
        if ("ginput".equals(call.methodName()) && call.receiverOrigin() != null
                && call.receiverOrigin().startsWith("matplotlib.")) {
            return PROMPTS.get("matplotlib.pyplot.ginput");
        }
        return null;
    }

    /** The last name of an ipywidgets object ({@code IntSlider} for {@code ipywidgets.widgets.IntSlider}), or null. */
    private static String widgetName(String qualified) {
        if (qualified == null || !qualified.startsWith("ipywidgets.")) {
            return null;
        }
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static String interactMessage(String function) {
        return "ipywidgets." + function + " builds widgets that call the function when someone moves them: call the "
                + "function with explicit values instead";
    }

    /** {@code cv2.waitKey()} or {@code cv2.waitKey(0)}: no timeout. */
    private static boolean waitsForever(CallSite call) {
        SyntaxNode delay = call.argument(0, "delay");
        return !call.hasStarArgs() && (delay == null || delay.text().strip().equals("0"));
    }
}
