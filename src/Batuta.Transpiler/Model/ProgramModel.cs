using Batuta.Python.Ast;

namespace Batuta.Transpiler.Model
{
    /// <summary>A variable, field or parameter with the type inference has settled on.</summary>
    public sealed class VarInfo
    {
        public VarInfo(string name, string csName, PyType type)
        {
            Name = name;
            CsName = csName;
            Type = type;
        }

        public string Name { get; }
        public string CsName { get; }
        public PyType Type { get; set; }
        /// <summary>Fixed by an annotation: inference does not widen it.</summary>
        public bool Declared { get; set; }

        /// <summary>Annotated <c>int</c>: an int whatever inference sees, but its carrier (long or PyInt) is still inferred.</summary>
        public bool IntAnnotated { get; set; }

        /// <summary>Annotated <c>float</c>: typed from what is assigned (an int argument stays an int); double when nothing is.</summary>
        public bool FloatAnnotated { get; set; }

        /// <summary>
        /// The annotation, for one with <c>float</c> inside a container (<c>list[float]</c>, <c>dict[str, float]</c>): the
        /// shape is declared but those elements are inferred (ints stay ints), and this fills what stays unknown.
        /// </summary>
        public PyType? FloatTemplate { get; set; }

        /// <summary>Integer range inference (see Inference/IntRanges): counter steps and widening state.</summary>
        public IntRangeState Ints { get; } = new();
    }

    /// <summary>
    /// What range inference keeps per variable: the join of its assignments other than counter steps
    /// (<c>x += 1</c>), the directions it steps in, and how often its range grew (for widening).
    /// </summary>
    public sealed class IntRangeState
    {
        public PyType Base { get; set; } = PyType.Unknown;
        public bool StepUp { get; set; }
        public bool StepDown { get; set; }
        public bool Steps => StepUp || StepDown;
        /// <summary>The counter rule holds: the variable is a long bounded by Ops.CounterLimit in its step directions.</summary>
        public bool CounterOk { get; set; }
        public int Growth { get; set; }
        public int LastGrowthRound { get; set; } = -1;
    }

    /// <summary>How a recursive function keeps Python's recursion depth (see Inference.RecursionDepthPassing).</summary>
    public enum RecursionDepthMode
    {
        /// <summary>Counted in and out of RecursionGuard's static count, on entry and at each return.</summary>
        None,
        /// <summary>Passed to its own calls to itself; the static count is left alone.</summary>
        Plain,
        /// <summary>Passed to its own calls, and stored in the static count on entry and put back on exit.</summary>
        Synced,
    }

    /// <summary>A function or method: signature, locals and what it returns or yields.</summary>
    public sealed class FunctionModel
    {
        public FunctionModel(string name, string csName, FunctionDef def, ClassModel? owner, FunctionModel? parent)
        {
            Name = name;
            CsName = csName;
            Def = def;
            Owner = owner;
            Parent = parent;
        }

        public string Name { get; }
        public string CsName { get; set; }
        public FunctionDef Def { get; }
        public ClassModel? Owner { get; }
        /// <summary>The class whose body a copied method came from (Inference.CooperativeSuper): its super() starts after that class in the owner's MRO.</summary>
        public ClassModel? SuperAnchor { get; set; }
        /// <summary>
        /// The first positional parameter, where a method's receiver (self, cls) is, also before a <c>/</c>
        /// (<c>def m(self, /, x)</c>); null when there is none.
        /// </summary>
        public string? FirstParameter => Def.Args.Posonlyargs.Concat(Def.Args.Args).FirstOrDefault()?.Name;
        /// <summary>The enclosing function of a nested def (a closure).</summary>
        public FunctionModel? Parent { get; }
        public List<VarInfo> Params { get; } = new();
        public VarInfo? VarArgs { get; set; }
        /// <summary><c>**kwargs</c>: a dict of the keyword arguments no parameter took (str keys, values joined from the calls).</summary>
        public VarInfo? KwArgs { get; set; }
        public Dictionary<string, VarInfo> Locals { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Globals { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Nonlocals { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, FunctionModel> Nested { get; } = new(StringComparer.Ordinal);
        /// <summary>
        /// Names more than one nested def binds (if/else variants): each def is its own local function (keyed
        /// <c>name#2</c>, ...) and the name is a local holding whichever def ran last, as at module level.
        /// </summary>
        public HashSet<string> RedefinedNested { get; } = new(StringComparer.Ordinal);
        public PyType ReturnType { get; set; } = PyType.Unknown;
        public bool ReturnDeclared { get; set; }
        public bool ReturnIntAnnotated { get; set; }
        /// <summary>Returns annotated <c>float</c>: typed from the returned values; double when none is typed.</summary>
        public bool ReturnFloatAnnotated { get; set; }
        /// <summary>A return annotation with <c>float</c> inside a container: see <see cref="VarInfo.FloatTemplate"/>.</summary>
        public PyType? ReturnFloatTemplate { get; set; }
        public IntRangeState ReturnInts { get; } = new();
        public bool IsGenerator { get; set; }

        /// <summary>A generator that uses the value of a yield (<c>x = yield v</c>): its object takes send() and throw().</summary>
        public bool ReceivesSent { get; set; }

        /// <summary>Decorated with <c>@contextlib.contextmanager</c>: a with statement over a call of it drives the generator.</summary>
        public bool IsContextManager { get; set; }
        public bool IsStatic { get; set; }
        public bool IsClassMethod { get; set; }
        public bool IsProperty { get; set; }
        /// <summary>@functools.cached_property: a property whose getter runs once per instance (assigning it replaces the value).</summary>
        public bool IsCachedProperty { get; set; }
        public bool IsSetter { get; set; }
        /// <summary>A property's <c>@x.deleter</c>: what <c>del obj.x</c> calls (its own method beside the property).</summary>
        public bool IsDeleter { get; set; }
        public bool IsAbstract { get; set; }
        /// <summary>@functools.lru_cache / @functools.cache: results kept by argument tuple (at most CacheMaxSize; all when null).</summary>
        public bool Cached { get; set; }
        public long? CacheMaxSize { get; set; }
        /// <summary>May call itself, directly or through other functions: its body counts Python's recursion depth.</summary>
        public bool IsRecursive { get; set; }
        /// <summary>How this recursive function counts its depth (Inference.RecursionDepthPassing); None: RecursionGuard's static count.</summary>
        public RecursionDepthMode DepthPassing { get; set; }
        /// <summary>Its own calls to itself that pass the depth, with DepthPassing set.</summary>
        public HashSet<Call> DepthCalls { get; } = new();
        /// <summary>
        /// User decorators of a module-level def (<c>@logged</c>, <c>@retry(3)</c>), top to bottom: the name then means the
        /// decorated value (a dynamic callable, kept in a field set where the def runs); the def's own body is the
        /// undecorated function.
        /// </summary>
        public List<ExpressionNode> Decorators { get; } = new();
        public bool IsDecorated => Decorators.Count > 0;
        /// <summary>A decorator Batuta does not apply: the function raises NotSupportedException when called (BATUTA-T-004).</summary>
        public string? UnsupportedDecorator { get; set; }
        /// <summary>Called somewhere with a value for each parameter index: inference joins argument types here.</summary>
        public bool EscapesAsValue { get; set; }
    }

    /// <summary>A class: fields (from annotations and self assignments), methods, base class.</summary>
    public sealed class ClassModel
    {
        public ClassModel(string name, string csName, ClassDef def, ModuleModel module)
        {
            Name = name;
            CsName = csName;
            Def = def;
            Module = module;
            Key = name;
        }

        public string Name { get; }
        /// <summary>
        /// The class's name in <see cref="PyType.Class"/>: its Python name, or <c>module.Name</c> when another module
        /// defines a class of the same name (types compare by name, so two <c>Item</c> classes need two keys).
        /// </summary>
        public string Key { get; internal set; }
        public PyType Type => PyType.Class(Key);
        public string CsName { get; }
        public ClassDef Def { get; }
        public ModuleModel Module { get; }
        public ClassModel? Base { get; set; }
        /// <summary>
        /// Further user base classes (<c>class Dog(Animal, JsonMixin)</c>): their methods and class attributes that the
        /// first base's chain does not define are merged into this class (Python's MRO for mixins).
        /// </summary>
        public List<ClassModel> Mixins { get; } = new();
        /// <summary>The classes this one is merged into as a mixin (isinstance(x, Mixin) is true for their instances).</summary>
        public List<ClassModel> MixedInto { get; } = new();
        /// <summary>
        /// Python's C3 MRO, set where super() calls through several bases reach a class C# does not derive from
        /// (Inference.CooperativeSuper): every method along it is this class's own copy, its super() resolved in this order.
        /// </summary>
        public List<ClassModel>? Mro { get; set; }
        /// <summary>The class-level statements merged from <see cref="Mixins"/> (defs and attribute assignments).</summary>
        public List<StatementNode> MixinBody { get; } = new();
        /// <summary>The class body with what the mixins contribute.</summary>
        public IEnumerable<StatementNode> Body => MixinBody.Count == 0 ? Def.Body : Def.Body.Concat(MixinBody);
        /// <summary>A runtime base (PyException, ValueError, ...) when the class derives from a Python builtin exception.</summary>
        public string? BuiltinBase { get; set; }
        public Dictionary<string, VarInfo> Fields { get; } = new(StringComparer.Ordinal);
        public List<string> FieldOrder { get; } = new();
        public Dictionary<string, VarInfo> ClassVars { get; } = new(StringComparer.Ordinal);
        /// <summary>
        /// Attributes that may be assigned on an instance of this class: through <c>self</c> in its methods, or, for
        /// its class attributes, on any receiver that is not a class name anywhere in the program (an
        /// over-approximation: it only costs a per-instance slot). Assigning a class attribute on an instance
        /// creates an instance attribute in Python.
        /// </summary>
        public HashSet<string> InstanceStores { get; } = new(StringComparer.Ordinal);
        /// <summary>
        /// This class's attributes that a subclass assigns (<c>Sub.n = 5</c>, <c>cls.n += 1</c>, <c>type(self).n += 1</c>):
        /// each subclass reads the nearest base's value until it assigns its own (Inference.PerClassAttributes).
        /// </summary>
        public HashSet<string> PerClassAttributes { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, FunctionModel> Methods { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, FunctionModel> Setters { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, FunctionModel> Deleters { get; } = new(StringComparer.Ordinal);
        /// <summary>
        /// Class attributes holding an instance of a class with <c>__set__</c> (a data descriptor), by that class: assigning them
        /// through an instance calls that, and makes no instance attribute.
        /// </summary>
        public Dictionary<string, ClassModel> DataDescriptors { get; } = new(StringComparer.Ordinal);
        public bool IsDataclass { get; set; }
        public bool DataclassOrder { get; set; }
        public bool DataclassFrozen { get; set; }
        public bool IsEnum { get; set; }
        /// <summary>"Enum", "IntEnum" (members are ints), "StrEnum" (str() is the value) or "StrMixin" (class X(str, Enum): equal to its value, str() is X.NAME).</summary>
        public string? EnumKind { get; set; }
        public bool IsIntEnum => EnumKind == "IntEnum";
        /// <summary>class X(int, Enum): an IntEnum whose str() and format() are Enum's (X.NAME).</summary>
        public bool EnumIntMixin { get; set; }
        /// <summary>class X(IntFlag): an IntEnum whose | &amp; ^ ~ give flag members, not plain ints.</summary>
        public bool EnumIntFlag { get; set; }
        /// <summary>The join of the members' value types (what <c>.value</c> is).</summary>
        public PyType EnumValueType { get; set; } = PyType.Object;
        public bool IsNamedTuple { get; set; }
        /// <summary>"tuple", "str", "list", "dict", "int" or "float" for <c>class Point(tuple)</c> / <c>class Upper(str)</c> / <c>class Stack(list)</c>: instances are values of that builtin (Emitter.ValueClasses).</summary>
        public string? ValueBase { get; set; }
        /// <summary>The builtin this class's instances are values of, its own or a base's.</summary>
        public string? ValueKind => ValueBase ?? Base?.ValueKind;
        /// <summary>The function whose body defines this class (Inference.LocalClasses); null for a module-level class.</summary>
        public FunctionModel? LocalTo { get; set; }
        /// <summary>A local class's <c>__qualname__</c> (<c>make_item_class.&lt;locals&gt;.Item</c>), also its <see cref="Key"/>.</summary>
        public string? QualName { get; set; }
        /// <summary>A local class's class attributes, in order: values of its class object, set where the class statement runs.</summary>
        public List<(string Name, ExpressionNode Value)> LocalAttributes { get; } = new();
        /// <summary>The enclosing function's variables (and the class's own name) a local class's methods read.</summary>
        public HashSet<string> Captured { get; } = new(StringComparer.Ordinal);
        public List<(string Name, ExpressionNode? Default, ExpressionNode? Annotation)> DataFields { get; } = new();
        public bool IsException => BuiltinBase is not null || (Base?.IsException ?? false);

        public FunctionModel? FindMethod(string name)
        {
            for (var c = this; c is not null; c = c.Base)
                if (c.Methods.TryGetValue(name, out var m)) return m;
            return null;
        }

        public VarInfo? FindField(string name)
        {
            for (var c = this; c is not null; c = c.Base)
            {
                if (c.Fields.TryGetValue(name, out var f)) return f;
                if (c.ClassVars.TryGetValue(name, out var cv)) return cv;
            }
            return null;
        }

        /// <summary>
        /// The abstract methods an instance would lack (sorted, as CPython lists them), when the class has ABCMeta as
        /// its metaclass (derives from <c>ABC</c> or says <c>metaclass=ABCMeta</c>); empty when it can be instantiated.
        /// </summary>
        public IReadOnlyList<string> MissingAbstractMethods()
        {
            if (!HasAbcMeta()) return Array.Empty<string>();
            var names = new SortedSet<string>(StringComparer.Ordinal);
            for (var c = this; c is not null; c = c.Base)
                foreach (var m in c.Methods.Values)
                    if (m.IsAbstract && FindMethod(m.Name) == m) names.Add(m.Name);
            return names.ToList();
        }

        /// <summary>The class has ABCMeta as its metaclass: it derives from <c>ABC</c> or says <c>metaclass=ABCMeta</c>.</summary>
        public bool HasAbcMeta()
        {
            for (var c = this; c is not null; c = c.Base)
                if (c.Def.Bases.Any(IsAbc) || c.Def.Keywords.Any(k => k.Arg == "metaclass" && IsAbcMeta(k.Value))) return true;
            return false;
        }

        private static bool IsAbc(Python.Ast.ExpressionNode e) => e is Python.Ast.Name { Id: "ABC" } or Python.Ast.Attribute { Attr: "ABC" };

        private static bool IsAbcMeta(Python.Ast.ExpressionNode e) => e is Python.Ast.Name { Id: "ABCMeta" } or Python.Ast.Attribute { Attr: "ABCMeta" };

        public bool IsSubclassOf(ClassModel other)
        {
            for (var c = this; c is not null; c = c.Base) if (c == other) return true;
            return false;
        }
    }

    /// <summary>One Python module: its globals, functions, classes and imports.</summary>
    public sealed class ModuleModel
    {
        public ModuleModel(string name, string csName, string path, Module tree)
        {
            Name = name;
            CsName = csName;
            Path = path;
            Tree = tree;
        }

        public string Name { get; }
        public string CsName { get; }
        public string Path { get; }
        public Module Tree { get; }
        public Dictionary<string, VarInfo> Globals { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, FunctionModel> Functions { get; } = new(StringComparer.Ordinal);
        /// <summary>
        /// Names more than one module-level def binds (if/else variants, redefinitions): each def is its own function
        /// (keyed <c>name#2</c>, ...) and the name is a module global holding whichever def ran last, as in Python.
        /// </summary>
        public HashSet<string> RedefinedFunctions { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, ClassModel> Classes { get; } = new(StringComparer.Ordinal);
        /// <summary>Classes defined inside functions that are not hoisted, with the reason (BATUTA-T-004 at the class statement).</summary>
        public Dictionary<ClassDef, string> LocalClassGaps { get; } = new();
        /// <summary>Module-level type aliases (<c>Number = Union[int, float]</c>): name → the annotation it stands for.</summary>
        public Dictionary<string, ExpressionNode> TypeAliases { get; } = new(StringComparer.Ordinal);
        /// <summary>Aliases being expanded (a self-referring alias resolves to a dynamic value instead of recursing).</summary>
        internal HashSet<string> ResolvingAliases { get; } = new(StringComparer.Ordinal);
        /// <summary>Local name → imported thing: "module:NAME" for a module, "member:MODULE:NAME" for a from-import.</summary>
        public Dictionary<string, string> Imports { get; } = new(StringComparer.Ordinal);
    }
}
