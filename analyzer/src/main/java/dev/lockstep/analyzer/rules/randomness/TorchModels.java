package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.AnalyzedNotebook;
import dev.lockstep.analyzer.analysis.CallSite;
import dev.lockstep.analyzer.analysis.Definition;
import dev.lockstep.analyzer.facts.values.Bindings;
import dev.lockstep.analyzer.facts.values.Located;
import dev.lockstep.analyzer.facts.values.Values;
import dev.lockstep.analyzer.python.SyntaxNode;
import dev.lockstep.analyzer.semantics.BindingKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a PyTorch notebook draws from the global torch generator: explicit draws
 * ({@code torch.randn}, {@code nn.init.kaiming_uniform_}, {@code w.normal_()}), modules whose
 * weights start random ({@code nn.Linear}, containers holding one, the notebook's own
 * {@code nn.Module} classes whose {@code __init__} builds one, fresh Hugging Face heads,
 * {@code get_peft_model}), and modules with dropout, which draw a mask at every training step.
 *
 * <p>Randomness in a class's {@code __init__} (and the methods it calls through {@code self})
 * happens where the class is instantiated, so it is attributed to the instantiation.
 */
final class TorchModels {

    /** torch functions that draw from the global generator unless given {@code generator=}. */
    static final Set<String> DRAWS = Set.of("torch.rand", "torch.rand_like", "torch.randn", "torch.randn_like",
            "torch.randint", "torch.randint_like", "torch.randperm", "torch.bernoulli", "torch.multinomial",
            "torch.normal", "torch.poisson", "torch.nn.functional.gumbel_softmax");

    /** In-place tensor methods that fill the tensor from the global generator. */
    static final Set<String> IN_PLACE_DRAWS = Set.of("normal_", "uniform_", "bernoulli_", "random_", "exponential_",
            "geometric_", "cauchy_", "log_normal_");

    /** torch.nn.init functions that draw (zeros_, ones_, constant_, eye_, dirac_ do not). */
    static final Set<String> RANDOM_INITS = Set.of("uniform_", "normal_", "trunc_normal_", "xavier_uniform_",
            "xavier_normal_", "kaiming_uniform_", "kaiming_normal_", "orthogonal_", "sparse_", "uniform", "normal",
            "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal", "orthogonal", "sparse");

    /** torch.nn layers whose parameters are initialised randomly (norms, PReLU, pooling are not). */
    static final Set<String> RANDOM_LAYERS = Set.of("Linear", "Bilinear", "LazyLinear", "Conv1d", "Conv2d", "Conv3d",
            "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "LazyConv1d", "LazyConv2d", "LazyConv3d",
            "LazyConvTranspose1d", "LazyConvTranspose2d", "LazyConvTranspose3d", "Embedding", "EmbeddingBag", "RNN",
            "LSTM", "GRU", "RNNCell", "LSTMCell", "GRUCell", "MultiheadAttention", "Transformer",
            "TransformerEncoderLayer", "TransformerDecoderLayer");

    static final Set<String> CONTAINERS = Set.of("Sequential", "ModuleList", "ModuleDict");

    static final Set<String> DROPOUT_LAYERS = Set.of("Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout",
            "FeatureAlphaDropout");

    /** Layers with a dropout argument that defaults to 0.1. */
    static final Set<String> DEFAULT_DROPOUT_LAYERS = Set.of("Transformer", "TransformerEncoderLayer",
            "TransformerDecoderLayer");

    /** Layers with a dropout argument that defaults to 0. */
    static final Set<String> OPTIONAL_DROPOUT_LAYERS = Set.of("RNN", "LSTM", "GRU", "MultiheadAttention");

    static final Set<String> FUNCTIONAL_DROPOUT = Set.of("torch.nn.functional.dropout", "torch.nn.functional.dropout1d",
            "torch.nn.functional.dropout2d", "torch.nn.functional.dropout3d", "torch.nn.functional.alpha_dropout",
            "torch.nn.functional.feature_alpha_dropout", "torch.dropout", "torch.alpha_dropout");

    static final Set<String> PEFT_MODELS = Set.of("peft.get_peft_model", "peft.mapping.get_peft_model",
            "peft.mapping_func.get_peft_model");

    /** Hugging Face model classes (not configs, tokenizers or collators). */
    private static final Pattern HF_MODEL_CLASS = Pattern.compile(
            "(?!TF|Flax|DataCollator)[A-Z][A-Za-z0-9]*(Model|ForCausalLM|ForMaskedLM|For[A-Za-z]*Classification"
                    + "|ForQuestionAnswering|ForMultipleChoice|ForConditionalGeneration|ForPreTraining|ForSeq2SeqLM"
                    + "|LMHeadModel|ForCTC|ForImageSegmentation|ForObjectDetection)");
    /** Hugging Face classes with a task head that from_pretrained adds when the checkpoint has none. */
    private static final Pattern HF_HEAD_CLASS = Pattern.compile(
            "[A-Z][A-Za-z0-9]*(For[A-Za-z]*Classification|ForQuestionAnswering|ForMultipleChoice)");
    private static final Set<String> TORCHVISION_NON_BUILDERS = Set.of("get_model_weights", "get_weight",
            "list_models", "get_model_builder");

    /**
     * Whether the PEFT config given to {@code get_peft_model} initialises deterministically:
     * {@code PromptTuningConfig(prompt_tuning_init=PromptTuningInit.TEXT, ...)}, given directly
     * or through a name bound to it in the notebook.
     */
    private boolean deterministicPeftInit(CallSite call) {
        SyntaxNode config = call.argument(1, "peft_config");
        if (config == null) {
            return false;
        }
        String text = config.text();
        if (config.is("identifier")) {
            StringBuilder bound = new StringBuilder();
            for (var d : notebook.definitionsOf(text)) {
                if (d.node() != null && d.node().parent() != null && d.node().parent().is("assignment")) {
                    SyntaxNode right = d.node().parent().child("right");
                    if (right != null) {
                        bound.append(right.text()).append('\n');
                    }
                }
            }
            text = bound.toString();
        }
        return text.contains("PromptTuningInit.TEXT") || text.matches("(?s).*prompt_tuning_init\\s*=\\s*[\"']TEXT[\"'].*");
    }

    /** A method of a torchvision weights enum ({@code ResNet50_Weights.DEFAULT.transforms()}), not a model builder. */
    private static boolean onWeightsEnum(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        for (int i = 2; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty() && (Character.isUpperCase(parts[i].charAt(0)) || parts[i].contains("_Weights"))) {
                return true;
            }
        }
        return false;
    }

    /** What a value does with dropout. */
    enum Dropout {
        /** No dropout known. */
        NONE,
        /** Dropout that is active after {@code .train()} (a pretrained model loads in eval mode). */
        AFTER_TRAIN_CALL,
        /** Dropout active from construction (modules start in training mode). */
        ACTIVE
    }

    /** A notebook class and its body. */
    private record ClassInfo(String name, AnalyzedCell cell, SyntaxNode node, List<SyntaxNode> initMethods,
            List<String> superclasses) {
    }

    private final AnalyzedNotebook notebook;
    private final Values values;
    private final Map<SyntaxNode, CallSite> callsByNode = new IdentityHashMap<>();
    private final Map<String, ClassInfo> classes = new LinkedHashMap<>();
    /** Notebook classes whose construction initialises weights randomly, with the reason. */
    private final Map<String, String> randomClasses = new LinkedHashMap<>();
    private final Set<String> dropoutClasses = new HashSet<>();
    /** Dropout of calls already worked out (a call being worked out counts as none: no cycles). */
    private final Map<SyntaxNode, Dropout> dropoutOfCalls = new IdentityHashMap<>();
    /** Set once the class tables are complete: from then on call results can be remembered. */
    private boolean indexed;

    private TorchModels(AnalyzedNotebook notebook) {
        this.notebook = notebook;
        this.values = notebook.facts().values();
        for (CallSite call : notebook.calls()) {
            callsByNode.put(call.node(), call);
        }
        indexClasses();
        computeRandomClasses();
        computeDropoutClasses();
        dropoutOfCalls.clear();
        indexed = true;
    }

    static TorchModels of(AnalyzedNotebook notebook) {
        return new TorchModels(notebook);
    }

    Values values() {
        return values;
    }

    CallSite callAt(SyntaxNode node) {
        return callsByNode.get(node);
    }

    // ---- draws ------------------------------------------------------------------------------

    /** What the call draws from the global torch generator ("torch.randn()"), or null. */
    String draw(CallSite call) {
        if (call.hasKeyword("generator") || call.hasStarArgs()) {
            return null;
        }
        String name = call.qualifiedName();
        if (name != null && DRAWS.contains(name)) {
            return name + "()";
        }
        if (name != null && name.startsWith("torch.nn.init.")
                && RANDOM_INITS.contains(name.substring("torch.nn.init.".length()))) {
            return name + "()";
        }
        if (name == null && call.receiver() != null && IN_PLACE_DRAWS.contains(call.methodName())
                && isTorchTensor(call.cell(), call.receiver(), call.receiverOrigin())) {
            return "Tensor." + call.methodName() + "()";
        }
        return null;
    }

    /** Whether a call applies dropout directly ({@code F.dropout(x, p, training=...)} not False). */
    boolean isFunctionalDropout(CallSite call) {
        if (!call.is(FUNCTIONAL_DROPOUT.toArray(String[]::new))) {
            return false;
        }
        SyntaxNode training = call.keyword("training");
        SyntaxNode p = call.argument(1, "p");
        return (training == null || !values.of(call.cell(), training).isFalse())
                && (p == null || !Double.valueOf(0).equals(values.of(call.cell(), p).number()));
    }

    /**
     * Whether the receiver of an in-place method is known to be a torch tensor: made by a torch
     * function, or a module's {@code weight}/{@code bias}/{@code .data}.
     */
    private boolean isTorchTensor(AnalyzedCell cell, SyntaxNode receiver, String receiverOrigin) {
        if (!notebook.imports().imports("torch")) {
            return false;
        }
        for (SyntaxNode n = Bindings.unwrap(receiver); n != null; ) {
            if (n.is("attribute")) {
                SyntaxNode attribute = n.child("attribute");
                if (attribute != null && Set.of("weight", "bias", "data").contains(attribute.text())) {
                    return true;
                }
                n = Bindings.unwrap(n.child("object"));
            } else if (n.is("subscript")) {
                n = Bindings.unwrap(n.child("value"));
            } else {
                break;
            }
        }
        if (receiverOrigin != null) {
            return receiverOrigin.startsWith("torch.");
        }
        Located made = values.bindings().constructingCall(cell, receiver);
        if (made == null) {
            return false;
        }
        CallSite call = callsByNode.get(made.node());
        return call != null && call.qualifiedName() != null && call.qualifiedName().startsWith("torch.");
    }

    // ---- weight initialisation ---------------------------------------------------------------

    /**
     * Why constructing this call initialises weights randomly ("torch.nn.Linear" builds...), or
     * null when it does not.
     */
    String randomConstruction(CallSite call) {
        return randomConstruction(call, 0);
    }

    private String randomConstruction(CallSite call, int depth) {
        if (call == null || depth > 20) {
            return null;
        }
        String name = call.qualifiedName();
        String last = name == null ? null : name.substring(name.lastIndexOf('.') + 1);
        if (name != null && name.startsWith("torch.nn.") && RANDOM_LAYERS.contains(last)) {
            return name + "(...) initialises its weights randomly";
        }
        if (name != null && name.startsWith("torch.nn.") && CONTAINERS.contains(last)) {
            String inner = randomInside(call, depth);
            return inner == null ? null : name + "(...) holds layers whose weights are initialised randomly ("
                    + randomLayer(call, depth) + ")";
        }
        if (name != null && PEFT_MODELS.contains(name)) {
            if (deterministicPeftInit(call)) {
                return null; // prompt tuning initialised from the text of a prompt: no draw
            }
            return name.substring(name.lastIndexOf('.') + 1) + "(...) initialises the adapter weights (LoRA A) randomly";
        }
        if (name != null && name.startsWith("transformers.")) {
            return huggingFaceInit(call, name);
        }
        if (name != null && name.startsWith("torchvision.models.") && Character.isLowerCase(last.charAt(0))
                && !TORCHVISION_NON_BUILDERS.contains(last) && !onWeightsEnum(name) && torchvisionRandom(call, last)) {
            return name + "(...) builds the model with random weights (no weights=)";
        }
        if (name != null && name.equals("timm.create_model")) {
            SyntaxNode pretrained = call.argument(1, "pretrained");
            if (!call.hasStarArgs() && (pretrained == null || values.of(call.cell(), pretrained).isFalse())) {
                return "timm.create_model(...) builds the model with random weights (pretrained=False)";
            }
            return null;
        }
        String className = userClass(call);
        if (className != null && randomClasses.containsKey(className)) {
            return className + "(...) " + randomClasses.get(className);
        }
        return null;
    }

    /**
     * The layer at the root of a random construction: {@code torch.nn.Linear} for a container
     * holding one, the layer named in a notebook class's reason for an instance of it.
     */
    private String randomLayer(CallSite call, int depth) {
        String name = call.qualifiedName();
        String last = name == null ? null : name.substring(name.lastIndexOf('.') + 1);
        if (name != null && name.startsWith("torch.nn.") && CONTAINERS.contains(last) && depth < 20) {
            SyntaxNode arguments = call.node().child("arguments");
            for (SyntaxNode node : arguments == null ? List.<SyntaxNode>of() : arguments.find(n -> n.is("call"))) {
                CallSite inner = callsByNode.get(node);
                if (inner != null && randomConstruction(inner, depth + 1) != null) {
                    return randomLayer(inner, depth + 1);
                }
            }
        }
        String className = userClass(call);
        if (className != null && randomClasses.containsKey(className)) {
            return className;
        }
        return name != null ? name : call.methodName();
    }

    /** A random construction among the calls nested in a call's arguments, or null. */
    private String randomInside(CallSite call, int depth) {
        SyntaxNode arguments = call.node().child("arguments");
        if (arguments == null) {
            return null;
        }
        for (SyntaxNode node : arguments.find(n -> n.is("call"))) {
            String inner = randomConstruction(callsByNode.get(node), depth + 1);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private String huggingFaceInit(CallSite call, String name) {
        String[] parts = name.split("\\.");
        if (parts.length >= 3 && parts[parts.length - 1].equals("from_config")
                && HF_MODEL_CLASS.matcher(parts[parts.length - 2]).matches()) {
            return parts[parts.length - 2] + ".from_config(...) initialises all weights randomly";
        }
        if (parts.length >= 3 && parts[parts.length - 1].equals("from_pretrained")
                && HF_HEAD_CLASS.matcher(parts[parts.length - 2]).matches()) {
            SyntaxNode mismatched = call.keyword("ignore_mismatched_sizes");
            boolean newHead = call.hasKeyword("num_labels") || call.hasKeyword("id2label") || call.hasKeyword("label2id")
                    || (mismatched != null && values.of(call.cell(), mismatched).isTrue());
            return newHead ? parts[parts.length - 2] + ".from_pretrained(..., num_labels=...) initialises a new "
                    + "classification head randomly" : null;
        }
        if (parts.length == 2 && HF_MODEL_CLASS.matcher(parts[1]).matches() && !parts[1].startsWith("Auto")
                && !call.positional().isEmpty()) {
            return parts[1] + "(config) initialises all weights randomly";
        }
        return null;
    }

    private boolean torchvisionRandom(CallSite call, String builder) {
        if (call.hasStarArgs()) {
            return false;
        }
        int namePositional = builder.equals("get_model") ? 1 : 0;
        if (call.positional().size() > namePositional) {
            return false; // resnet18(True): the old positional pretrained flag
        }
        SyntaxNode weights = call.keyword("weights");
        SyntaxNode pretrained = call.keyword("pretrained");
        if (weights != null) {
            return Values.literal(weights).isNone();
        }
        if (pretrained != null) {
            return values.of(call.cell(), pretrained).isFalse();
        }
        return true;
    }

    /** The notebook class a call instantiates ({@code Net(...)}), or null. */
    String userClass(CallSite call) {
        if (call.qualifiedName() != null || call.receiver() != null) {
            return null;
        }
        SyntaxNode callee = call.callee();
        if (callee == null || !callee.is("identifier") || call.cell().semantics().isLocal(callee)) {
            return null;
        }
        return classes.containsKey(callee.text()) ? callee.text() : null;
    }

    /**
     * Whether a call runs as part of constructing a notebook class (in its {@code __init__}, or a
     * method {@code __init__} reaches through {@code self}): its randomness belongs to the
     * instantiation.
     */
    boolean inClassConstruction(CallSite call) {
        ClassInfo info = call.owner() == null ? null : classes.get(call.owner());
        if (info == null || info.cell().index() != call.cell().index()) {
            return false;
        }
        for (SyntaxNode method : info.initMethods()) {
            if (method.contains(call.node())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the call is in any method of a notebook class. */
    boolean inClassMethod(CallSite call) {
        ClassInfo info = call.owner() == null ? null : classes.get(call.owner());
        return info != null && info.node().contains(call.node()) && info.cell().index() == call.cell().index();
    }

    private void indexClasses() {
        for (String name : notebook.definedNames()) {
            for (Definition definition : notebook.definitionsOf(name)) {
                if (definition.kind() != BindingKind.CLASS || definition.node() == null) {
                    continue;
                }
                SyntaxNode classNode = definition.node().parent();
                if (classNode == null || !classNode.is("class_definition")) {
                    continue;
                }
                List<String> superclasses = new ArrayList<>();
                SyntaxNode bases = classNode.child("superclasses");
                if (bases != null) {
                    for (SyntaxNode base : bases.namedChildren()) {
                        if (base.is("identifier")) {
                            superclasses.add(base.text());
                        }
                    }
                }
                // The last definition of a name is the one instantiations use in a top-to-bottom run.
                classes.put(name, new ClassInfo(name, definition.cell(), classNode, initMethods(classNode), superclasses));
            }
        }
    }

    /** {@code __init__} and the methods it reaches through {@code self.name}. */
    private static List<SyntaxNode> initMethods(SyntaxNode classNode) {
        Map<String, SyntaxNode> methods = new LinkedHashMap<>();
        SyntaxNode body = classNode.child("body");
        if (body == null) {
            return List.of();
        }
        for (SyntaxNode statement : body.namedChildren()) {
            SyntaxNode function = statement.is("decorated_definition") ? statement.child("definition") : statement;
            if (function != null && function.is("function_definition") && function.child("name") != null) {
                methods.put(function.child("name").text(), function);
            }
        }
        List<SyntaxNode> result = new ArrayList<>();
        List<String> work = new ArrayList<>(List.of("__init__"));
        Set<String> seen = new HashSet<>();
        while (!work.isEmpty()) {
            String name = work.remove(0);
            SyntaxNode method = methods.get(name);
            if (method == null || !seen.add(name)) {
                continue;
            }
            result.add(method);
            for (SyntaxNode attribute : method.find(n -> n.is("attribute"))) {
                SyntaxNode object = attribute.child("object");
                SyntaxNode member = attribute.child("attribute");
                if (object != null && object.is("identifier") && object.text().equals("self") && member != null
                        && methods.containsKey(member.text())) {
                    work.add(member.text());
                }
            }
        }
        return result;
    }

    private List<CallSite> callsIn(ClassInfo info, List<SyntaxNode> regions) {
        List<CallSite> found = new ArrayList<>();
        for (SyntaxNode region : regions) {
            for (SyntaxNode node : region.find(n -> n.is("call"))) {
                CallSite call = callsByNode.get(node);
                if (call != null && call.cell().index() == info.cell().index()) {
                    found.add(call);
                }
            }
        }
        return found;
    }

    private void computeRandomClasses() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ClassInfo info : classes.values()) {
                if (randomClasses.containsKey(info.name())) {
                    continue;
                }
                String reason = null;
                for (CallSite call : callsIn(info, info.initMethods())) {
                    if (randomConstruction(call) != null) {
                        reason = "builds layers with random weights in __init__ (" + randomLayer(call, 0) + ")";
                        break;
                    }
                    String draw = draw(call);
                    if (draw != null) {
                        reason = "draws random values in __init__ (" + draw + ")";
                        break;
                    }
                }
                for (String base : info.superclasses()) {
                    if (reason == null && randomClasses.containsKey(base)) {
                        reason = "inherits random weight initialisation from " + base;
                    }
                }
                if (reason != null) {
                    randomClasses.put(info.name(), reason);
                    changed = true;
                }
            }
        }
    }

    private void computeDropoutClasses() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ClassInfo info : classes.values()) {
                if (dropoutClasses.contains(info.name())) {
                    continue;
                }
                boolean dropout = info.superclasses().stream().anyMatch(dropoutClasses::contains);
                for (CallSite call : callsIn(info, List.of(info.node()))) {
                    if (dropout) {
                        break;
                    }
                    boolean inInit = info.initMethods().stream().anyMatch(m -> m.contains(call.node()));
                    dropout = isFunctionalDropout(call)
                            || (inInit && dropoutOfCall(call, 0) != Dropout.NONE);
                }
                if (dropout) {
                    dropoutClasses.add(info.name());
                    changed = true;
                }
            }
        }
    }

    // ---- dropout ------------------------------------------------------------------------------

    /** What the value of an expression does with dropout (a model variable, a construction). */
    Dropout dropout(AnalyzedCell cell, SyntaxNode expression) {
        return dropoutOf(cell, expression, 0);
    }

    private Dropout dropoutOf(AnalyzedCell cell, SyntaxNode expression, int depth) {
        SyntaxNode node = Bindings.unwrap(expression);
        if (node == null || depth > 12) {
            return Dropout.NONE;
        }
        if (node.is("identifier")) {
            Located value = values.bindings().assigned(cell, node);
            return value == null ? Dropout.NONE : dropoutOf(value.cell(), value.node(), depth + 1);
        }
        if (node.is("call")) {
            CallSite call = callsByNode.get(node);
            return call == null ? Dropout.NONE : dropoutOfCall(call, depth + 1);
        }
        return Dropout.NONE;
    }

    private Dropout dropoutOfCall(CallSite call, int depth) {
        if (depth > 12) {
            return Dropout.NONE;
        }
        Dropout known = dropoutOfCalls.get(call.node());
        if (known != null) {
            return known;
        }
        dropoutOfCalls.put(call.node(), Dropout.NONE);
        Dropout result = computeDropoutOfCall(call, depth);
        if (indexed) {
            dropoutOfCalls.put(call.node(), result);
        } else {
            dropoutOfCalls.remove(call.node()); // the class tables may still grow
        }
        return result;
    }

    private Dropout computeDropoutOfCall(CallSite call, int depth) {
        SyntaxNode callee = call.callee();
        if (call.qualifiedName() == null && callee != null && callee.is("attribute")
                && Bindings.SAME_OBJECT_METHODS.contains(call.methodName())) {
            return dropoutOf(call.cell(), callee.child("object"), depth + 1);
        }
        String name = call.qualifiedName();
        String last = name == null ? null : name.substring(name.lastIndexOf('.') + 1);
        if (name != null && name.startsWith("torch.nn.")) {
            if (DROPOUT_LAYERS.contains(last)) {
                SyntaxNode p = call.argument(0, "p");
                return p != null && Double.valueOf(0).equals(values.of(call.cell(), p).number()) ? Dropout.NONE
                        : Dropout.ACTIVE;
            }
            if (DEFAULT_DROPOUT_LAYERS.contains(last)) {
                SyntaxNode p = call.keyword("dropout");
                return p != null && Double.valueOf(0).equals(values.of(call.cell(), p).number()) ? Dropout.NONE
                        : Dropout.ACTIVE;
            }
            if (OPTIONAL_DROPOUT_LAYERS.contains(last)) {
                SyntaxNode p = call.keyword("dropout");
                Double value = p == null ? null : values.of(call.cell(), p).number();
                return p != null && (value == null || value > 0) ? Dropout.ACTIVE : Dropout.NONE;
            }
            if (CONTAINERS.contains(last) || last.equals("TransformerEncoder") || last.equals("TransformerDecoder")) {
                return dropoutOfArguments(call, depth);
            }
            return Dropout.NONE;
        }
        if (name != null && name.startsWith("transformers.")) {
            if (name.endsWith(".from_pretrained")) {
                String[] parts = name.split("\\.");
                return parts.length >= 3 && HF_MODEL_CLASS.matcher(parts[parts.length - 2]).matches()
                        ? Dropout.AFTER_TRAIN_CALL : Dropout.NONE;
            }
            return huggingFaceInit(call, name) != null ? Dropout.ACTIVE : Dropout.NONE;
        }
        if (name != null && PEFT_MODELS.contains(name)) {
            SyntaxNode base = call.argument(0, "model");
            return base == null ? Dropout.NONE : dropoutOf(call.cell(), base, depth + 1);
        }
        String className = userClass(call);
        if (className != null) {
            if (dropoutClasses.contains(className)) {
                return Dropout.ACTIVE;
            }
            // A wrapper holds the modules it is given: Wrapper(base, adapter) has their dropout.
            return dropoutOfArguments(call, depth);
        }
        return Dropout.NONE;
    }

    private Dropout dropoutOfArguments(CallSite call, int depth) {
        Dropout result = Dropout.NONE;
        SyntaxNode arguments = call.node().child("arguments");
        if (arguments == null) {
            return result;
        }
        List<SyntaxNode> candidates = arguments.find(n -> n.is("call")
                || (n.is("identifier") && n.parent() != null
                        && !(n.parent().is("keyword_argument") && n.parent().child("name") == n)
                        && !(n.parent().is("attribute") && n.parent().child("attribute") == n)
                        && !(n.parent().is("call") && n.parent().child("function") == n)));
        for (SyntaxNode candidate : candidates) {
            Dropout inner;
            if (candidate.is("call")) {
                CallSite inside = callsByNode.get(candidate);
                inner = inside == null ? Dropout.NONE : dropoutOfCall(inside, depth + 1);
            } else {
                inner = dropoutOf(call.cell(), candidate, depth + 1);
            }
            if (inner.ordinal() > result.ordinal()) {
                result = inner;
            }
        }
        return result;
    }
}
