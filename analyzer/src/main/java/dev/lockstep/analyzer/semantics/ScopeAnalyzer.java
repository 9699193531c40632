package dev.lockstep.analyzer.semantics;

import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes a cell's module-level bindings and reads by Python's scoping rules: function bodies,
 * lambdas, classes and comprehensions have scopes of their own; {@code global}/{@code nonlocal}
 * redirect bindings; a walrus in a comprehension binds in the enclosing scope; the first
 * iterable of a comprehension is evaluated outside it; class bodies run at once but are not
 * visible to their methods; default values, decorators and annotations run at definition time.
 *
 * <p>Reads inside a function body are collected into that function's {@link FunctionSummary}
 * instead of the cell's reads: they happen where the function is called.
 */
public final class ScopeAnalyzer {

    private static final Set<String> COMPREHENSIONS =
            Set.of("list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression");

    public CellSemantics analyze(SyntaxNode module) {
        return new Walk().run(module);
    }

    private enum ScopeKind { MODULE, FUNCTION, CLASS, COMPREHENSION }

    /** One scope during the walk. */
    private static final class Scope {
        final ScopeKind kind;
        final Scope parent;
        final Set<String> bound = new HashSet<>();
        final Set<String> globals = new HashSet<>();
        final Set<String> nonlocals = new HashSet<>();
        /** The module-level function/class whose body this is, or null when it runs with the cell. */
        final String owner;

        Scope(ScopeKind kind, Scope parent, String owner) {
            this.kind = kind;
            this.parent = parent;
            this.owner = owner;
        }
    }

    /** State of one analysis. */
    private static final class Walk {
        private final List<Binding> bindings = new ArrayList<>();
        private final List<NameRead> reads = new ArrayList<>();
        private final Map<String, SummaryBuilder> summaries = new LinkedHashMap<>();
        private final List<ImportBinding> imports = new ArrayList<>();
        private final Set<SyntaxNode> locals = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Map<SyntaxNode, String> owners = new IdentityHashMap<>();
        private boolean dynamicNamespace;
        private int statement;
        private int nameErrorGuards;

        CellSemantics run(SyntaxNode module) {
            Scope scope = new Scope(ScopeKind.MODULE, null, null);
            List<SyntaxNode> statements = module.namedChildren();
            for (int i = 0; i < statements.size(); i++) {
                statement = i;
                visit(statements.get(i), scope);
            }
            Map<String, FunctionSummary> functions = new LinkedHashMap<>();
            summaries.forEach((name, b) -> functions.put(name, b.build()));
            return new CellSemantics(bindings, reads, functions, imports, locals, owners, dynamicNamespace);
        }

        private void visitChildren(SyntaxNode node, Scope scope) {
            for (SyntaxNode child : node.children()) {
                if (child.isNamed()) {
                    visit(child, scope);
                }
            }
        }

        private void visit(SyntaxNode node, Scope scope) {
            if (node == null) {
                return;
            }
            switch (node.type()) {
                case "identifier" -> read(node, scope);
                case "decorated_definition" -> {
                    for (SyntaxNode decorator : node.children()) {
                        if (decorator.is("decorator")) {
                            visitChildren(decorator, scope);
                        }
                    }
                    visit(node.child("definition"), scope);
                }
                case "function_definition" -> function(node, scope);
                case "class_definition" -> classDefinition(node, scope);
                case "lambda" -> lambda(node, scope, null);
                case "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression" ->
                        comprehension(node, scope);
                case "assignment" -> assignment(node, scope);
                case "augmented_assignment" -> {
                    SyntaxNode left = node.child("left");
                    visit(node.child("right"), scope);
                    if (left != null && left.is("identifier")) {
                        read(left, scope);
                        bind(left, scope, BindingKind.AUGMENTED_ASSIGNMENT);
                    } else {
                        bindTarget(left, scope, BindingKind.AUGMENTED_ASSIGNMENT);
                    }
                }
                case "named_expression" -> {
                    visit(node.child("value"), scope);
                    Scope target = scope;
                    while (target.kind == ScopeKind.COMPREHENSION) {
                        target = target.parent;
                    }
                    bind(node.child("name"), target, BindingKind.WALRUS);
                }
                case "for_statement" -> {
                    visit(node.child("right"), scope);
                    bindTarget(node.child("left"), scope, BindingKind.FOR_TARGET);
                    visit(node.child("body"), scope);
                    visit(node.child("alternative"), scope);
                }
                case "with_item" -> withItem(node, scope);
                case "except_clause", "except_group_clause" -> exceptClause(node, scope);
                case "try_statement" -> tryStatement(node, scope);
                case "import_statement" -> importStatement(node, scope);
                case "import_from_statement" -> importFrom(node, scope);
                case "future_import_statement" -> {
                    // binds nothing usable
                }
                case "global_statement" -> {
                    for (SyntaxNode id : node.namedChildren()) {
                        scope.globals.add(id.text());
                    }
                }
                case "nonlocal_statement" -> {
                    for (SyntaxNode id : node.namedChildren()) {
                        scope.nonlocals.add(id.text());
                    }
                }
                case "keyword_argument" -> visit(node.child("value"), scope);
                case "attribute" -> visit(node.child("object"), scope);
                case "call" -> call(node, scope);
                case "match_statement" -> matchStatement(node, scope);
                case "string", "concatenated_string" -> {
                    for (SyntaxNode interpolation : node.find(n -> n.is("interpolation"))) {
                        visit(interpolation.child("expression"), scope);
                        SyntaxNode spec = interpolation.child("format_specifier");
                        if (spec != null) {
                            for (SyntaxNode expression : spec.find(n -> n.is("format_expression"))) {
                                visit(expression.child("expression"), scope);
                            }
                        }
                    }
                }
                case "type_alias_statement" -> {
                    visit(node.child("right"), scope);
                    SyntaxNode left = node.child("left");
                    if (left != null) {
                        SyntaxNode id = left.is("type") && !left.namedChildren().isEmpty() ? left.namedChildren().get(0) : left;
                        if (id.is("identifier")) {
                            bind(id, scope, BindingKind.ASSIGNMENT);
                        }
                    }
                }
                default -> visitChildren(node, scope);
            }
        }

        // ---- reads and bindings -------------------------------------------------------------

        private void read(SyntaxNode identifier, Scope scope) {
            String name = identifier.text();
            Scope resolved = resolve(name, scope);
            if (resolved != null && resolved.kind != ScopeKind.MODULE) {
                locals.add(identifier);
                return;
            }
            if (scope.owner != null) {
                SummaryBuilder summary = summary(scope.owner);
                summary.freeReads.add(name);
                summary.readSites.putIfAbsent(name, identifier);
            } else {
                reads.add(new NameRead(name, identifier, statement, nameErrorGuards > 0));
            }
        }

        /** The scope a name refers to from {@code scope}, or null for a module-level (or builtin) name. */
        private Scope resolve(String name, Scope scope) {
            boolean fromFunction = false;
            for (Scope s = scope; s != null; s = s.parent) {
                switch (s.kind) {
                    case MODULE -> {
                        return null;
                    }
                    case CLASS -> {
                        // Class bodies are invisible from the functions nested in them.
                        if (!fromFunction && s.bound.contains(name)) {
                            return s;
                        }
                    }
                    case FUNCTION -> {
                        if (s.globals.contains(name)) {
                            return null;
                        }
                        if (s.bound.contains(name) && !s.nonlocals.contains(name)) {
                            return s;
                        }
                        fromFunction = true;
                    }
                    case COMPREHENSION -> {
                        if (s.bound.contains(name)) {
                            return s;
                        }
                    }
                }
            }
            return null;
        }

        private void bind(SyntaxNode identifier, Scope scope, BindingKind kind) {
            if (identifier == null || !identifier.is("identifier")) {
                if (identifier != null) {
                    visit(identifier, scope);
                }
                return;
            }
            String name = identifier.text();
            if (scope.kind == ScopeKind.MODULE) {
                bindings.add(new Binding(name, identifier, statement, kind));
                return;
            }
            if (scope.kind == ScopeKind.FUNCTION && scope.globals.contains(name)) {
                if (scope.owner != null) {
                    summary(scope.owner).globalWrites.add(name);
                } else {
                    bindings.add(new Binding(name, identifier, statement, BindingKind.GLOBAL_IN_FUNCTION));
                }
                return;
            }
            scope.bound.add(name);
            locals.add(identifier);
        }

        /** Binds assignment targets; attribute and subscript targets read their base instead. */
        private void bindTarget(SyntaxNode target, Scope scope, BindingKind kind) {
            if (target == null) {
                return;
            }
            switch (target.type()) {
                case "identifier" -> bind(target, scope, kind);
                case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list",
                        "parenthesized_expression", "list_splat_pattern", "list_splat", "as_pattern_target" -> {
                    for (SyntaxNode child : target.namedChildren()) {
                        bindTarget(child, scope, kind);
                    }
                }
                default -> visit(target, scope); // attribute, subscript: reads of the object
            }
        }

        // ---- statements ---------------------------------------------------------------------

        private void assignment(SyntaxNode node, Scope scope) {
            SyntaxNode right = node.child("right");
            SyntaxNode left = node.child("left");
            if (right != null && right.is("lambda") && left != null && left.is("identifier")
                    && scope.kind == ScopeKind.MODULE) {
                // "f = lambda ...": the body runs where f is called, like a def.
                lambda(right, scope, left.text());
            } else {
                visit(right, scope);
            }
            visit(node.child("type"), scope);
            if (right == null && scope.kind != ScopeKind.MODULE) {
                // "x: int" without a value makes x local without binding it.
                if (left != null && left.is("identifier")) {
                    scope.bound.add(left.text());
                    locals.add(left);
                }
                return;
            }
            if (right == null) {
                return;
            }
            bindTarget(left, scope, BindingKind.ASSIGNMENT);
            if (left != null && left.is("subscript") && isGlobalsCall(left.child("value"))) {
                SyntaxNode key = left.child("subscript");
                String literal = key == null ? null : StringLiterals.value(key);
                if (literal != null && literal.matches("[A-Za-z_]\\w*") && scope.kind == ScopeKind.MODULE) {
                    bindings.add(new Binding(literal, left, statement, BindingKind.ASSIGNMENT));
                } else {
                    dynamicNamespace = true;
                }
            }
        }

        private static boolean isGlobalsCall(SyntaxNode node) {
            if (node == null || !node.is("call")) {
                return false;
            }
            SyntaxNode function = node.child("function");
            SyntaxNode arguments = node.child("arguments");
            if (arguments != null && !arguments.namedChildren().isEmpty()) {
                return false; // vars(obj) is the object's attributes, not the namespace
            }
            return function != null && function.is("identifier")
                    && (function.text().equals("globals") || function.text().equals("vars") || function.text().equals("locals"));
        }

        private void call(SyntaxNode node, Scope scope) {
            SyntaxNode function = node.child("function");
            visit(function, scope);
            visit(node.child("arguments"), scope);
            if (function != null && function.is("identifier") && resolve(function.text(), scope) == null) {
                String name = function.text();
                if (name.equals("exec")) {
                    dynamicNamespace = true;
                }
            }
            if (function != null && function.is("attribute") && isGlobalsCall(function.child("object"))) {
                SyntaxNode method = function.child("attribute");
                if (method != null && (method.text().equals("update") || method.text().equals("setdefault")
                        || method.text().equals("__setitem__"))) {
                    dynamicNamespace = true;
                }
            }
        }

        private void withItem(SyntaxNode node, Scope scope) {
            SyntaxNode value = node.child("value");
            if (value != null && value.is("as_pattern")) {
                List<SyntaxNode> parts = value.namedChildren();
                if (!parts.isEmpty()) {
                    visit(parts.get(0), scope);
                }
                bindTarget(value.child("alias"), scope, BindingKind.WITH_TARGET);
            } else {
                visit(value, scope);
            }
        }

        private void exceptClause(SyntaxNode node, Scope scope) {
            for (SyntaxNode child : node.namedChildren()) {
                if (child.is("as_pattern")) {
                    List<SyntaxNode> parts = child.namedChildren();
                    if (!parts.isEmpty()) {
                        visit(parts.get(0), scope);
                    }
                    bindTarget(child.child("alias"), scope, BindingKind.EXCEPT_TARGET);
                } else {
                    visit(child, scope);
                }
            }
        }

        private void tryStatement(SyntaxNode node, Scope scope) {
            boolean catchesNameError = false;
            for (SyntaxNode clause : node.namedChildren()) {
                if (clause.is("except_clause")) {
                    String caught = clause.namedChildren().isEmpty() ? "" : clause.namedChildren().get(0).text();
                    if (caught.contains("NameError") || clause.namedChildren().size() == 1) {
                        catchesNameError = true; // "except NameError" or a bare except (only a block)
                    }
                }
            }
            for (SyntaxNode child : node.namedChildren()) {
                boolean guarded = catchesNameError && "body".equals(child.field());
                if (guarded) {
                    nameErrorGuards++;
                }
                visit(child, scope);
                if (guarded) {
                    nameErrorGuards--;
                }
            }
        }

        private void importStatement(SyntaxNode node, Scope scope) {
            for (SyntaxNode name : node.children("name")) {
                if (name.is("aliased_import")) {
                    String module = dotted(name.child("name"));
                    SyntaxNode alias = name.child("alias");
                    recordImport(alias, alias.text(), module, node, scope);
                } else {
                    String module = dotted(name);
                    String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
                    SyntaxNode first = name.namedChildren().isEmpty() ? name : name.namedChildren().get(0);
                    recordImport(first, top, top, node, scope);
                }
            }
        }

        private void importFrom(SyntaxNode node, Scope scope) {
            SyntaxNode moduleNode = node.child("module_name");
            String module = moduleNode == null ? "" : moduleNode.is("relative_import") ? moduleNode.text() : dotted(moduleNode);
            if (node.firstChildOfType("wildcard_import") != null) {
                if (scope.kind == ScopeKind.MODULE) {
                    imports.add(new ImportBinding("*", module, node, true));
                }
                dynamicNamespace = true;
                return;
            }
            String prefix = module.endsWith(".") ? module : module + ".";
            for (SyntaxNode name : node.children("name")) {
                if (name.is("aliased_import")) {
                    SyntaxNode alias = name.child("alias");
                    recordImport(alias, alias.text(), prefix + dotted(name.child("name")), node, scope);
                } else {
                    SyntaxNode id = name.namedChildren().isEmpty() ? name : name.namedChildren().get(0);
                    recordImport(id, dotted(name), prefix + dotted(name), node, scope);
                }
            }
        }

        private void recordImport(SyntaxNode identifier, String local, String qualified, SyntaxNode statementNode, Scope scope) {
            if (scope.kind == ScopeKind.MODULE) {
                imports.add(new ImportBinding(local, qualified, statementNode, false));
                bindings.add(new Binding(local, identifier, statement, BindingKind.IMPORT));
            } else {
                bind(identifier, scope, BindingKind.IMPORT);
            }
        }

        private static String dotted(SyntaxNode node) {
            if (node == null) {
                return "";
            }
            if (!node.is("dotted_name")) {
                return node.text();
            }
            StringBuilder b = new StringBuilder();
            for (SyntaxNode part : node.namedChildren()) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(part.text());
            }
            return b.toString();
        }

        private void matchStatement(SyntaxNode node, Scope scope) {
            visit(node.child("subject"), scope);
            for (SyntaxNode clause : node.find(n -> n.is("case_clause"))) {
                for (SyntaxNode child : clause.namedChildren()) {
                    if (child.is("case_pattern")) {
                        pattern(child, scope);
                    } else {
                        visit(child, scope);
                    }
                }
            }
        }

        /** Capture names in a match pattern bind; dotted value patterns and class names read. */
        private void pattern(SyntaxNode node, Scope scope) {
            switch (node.type()) {
                case "dotted_name" -> {
                    List<SyntaxNode> parts = node.namedChildren();
                    if (parts.size() == 1) {
                        if (!parts.get(0).text().equals("_")) {
                            bind(parts.get(0), scope, BindingKind.MATCH_CAPTURE);
                        }
                    } else if (!parts.isEmpty()) {
                        read(parts.get(0), scope);
                    }
                }
                case "class_pattern" -> {
                    for (SyntaxNode child : node.namedChildren()) {
                        if (child.is("dotted_name")) {
                            List<SyntaxNode> parts = child.namedChildren();
                            if (!parts.isEmpty()) {
                                read(parts.get(0), scope);
                            }
                        } else {
                            pattern(child, scope);
                        }
                    }
                }
                case "keyword_pattern" -> {
                    List<SyntaxNode> parts = node.namedChildren();
                    for (int i = 1; i < parts.size(); i++) {
                        pattern(parts.get(i), scope);
                    }
                }
                case "as_pattern" -> {
                    List<SyntaxNode> parts = node.namedChildren();
                    for (int i = 0; i < parts.size(); i++) {
                        if (i == parts.size() - 1 && parts.get(i).is("identifier")) {
                            bind(parts.get(i), scope, BindingKind.MATCH_CAPTURE);
                        } else {
                            pattern(parts.get(i), scope);
                        }
                    }
                }
                case "splat_pattern" -> {
                    for (SyntaxNode child : node.namedChildren()) {
                        if (child.is("identifier") && !child.text().equals("_")) {
                            bind(child, scope, BindingKind.MATCH_CAPTURE);
                        }
                    }
                }
                case "dict_pattern" -> {
                    for (SyntaxNode child : node.namedChildren()) {
                        if ("key".equals(child.field())) {
                            visit(child, scope);
                        } else {
                            pattern(child, scope);
                        }
                    }
                }
                case "identifier" -> {
                    if (!node.text().equals("_")) {
                        bind(node, scope, BindingKind.MATCH_CAPTURE);
                    }
                }
                case "case_pattern", "union_pattern", "list_pattern", "tuple_pattern" -> {
                    for (SyntaxNode child : node.namedChildren()) {
                        pattern(child, scope);
                    }
                }
                default -> visit(node, scope); // literals, complex numbers, strings
            }
        }

        // ---- scopes -------------------------------------------------------------------------

        private void function(SyntaxNode node, Scope scope) {
            SyntaxNode name = node.child("name");
            SyntaxNode parameters = node.child("parameters");
            // Defaults and annotations run now, in the defining scope.
            visitParameterDefaults(parameters, scope);
            visit(node.child("return_type"), scope);
            String owner = scope.owner;
            boolean moduleLevel = scope.kind == ScopeKind.MODULE;
            if (moduleLevel && name != null) {
                owner = name.text();
                summary(owner).definition = node;
            } else if (scope.kind == ScopeKind.CLASS && owner == null) {
                owner = classOwner;
            }
            if (name != null) {
                bind(name, scope, BindingKind.FUNCTION);
            }
            Scope body = new Scope(ScopeKind.FUNCTION, scope, owner);
            bindParameters(parameters, body);
            SyntaxNode block = node.child("body");
            if (block != null) {
                collectBindings(block, body);
                if (owner != null) {
                    owners.put(block, owner);
                }
                visit(block, body);
            }
        }

        /** The class whose body is being walked at module level, for its methods' summaries. */
        private String classOwner;

        private void classDefinition(SyntaxNode node, Scope scope) {
            SyntaxNode name = node.child("name");
            visit(node.child("superclasses"), scope);
            visit(node.child("type_parameters"), scope);
            String previous = classOwner;
            boolean moduleLevel = scope.kind == ScopeKind.MODULE && name != null;
            if (moduleLevel) {
                classOwner = name.text();
                SummaryBuilder summary = summary(classOwner);
                summary.definition = node;
                summary.isClass = true;
            }
            Scope body = new Scope(ScopeKind.CLASS, scope, scope.owner);
            visit(node.child("body"), body);
            classOwner = previous;
            if (name != null) {
                bind(name, scope, BindingKind.CLASS);
            }
        }

        private void lambda(SyntaxNode node, Scope scope, String assignedName) {
            SyntaxNode parameters = node.child("parameters");
            visitParameterDefaults(parameters, scope);
            String owner = scope.owner;
            if (assignedName != null) {
                owner = assignedName;
                summary(owner).definition = node;
            }
            Scope body = new Scope(ScopeKind.FUNCTION, scope, owner);
            bindParameters(parameters, body);
            SyntaxNode expression = node.child("body");
            if (expression != null) {
                collectBindings(expression, body);
                if (assignedName != null) {
                    owners.put(expression, owner);
                }
                visit(expression, body);
            }
        }

        private void comprehension(SyntaxNode node, Scope scope) {
            Scope inner = new Scope(ScopeKind.COMPREHENSION, scope, scope.owner);
            boolean first = true;
            List<SyntaxNode> clauses = new ArrayList<>();
            SyntaxNode body = null;
            for (SyntaxNode child : node.namedChildren()) {
                if (child.is("for_in_clause") || child.is("if_clause")) {
                    clauses.add(child);
                } else if ("body".equals(child.field()) || body == null) {
                    body = child;
                }
            }
            for (SyntaxNode clause : clauses) {
                if (clause.is("for_in_clause")) {
                    // The first iterable is evaluated in the enclosing scope, before the comprehension.
                    for (SyntaxNode right : clause.children("right")) {
                        visit(right, first ? scope : inner);
                    }
                    bindTarget(clause.child("left"), inner, BindingKind.FOR_TARGET);
                    first = false;
                } else {
                    visitChildren(clause, inner);
                }
            }
            visit(body, inner);
        }

        private void visitParameterDefaults(SyntaxNode parameters, Scope scope) {
            if (parameters == null) {
                return;
            }
            for (SyntaxNode parameter : parameters.namedChildren()) {
                visit(parameter.child("value"), scope);
                visit(parameter.child("type"), scope);
            }
        }

        private void bindParameters(SyntaxNode parameters, Scope body) {
            if (parameters == null) {
                return;
            }
            for (SyntaxNode parameter : parameters.namedChildren()) {
                SyntaxNode id = switch (parameter.type()) {
                    case "identifier" -> parameter;
                    case "default_parameter", "typed_default_parameter" -> parameter.child("name");
                    case "typed_parameter", "list_splat_pattern", "dictionary_splat_pattern" ->
                            parameter.firstChildOfType("identifier") != null ? parameter.firstChildOfType("identifier")
                                    : firstIdentifier(parameter);
                    default -> null;
                };
                if (id != null && id.is("identifier")) {
                    body.bound.add(id.text());
                    locals.add(id);
                }
            }
        }

        private static SyntaxNode firstIdentifier(SyntaxNode node) {
            List<SyntaxNode> found = node.find(n -> n.is("identifier"));
            return found.isEmpty() ? null : found.get(0);
        }

        /**
         * Pre-collects the names a function body binds (Python decides locality for the whole
         * body before it runs), without entering nested scopes except for walrus targets in
         * comprehensions.
         */
        private void collectBindings(SyntaxNode node, Scope scope) {
            switch (node.type()) {
                case "function_definition", "class_definition" -> {
                    SyntaxNode name = node.child("name");
                    if (name != null) {
                        scope.bound.add(name.text());
                    }
                    return;
                }
                case "lambda" -> {
                    return;
                }
                case "global_statement" -> {
                    node.namedChildren().forEach(id -> scope.globals.add(id.text()));
                    return;
                }
                case "nonlocal_statement" -> {
                    node.namedChildren().forEach(id -> scope.nonlocals.add(id.text()));
                    return;
                }
                case "assignment", "augmented_assignment" -> collectTargets(node.child("left"), scope);
                case "for_statement" -> collectTargets(node.child("left"), scope);
                case "named_expression" -> collectTargets(node.child("name"), scope);
                case "as_pattern_target" -> collectTargets(node, scope);
                case "import_statement", "import_from_statement" -> {
                    for (SyntaxNode name : node.children("name")) {
                        if (name.is("aliased_import")) {
                            scope.bound.add(name.child("alias").text());
                        } else if (!name.namedChildren().isEmpty()) {
                            scope.bound.add(name.namedChildren().get(0).text());
                        }
                    }
                    return;
                }
                default -> {
                }
            }
            if (COMPREHENSIONS.contains(node.type())) {
                for (SyntaxNode walrus : node.find(n -> n.is("named_expression"))) {
                    collectTargets(walrus.child("name"), scope);
                }
                return;
            }
            for (SyntaxNode child : node.children()) {
                if (child.isNamed()) {
                    collectBindings(child, scope);
                }
            }
        }

        private void collectTargets(SyntaxNode target, Scope scope) {
            if (target == null) {
                return;
            }
            switch (target.type()) {
                case "identifier" -> scope.bound.add(target.text());
                case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list",
                        "parenthesized_expression", "list_splat_pattern", "list_splat", "as_pattern_target" ->
                        target.namedChildren().forEach(child -> collectTargets(child, scope));
                default -> {
                }
            }
        }

        private SummaryBuilder summary(String owner) {
            return summaries.computeIfAbsent(owner, SummaryBuilder::new);
        }
    }

    /** A function summary under construction. */
    private static final class SummaryBuilder {
        final String name;
        SyntaxNode definition;
        boolean isClass;
        final Set<String> freeReads = new TreeSet<>();
        final Set<String> globalWrites = new TreeSet<>();
        final Map<String, SyntaxNode> readSites = new LinkedHashMap<>();

        SummaryBuilder(String name) {
            this.name = name;
        }

        FunctionSummary build() {
            return new FunctionSummary(name, definition, isClass, freeReads, globalWrites, readSites);
        }
    }
}
