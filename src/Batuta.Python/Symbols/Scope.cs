using Batuta.Python.Ast;

namespace Batuta.Python.Symbols
{
    /// <summary>How a name is used in one scope: CPython's DEF_* flags (symtable.h), same bit values.</summary>
    [Flags]
    public enum SymbolFlags
    {
        None = 0,
        /// <summary>DEF_GLOBAL: named in a global statement.</summary>
        DeclaredGlobal = 1,
        /// <summary>DEF_LOCAL: bound (assigned, deleted, for target, with-as, except-as, def/class name, pattern capture).</summary>
        Assigned = 2,
        /// <summary>DEF_PARAM: a parameter.</summary>
        Parameter = 4,
        /// <summary>DEF_NONLOCAL: named in a nonlocal statement (or an assignment expression in a comprehension).</summary>
        DeclaredNonlocal = 8,
        /// <summary>USE: read.</summary>
        Referenced = 16,
        /// <summary>DEF_FREE: free in a nested block.</summary>
        Free = 32,
        /// <summary>DEF_FREE_CLASS: free in a method and bound in the class body.</summary>
        FreeClass = 64,
        /// <summary>DEF_IMPORT: bound by an import.</summary>
        Imported = 128,
        /// <summary>DEF_ANNOT: annotated (x: int).</summary>
        Annotated = 256,
        /// <summary>DEF_COMP_ITER: a comprehension iteration variable.</summary>
        ComprehensionIterator = 512,
    }

    /// <summary>Where a name resolves, CPython's LOCAL..CELL scope values.</summary>
    public enum SymbolScope
    {
        Unresolved = 0,
        Local = 1,
        GlobalExplicit = 2,
        GlobalImplicit = 3,
        Free = 4,
        Cell = 5,
    }

    /// <summary>The block types of CPython's symbol table.</summary>
    public enum ScopeKind
    {
        Module,
        Class,
        /// <summary>def, async def, lambda and comprehensions (as CPython, which gives each comprehension a function scope).</summary>
        Function,
        /// <summary>Annotations under <c>from __future__ import annotations</c>; not listed among children, as in CPython.</summary>
        Annotation,
    }

    public enum ComprehensionKind { None, List, Set, Dict, Generator }

    /// <summary>One name in one scope, with the same predicates as Python's <c>symtable.Symbol</c>.</summary>
    public sealed class Symbol
    {
        internal Symbol(string name) => Name = name;

        public string Name { get; }

        public SymbolFlags Flags { get; internal set; }

        public SymbolScope Scope { get; internal set; }

        internal bool ModuleScope { get; set; }

        internal List<Scope>? NamespaceList { get; set; }

        /// <summary>CPython's packed value (<c>flags | scope &lt;&lt; 11</c>), as <c>symtable._table.symbols[name]</c>.</summary>
        public int PackedValue => (int)Flags | ((int)Scope << 11);

        public bool IsReferenced => (Flags & SymbolFlags.Referenced) != 0;
        public bool IsImported => (Flags & SymbolFlags.Imported) != 0;
        public bool IsParameter => (Flags & SymbolFlags.Parameter) != 0;
        public bool IsGlobal => Scope is SymbolScope.GlobalImplicit or SymbolScope.GlobalExplicit || (ModuleScope && IsBound);
        public bool IsNonlocal => (Flags & SymbolFlags.DeclaredNonlocal) != 0;
        public bool IsDeclaredGlobal => Scope == SymbolScope.GlobalExplicit;
        public bool IsLocal => Scope is SymbolScope.Local or SymbolScope.Cell || (ModuleScope && IsBound);
        public bool IsAnnotated => (Flags & SymbolFlags.Annotated) != 0;
        public bool IsFree => Scope == SymbolScope.Free;
        public bool IsCell => Scope == SymbolScope.Cell;
        public bool IsAssigned => (Flags & SymbolFlags.Assigned) != 0;

        /// <summary>Bound in this scope (DEF_BOUND: assigned, parameter or imported).</summary>
        public bool IsBound => (Flags & (SymbolFlags.Assigned | SymbolFlags.Parameter | SymbolFlags.Imported)) != 0;

        /// <summary>True when the name is bound to a nested class or function scope (symtable's is_namespace).</summary>
        public bool IsNamespace => NamespaceList is { Count: > 0 };

        public IReadOnlyList<Scope> Namespaces => (IReadOnlyList<Scope>?)NamespaceList ?? Array.Empty<Scope>();

        public override string ToString() => Name + " " + Scope + " " + Flags;
    }

    /// <summary>One block of the program: module, class, function, lambda or comprehension (CPython's symtable entry).</summary>
    public sealed class Scope
    {
        private readonly List<Symbol> _symbols = new List<Symbol>();
        private readonly Dictionary<string, Symbol> _byName = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        internal readonly List<Scope> ChildList = new List<Scope>();

        internal Scope(string name, ScopeKind kind, Node? node, int line, Scope? parent)
        {
            Name = name;
            Kind = kind;
            Node = node;
            Line = line;
            Parent = parent;
        }

        /// <summary>Name as CPython gives it: "top", the def/class name, "lambda", "listcomp", "setcomp", "dictcomp", "genexpr".</summary>
        public string Name { get; }

        public ScopeKind Kind { get; }

        /// <summary>The AST node that opens the scope (Module, FunctionDef, ClassDef, Lambda, ListComp, ...).</summary>
        public Node? Node { get; }

        /// <summary>get_lineno(): the line of the def/class/lambda/comprehension; 0 for the module.</summary>
        public int Line { get; }

        public Scope? Parent { get; }

        /// <summary>Nested inside a function (directly or not).</summary>
        public bool IsNested { get; internal set; }

        /// <summary>is_optimized(): a function scope.</summary>
        public bool IsOptimized => Kind == ScopeKind.Function;

        public ComprehensionKind Comprehension { get; internal set; }

        public bool IsLambda => Node is Batuta.Python.Ast.Lambda;

        public bool IsGenerator { get; internal set; }

        public bool IsCoroutine { get; internal set; }

        public bool HasVarArgs { get; internal set; }

        public bool HasVarKeywords { get; internal set; }

        public bool ReturnsValue { get; internal set; }

        /// <summary>A class whose methods use __class__ or super() (CPython's ste_needs_class_closure).</summary>
        public bool NeedsClassClosure { get; internal set; }

        internal bool HasFree { get; set; }

        internal bool ChildFree { get; set; }

        internal int CompIterExpr { get; set; }

        internal bool CompIterTarget { get; set; }

        internal string? Path { get; set; }

        private List<(string Name, Node At)>? _directives;

        internal void RecordDirective(string name, Node at) => (_directives ??= new List<(string, Node)>()).Add((name, at));

        internal Node? DirectiveFor(string name)
        {
            if (_directives is null) return null;
            foreach (var (n, at) in _directives) if (n == name) return at;
            return null;
        }

        /// <summary>Child scopes in source order (annotation scopes excluded, as in CPython).</summary>
        public IReadOnlyList<Scope> Children => ChildList;

        public bool HasChildren => ChildList.Count > 0;

        /// <summary>Symbols in the order CPython first saw them.</summary>
        public IReadOnlyList<Symbol> Symbols => _symbols;

        public IEnumerable<string> Identifiers => _symbols.Select(s => s.Name);

        public Symbol? Lookup(string name) => _byName.TryGetValue(name, out var s) ? s : null;

        internal Symbol GetOrAdd(string name, out bool added)
        {
            if (_byName.TryGetValue(name, out var s))
            {
                added = false;
                return s;
            }
            s = new Symbol(name);
            _byName[name] = s;
            _symbols.Add(s);
            added = true;
            return s;
        }

        internal SymbolFlags FlagsOf(string name) => _byName.TryGetValue(name, out var s) ? s.Flags : SymbolFlags.None;

        /// <summary>Function.get_parameters(): in declaration order.</summary>
        public IEnumerable<string> Parameters => _symbols.Where(s => s.IsParameter).Select(s => s.Name);

        /// <summary>Function.get_locals(): names whose scope is LOCAL or CELL.</summary>
        public IEnumerable<string> Locals => _symbols.Where(s => s.Scope is SymbolScope.Local or SymbolScope.Cell).Select(s => s.Name);

        /// <summary>Function.get_globals(): names whose scope is global (explicit or implicit).</summary>
        public IEnumerable<string> Globals => _symbols.Where(s => s.Scope is SymbolScope.GlobalExplicit or SymbolScope.GlobalImplicit).Select(s => s.Name);

        /// <summary>Function.get_nonlocals().</summary>
        public IEnumerable<string> Nonlocals => _symbols.Where(s => s.IsNonlocal).Select(s => s.Name);

        /// <summary>Function.get_frees().</summary>
        public IEnumerable<string> Frees => _symbols.Where(s => s.Scope == SymbolScope.Free).Select(s => s.Name);

        /// <summary>Names of cell variables (captured by nested scopes).</summary>
        public IEnumerable<string> Cells => _symbols.Where(s => s.Scope == SymbolScope.Cell).Select(s => s.Name);

        /// <summary>Class.get_methods(): names of the child scopes.</summary>
        public IEnumerable<string> Methods => ChildList.Select(c => c.Name).Distinct();

        /// <summary>Every scope in this subtree, depth-first, this one first.</summary>
        public IEnumerable<Scope> Descendants()
        {
            var stack = new Stack<Scope>();
            stack.Push(this);
            while (stack.Count > 0)
            {
                var s = stack.Pop();
                yield return s;
                for (int i = s.ChildList.Count - 1; i >= 0; i--) stack.Push(s.ChildList[i]);
            }
        }

        public override string ToString() => Kind + " " + Name + " (line " + Line + ")";
    }
}
