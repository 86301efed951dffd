using System.Globalization;
using System.Text;
using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>How a Python argument is turned into C# for a library call.</summary>
    internal enum ArgKind
    {
        /// <summary>An ndarray (lists, tuples and scalars are converted with <c>np.array</c>).</summary>
        Array,
        /// <summary>Anything numpy accepts as array-like, passed as a boxed object (the runtime decides).</summary>
        Any,
        /// <summary>An element-wise ufunc operand: arrays stay arrays, Python numbers stay numbers.</summary>
        Ufunc,
        Int,
        Float,
        Bool,
        Str,
        /// <summary>An axis: None or an int, boxed.</summary>
        Axis,
        /// <summary>A dtype: np.float64, float, 'float32', ...</summary>
        DType,
        /// <summary>An optional int (None allowed), for hyperparameters such as random_state.</summary>
        OptInt,
        /// <summary>An optional float.</summary>
        OptFloat,
        /// <summary>A scikit-learn estimator object.</summary>
        Estimator,
        /// <summary>A list of (name, estimator) steps.</summary>
        Steps,
        /// <summary>A size or fraction (int or float, or a name such as 'sqrt'): scikit-learn's SplitSize / MaxFeatures.</summary>
        Size,
        /// <summary>Class labels (y, stratify=): a float64 tensor that converts to Batuta.ML's LabelVector.</summary>
        Labels,
    }

    /// <summary>One parameter of a mapped Python signature.</summary>
    internal sealed class LibraryParam
    {
        public LibraryParam(string name, ArgKind kind, string? pythonDefault, bool variadic)
        {
            Name = name;
            Kind = kind;
            PythonDefault = pythonDefault;
            Variadic = variadic;
        }

        public string Name { get; }
        public ArgKind Kind { get; }
        /// <summary>The default as Python writes it ("None", "0", "'l2'"); null for a required parameter.</summary>
        public string? PythonDefault { get; }
        public bool Variadic { get; }
        public bool Required => PythonDefault is null && !Variadic;
    }

    /// <summary>
    /// One row of the numpy / scikit-learn mapping tables: the Python API (a signature whose parameters carry
    /// their argument kind: <c>numpy.zeros(shape:any, dtype:dtype=None)</c>), the Batuta API it becomes (a C#
    /// template over the parameter names: <c>Np.Zeros({shape}, {dtype})</c>, <c>{self}</c> for the receiver),
    /// the static type of the result, and the semantic notes that docs/ml-mapping.md publishes.
    /// </summary>
    internal sealed class LibraryRow
    {
        public LibraryRow(string python, string batuta, Func<LibraryCall, PyType> returns, string notes = "", Func<LibraryCall, bool>? when = null)
        {
            int open = python.IndexOf('(');
            Name = open < 0 ? python : python.Substring(0, open);
            Params = open < 0 ? System.Array.Empty<LibraryParam>() : ParseParams(python.Substring(open + 1, python.LastIndexOf(')') - open - 1));
            Signature = open < 0 ? python : Name + "(" + string.Join(", ", Params.Select(p => (p.Variadic ? "*" : "") + p.Name + (p.PythonDefault is null ? "" : "=" + p.PythonDefault))) + ")";
            Batuta = batuta;
            Returns = returns;
            Notes = notes;
            When = when;
            IsProperty = open < 0;
        }

        /// <summary>The Python name: <c>numpy.zeros</c>, <c>ndarray.sum</c>, <c>sklearn.metrics.accuracy_score</c>.</summary>
        public string Name { get; }
        public LibraryParam[] Params { get; }
        /// <summary>The Python signature as users know it (kinds left out).</summary>
        public string Signature { get; }
        public string Batuta { get; }
        public Func<LibraryCall, PyType> Returns { get; }
        public string Notes { get; }
        /// <summary>Guards a row that applies to one form of a call (e.g. <c>sum</c> with or without axis).</summary>
        public Func<LibraryCall, bool>? When { get; }
        /// <summary>An attribute (no parentheses in the Python API).</summary>
        public bool IsProperty { get; }

        private static LibraryParam[] ParseParams(string text)
        {
            var list = new List<LibraryParam>();
            foreach (var raw in SplitTop(text))
            {
                var part = raw.Trim();
                if (part.Length == 0) continue;
                bool variadic = part.StartsWith("*", StringComparison.Ordinal);
                if (variadic) part = part.Substring(1);
                string? def = null;
                int eq = part.IndexOf('=');
                if (eq >= 0)
                {
                    def = part.Substring(eq + 1).Trim();
                    part = part.Substring(0, eq).Trim();
                }
                int colon = part.IndexOf(':');
                string name = colon < 0 ? part : part.Substring(0, colon).Trim();
                var kind = colon < 0 ? ArgKind.Any : (ArgKind)Enum.Parse(typeof(ArgKind), part.Substring(colon + 1).Trim(), ignoreCase: true);
                list.Add(new LibraryParam(name, kind, def, variadic));
            }
            return list.ToArray();
        }

        private static IEnumerable<string> SplitTop(string text)
        {
            int depth = 0;
            var sb = new StringBuilder();
            foreach (char c in text)
            {
                if (c is '(' or '[') depth++;
                if (c is ')' or ']') depth--;
                if (c == ',' && depth == 0)
                {
                    yield return sb.ToString();
                    sb.Clear();
                    continue;
                }
                sb.Append(c);
            }
            yield return sb.ToString();
        }
    }

    /// <summary>A call bound to a row: the receiver, the arguments by parameter name, and their static types.</summary>
    internal sealed class LibraryCall
    {
        private readonly Dictionary<string, ExpressionNode> _nodes;
        private readonly Dictionary<string, Ex> _values = new(StringComparer.Ordinal);

        public LibraryCall(Emitter emitter, LibraryRow row, Ex? self, Dictionary<string, ExpressionNode> nodes, List<ExpressionNode> rest, Node at)
        {
            Emitter = emitter;
            Row = row;
            Self = self;
            _nodes = nodes;
            Rest = rest;
            At = at;
        }

        public Emitter Emitter { get; }
        public LibraryRow Row { get; }
        public Ex? Self { get; }
        /// <summary>Arguments beyond the named parameters (the *args of a variadic row).</summary>
        public List<ExpressionNode> Rest { get; }
        public Node At { get; }

        public bool Has(string name) => _nodes.ContainsKey(name) && !(_nodes[name] is Constant { Value: null });

        /// <summary>The names of the parameters that were passed.</summary>
        public IEnumerable<string> Given() => _nodes.Keys.ToList();

        public ExpressionNode? Node(string name) => _nodes.TryGetValue(name, out var n) ? n : null;

        /// <summary>The argument's value (emitted once).</summary>
        public Ex Value(string name)
        {
            if (_values.TryGetValue(name, out var v)) return v;
            v = Emitter.Expr(_nodes[name]);
            _values[name] = v;
            return v;
        }

        /// <summary>The static type of an argument, or Unknown when it was not given.</summary>
        public PyType Type(string name) => _nodes.ContainsKey(name) ? Value(name).Type : PyType.Unknown;

        /// <summary>An int literal argument (e.g. axis=0), or null.</summary>
        public long? IntLiteral(string name) => _nodes.TryGetValue(name, out var n) ? LibraryBinder.IntConstant(n) : null;

        /// <summary>A dtype argument known at transpile time ("float64", "int64", "bool", ...), or null.</summary>
        public string? DTypeLiteral(string name) => _nodes.TryGetValue(name, out var n) ? NumpyTypes.DTypeOf(n, Emitter) : null;

        public PyType SelfType => Self?.Type ?? PyType.Unknown;
    }

    /// <summary>Binds a Python call to a row and renders the row's template.</summary>
    internal static class LibraryBinder
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public static long? IntConstant(ExpressionNode n) => n switch
        {
            Constant { Value: System.Numerics.BigInteger b } => (long)b,
            UnaryOp { Op: UnaryOperator.USub, Operand: Constant { Value: System.Numerics.BigInteger nb } } => -(long)nb,
            _ => null,
        };

        /// <summary>The first row whose parameters accept the call and whose guard holds; BATUTA-T-004 otherwise.</summary>
        public static Ex Apply(Emitter e, IReadOnlyList<LibraryRow> candidates, Ex? self, Call c)
        {
            string? lastError = null;
            foreach (var row in candidates)
            {
                var call = Bind(e, row, self, c, out var error);
                if (call is null)
                {
                    lastError = error;
                    continue;
                }
                if (row.When is not null && !row.When(call)) continue;
                return Render(call);
            }
            var first = candidates[0];
            var supported = string.Join("; ", candidates.Select(r => r.Signature).Distinct());
            return e.NotSupported(c, lastError ?? $"this form of {first.Name}()", "supported: " + supported);
        }

        private static LibraryCall? Bind(Emitter e, LibraryRow row, Ex? self, Call c, out string? error)
        {
            error = null;
            var nodes = new Dictionary<string, ExpressionNode>(StringComparer.Ordinal);
            var rest = new List<ExpressionNode>();
            var ps = row.Params;
            int pi = 0;
            foreach (var a in c.Args)
            {
                if (a is Starred)
                {
                    error = $"*args in a call to {row.Name}()";
                    return null;
                }
                if (pi < ps.Length && ps[pi].Variadic)
                {
                    rest.Add(a);
                    continue;
                }
                if (pi >= ps.Length)
                {
                    error = $"{row.Name}() with {c.Args.Count} positional arguments";
                    return null;
                }
                nodes[ps[pi].Name] = a;
                pi++;
            }
            foreach (var k in c.Keywords)
            {
                if (k.Arg is null)
                {
                    error = "**kwargs in a call";
                    return null;
                }
                var p = ps.FirstOrDefault(x => x.Name == k.Arg && !x.Variadic);
                if (p is null)
                {
                    error = $"keyword argument '{k.Arg}' of {row.Name}()";
                    return null;
                }
                nodes[p.Name] = k.Value;
            }
            foreach (var p in ps)
            {
                if (p.Required && !nodes.ContainsKey(p.Name))
                {
                    error = $"{row.Name}() without its argument '{p.Name}'";
                    return null;
                }
            }
            return new LibraryCall(e, row, self, nodes, rest, c);
        }

        /// <summary>A row without a call (an attribute such as <c>a.shape</c>).</summary>
        public static Ex RenderProperty(Emitter e, LibraryRow row, Ex self, Node at) =>
            Render(new LibraryCall(e, row, self, new Dictionary<string, ExpressionNode>(StringComparer.Ordinal), new List<ExpressionNode>(), at));

        public static Ex Render(LibraryCall call)
        {
            var row = call.Row;
            var type = row.Returns(call);
            // While inference still runs, a result that is only dynamic because an argument is not typed yet stays
            // "not known yet", so the variable it is stored in is not pinned to object for good.
            if (type.Kind == TypeKind.Object || NumpyTypes.IsArray(type) && (NumpyTypes.DType(type) == "?" || NumpyTypes.Ndim(type) < 0))
            {
                var operands = call.Given().Select(call.Value).ToList();
                if (call.Self is { } self) operands.Add(self);
                if (type.Kind == TypeKind.Object || operands.Any(o => o.Type.HasUnknown)) type = operands.Any(o => o.Type.HasUnknown) ? call.Emitter.DynamicOf(operands.ToArray()) is { Kind: TypeKind.Unknown } u ? u : type : type;
            }
            var sb = new StringBuilder();
            var t = row.Batuta;
            for (int i = 0; i < t.Length; i++)
            {
                if (t[i] == '}' && i + 1 < t.Length && t[i + 1] == '}')
                {
                    sb.Append('}');
                    i++;
                    continue;
                }
                if (t[i] != '{' || i + 1 < t.Length && t[i + 1] == '{')
                {
                    if (t[i] == '{') i++;
                    sb.Append(t[i]);
                    continue;
                }
                int close = t.IndexOf('}', i);
                var key = t.Substring(i + 1, close - i - 1);
                sb.Append(Placeholder(call, key, type));
                i = close;
            }
            var code = sb.ToString();
            // A template that starts with a cast or holds an operator needs parentheses as an operand.
            bool atomic = !code.StartsWith("(", StringComparison.Ordinal) && !code.StartsWith("-", StringComparison.Ordinal) && !code.Contains(" ? ") && !code.Contains(" is ");
            return new Ex(code, type, atomic);
        }

        private static string Placeholder(LibraryCall call, string key, PyType result)
        {
            var e = call.Emitter;
            switch (key)
            {
                case "self": return call.Self.OrThrow().Value.P;
                case "T": return NumpyTypes.ScalarSuffix(result);
                case "*": return string.Join(", ", call.Rest.Select(n => Convert(e, e.Expr(n), ArgKind.Any, n)));
                case "*long": return string.Join(", ", call.Rest.Select(n => Emitter.Long(e.Expr(n, PyType.Int))));
                case "*arrays": return string.Join(", ", call.Rest.Select(n => NumpyTypes.ArrayCode(e.Expr(n))));
                case "props": return Sklearn.Properties(call);
            }
            bool optional = key.EndsWith("?", StringComparison.Ordinal);
            string name = optional ? key.Substring(0, key.Length - 1) : key;
            var p = call.Row.Params.FirstOrDefault(x => x.Name == name) ?? throw new InvalidOperationException($"mapping row {call.Row.Name}: unknown placeholder {{{key}}}");
            if (call.Node(name) is { } node) return Convert(e, call.Value(name), p.Kind, node);
            return Default(p);
        }

        /// <summary>The C# for a parameter that was not passed: its Python default in the parameter's kind.</summary>
        public static string Default(LibraryParam p)
        {
            var d = p.PythonDefault ?? "None";
            if (d == "None") return p.Kind is ArgKind.Int ? "0" : p.Kind is ArgKind.Float ? "0.0" : "null";
            if (d == "True") return "true";
            if (d == "False") return "false";
            if (d.StartsWith("'", StringComparison.Ordinal)) return "\"" + d.Substring(1, d.Length - 2) + "\"";
            switch (p.Kind)
            {
                case ArgKind.Float or ArgKind.OptFloat:
                    return d.Contains('.') || d.Contains('e') ? d : d + ".0";
                case ArgKind.Int or ArgKind.OptInt:
                    return d;
                case ArgKind.Axis:
                    return $"new PyInt({d})";
                case ArgKind.Any or ArgKind.Ufunc:
                    return d.Contains('.') || d.Contains('e') ? $"(object){d}" : $"new PyInt({d})";
                default:
                    return d;
            }
        }

        /// <summary>An argument's C# in the parameter's kind.</summary>
        public static string Convert(Emitter e, Ex v, ArgKind kind, ExpressionNode node)
        {
            switch (kind)
            {
                case ArgKind.Array:
                    return NumpyTypes.ArrayCode(v);
                case ArgKind.Ufunc:
                    if (NumpyTypes.IsArray(v.Type)) return v.Code;
                    if (v.Type.Kind == TypeKind.Float) return v.Code;
                    if (v.Type.Kind is TypeKind.Int or TypeKind.Bool) return e.CoerceTo(v, PyType.Float).Code;
                    if (v.Type.Kind is TypeKind.List or TypeKind.Tuple or TypeKind.VarTuple or TypeKind.Range) return NumpyTypes.ArrayCode(v);
                    return "(object?)" + Emitter.BoxOf(v);
                case ArgKind.Int:
                    return Emitter.Long(v);
                case ArgKind.OptInt:
                    return v.Type.Kind == TypeKind.None ? "null" : $"(int?){Emitter.Long(v)}";
                case ArgKind.Float:
                    return e.CoerceTo(v, PyType.Float).Code;
                case ArgKind.OptFloat:
                    return v.Type.Kind == TypeKind.None ? "null" : $"(double?){e.CoerceTo(v, PyType.Float).P}";
                case ArgKind.Bool:
                    return e.TruthOf(v);
                case ArgKind.Str:
                    return v.Type.Kind == TypeKind.None ? "null" : e.CoerceTo(v, PyType.Str).Code;
                case ArgKind.Axis:
                    return v.Type.Kind == TypeKind.None ? "null" : "(object?)" + Emitter.BoxOf(v.IntLiteral ? new Ex($"new PyInt({v.Code})", PyType.Int, true) : v);
                case ArgKind.DType:
                    return NumpyTypes.DTypeCode(node, v, e);
                case ArgKind.Estimator:
                    return v.Code;
                case ArgKind.Steps:
                    return Sklearn.StepsCode(e, node);
                case ArgKind.Size:
                    return v.Type.Kind switch
                    {
                        TypeKind.None => "null",
                        TypeKind.Int => $"(int){Emitter.Long(v)}",
                        TypeKind.Float or TypeKind.Str => v.Code,
                        _ => $"Sk.Size({Emitter.BoxOf(v)})",
                    };
                case ArgKind.Labels:
                    return v.Type.Kind == TypeKind.None ? "null" : $"Sk.Y({NumpyTypes.ArrayCode(v)})!";
                default:
                    if (v.Type.Kind == TypeKind.None) return "null";
                    if (v.Type.Kind == TypeKind.Tuple && v.Type.Args.Count > 0 && v.Type.Args.Count <= 7) return $"(object){v.Code}";
                    return Emitter.BoxOf(v);
            }
        }

        public static string Literal(string s) => CsNames.Literal(s);
    }
}
