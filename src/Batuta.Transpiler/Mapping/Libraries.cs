using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Model;
using static Batuta.Transpiler.Mapping.NumpyTypes;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// The emitter's one entry point for numpy and scikit-learn: imports, calls, attributes, operators, subscripts,
    /// iteration and the C# types of library values. Every method returns null for values that are not numpy or
    /// scikit-learn ones, so the emitter's own rules apply unchanged to everything else.
    /// </summary>
    internal static class Libraries
    {
        public static bool IsKnownModule(string module) =>
            module is "numpy" or "numpy.random" or "numpy.linalg" || module == "sklearn" || module.StartsWith("sklearn.", StringComparison.Ordinal);

        /// <summary>The usings a generated module needs when it imports numpy or scikit-learn.</summary>
        public static IEnumerable<string> Usings(IEnumerable<string> importTargets)
        {
            if (importTargets.Any(t => t.Contains(":numpy") || t.Contains(":sklearn")))
                yield return "using Batuta.Python.Runtime.Numpy;";
        }

        /// <summary>The C# type of a library value (declarations of variables, fields, parameters).</summary>
        public static string? CsType(string name)
        {
            if (!IsLibraryName(name)) return null;
            if (IsArray(PyType.Class(name))) return "NdArray";
            switch (name)
            {
                case "numpy.dtype": return "NpDType";
                case NumpyRandom.RandomStateType: return "NpRandomState";
                case NumpyRandom.GeneratorType: return "NpGenerator";
            }
            if (name.StartsWith("sklearn.pipeline.Step<", StringComparison.Ordinal)) return "(string Name, Batuta.ML.Estimator? Estimator)";
            return Sklearn.CsType(name) ?? "object?";
        }

        public static string? Join(string a, string b)
        {
            if (!IsLibraryName(a) || !IsLibraryName(b)) return null;
            return NumpyTypes.Join(a, b) ?? Sklearn.Join(a, b);
        }

        /// <summary>numpy's own exception classes in except clauses (np.linalg.LinAlgError, np.AxisError).</summary>
        public static PyType? ExceptionType(string name) => name is "LinAlgError" or "AxisError" ? PyType.Exception(name) : null;

        public static Ex? Constant(string qualified) => qualified.StartsWith("numpy.", StringComparison.Ordinal) ? Numpy.Constant(qualified) : null;

        /// <summary>numpy.f(...) and sklearn.m.f(...): a mapped row, or BATUTA-T-004 naming the nearest supported functions.</summary>
        public static Ex? Call(Emitter e, string qualified, Call c)
        {
            if (qualified.StartsWith("numpy.", StringComparison.Ordinal))
            {
                var rows = Numpy.Rows(qualified);
                if (rows is not null) return LibraryBinder.Apply(e, rows, null, c);
                return Unmapped(e, c, qualified, Numpy.ModuleRows.Select(r => r.Name));
            }
            if (qualified.StartsWith("sklearn.", StringComparison.Ordinal))
            {
                var rows = Sklearn.Function(qualified);
                if (rows is not null) return LibraryBinder.Apply(e, rows, null, c);
                return Unmapped(e, c, qualified, Sklearn.Names);
            }
            return null;
        }

        private static Ex Unmapped(Emitter e, Node at, string name, IEnumerable<string> supported)
        {
            var near = Numpy.Nearest(name, supported).ToList();
            return e.NotSupported(at, name + "()", near.Count > 0 ? "nearest supported: " + string.Join(", ", near) : "this part of the library is not mapped yet");
        }

        private static string? OwnerName(PyType t)
        {
            if (IsArray(t)) return "ndarray";
            if (t.Kind == TypeKind.Class && t.Name is NumpyRandom.RandomStateType or NumpyRandom.GeneratorType) return t.Name;
            return null;
        }

        /// <summary>obj.method(...) on an array, a random generator or an estimator.</summary>
        public static Ex? CallMethod(Emitter e, Ex obj, string name, Call c)
        {
            var t = obj.Type;
            // numpy scalars (np.float64 from a reduction) have array methods; Python floats do not, so a call
            // such as x.mean().round(3) can only be numpy's.
            if (t.Kind == TypeKind.Float && name == "round" && c.Keywords.Count == 0 && c.Args.Count <= 1)
                return new Ex($"Np.Round({obj.Code}{(c.Args.Count == 1 ? ", " + Emitter.Long(e.Expr(c.Args[0], PyType.Int)) : "")})", PyType.Float, true);
            if (t.Kind == TypeKind.Object && name == "round" && c.Keywords.Count == 0 && c.Args.Count <= 1)
                return new Ex($"Batuta.Python.Runtime.Numpy.Np.RoundMethod({obj.Code}{(c.Args.Count == 1 ? ", " + Emitter.Long(e.Expr(c.Args[0], PyType.Int)) : "")})", PyType.Object, true);
            if (t.Kind is TypeKind.Float or TypeKind.Int or TypeKind.Bool && name == "item" && c.Args.Count == 0) return obj;
            if (!IsLibrary(t)) return null;
            if (OwnerName(t) is { } owner)
            {
                var rows = Numpy.Rows(owner + "." + name) ?? NumpyRandomRows(owner + "." + name);
                if (rows is not null) return LibraryBinder.Apply(e, rows, obj, c);
                var names = owner == "ndarray" ? Numpy.MethodRows.Select(r => r.Name) : NumpyRandom.MethodRows().Select(r => r.Name);
                return Unmapped(e, c, owner + "." + name, names);
            }
            if (t.Name == "numpy.dtype") return null;
            var srows = Sklearn.Method(t, name);
            if (srows is not null) return LibraryBinder.Apply(e, srows, obj, c);
            return Unmapped(e, c, t.Name + "." + name, Sklearn.AllRows.Select(r => r.Name));
        }

        private static readonly Dictionary<string, List<LibraryRow>> RandomMethods = Numpy.Index(NumpyRandom.MethodRows());

        private static IReadOnlyList<LibraryRow>? NumpyRandomRows(string name) => RandomMethods.TryGetValue(name, out var l) ? l : null;

        /// <summary>obj.attr on an array (shape, T, dtype, ...), a dtype or an estimator (coef_, ...).</summary>
        public static Ex? Attribute(Emitter e, Ex obj, string attr, Node at)
        {
            var t = obj.Type;
            if (!IsLibrary(t)) return null;
            if (IsArray(t))
            {
                if (Numpy.Rows("ndarray." + attr) is { } rows && rows[0].IsProperty)
                {
                    var row = rows.FirstOrDefault(r => r.When is null || r.When(new LibraryCall(e, r, obj, new Dictionary<string, ExpressionNode>(), new List<ExpressionNode>(), at))) ?? rows[0];
                    return LibraryBinder.RenderProperty(e, row, obj, at);
                }
                return Unmapped(e, at, "ndarray." + attr, Numpy.MethodRows.Select(r => r.Name));
            }
            if (t.Name == "numpy.dtype")
            {
                return attr switch
                {
                    "name" => new Ex($"{obj.P}.Name", PyType.Str, true),
                    "kind" => new Ex($"{obj.P}.KindChar", PyType.Str, true),
                    "itemsize" => new Ex($"new PyInt({obj.P}.ItemSize)", PyType.Int, true),
                    _ => e.NotSupported(at, $"dtype.{attr}", "supported: name, kind, itemsize"),
                };
            }
            return Sklearn.Attribute(e, obj, attr, at);
        }

        // ---- operators ----

        private static bool Numeric(PyType t) => t.Kind is TypeKind.Float or TypeKind.Int or TypeKind.Bool;

        /// <summary>An operand as C#: arrays as they are, Python numbers as C# numbers (the NdArray operators take double, long and PyInt).</summary>
        private static string Operand(Ex v)
        {
            if (IsArray(v.Type)) return v.P;
            if (v.Type.Kind == TypeKind.Float) return v.P;
            if (v.Type.Kind == TypeKind.Int) return v.IntLiteral ? v.Code + "L" : v.P;
            return "(" + ArrayCode(v) + ")";
        }

        /// <summary>One Python operator on arrays: numpy's ufunc behind it and the C# operator NdArray defines (if any).</summary>
        internal sealed record OperatorRow(Operator Op, string Python, string Ufunc, string? CsOperator, string Notes);

        /// <summary>numpy's operators on arrays, as a table (also published in docs/ml-mapping.md).</summary>
        internal static readonly OperatorRow[] Operators =
        {
            new(Operator.Add, "a + b", "Add", "+", "broadcasting; numpy promotion (value-based with Python scalars); bool + bool is logical or"),
            new(Operator.Sub, "a - b", "Subtract", "-", "bool - bool raises TypeError, as numpy"),
            new(Operator.Mult, "a * b", "Multiply", "*", "bool * bool is logical and"),
            new(Operator.Div, "a / b", "TrueDivide", "/", "always float (float32 stays float32); x/0 gives inf/nan, no exception"),
            new(Operator.FloorDiv, "a // b", "FloorDivide", null, "numpy's npy_divmod for floats; ints floor; x // 0 is 0 for ints"),
            new(Operator.Mod, "a % b", "Mod", "%", "sign of the divisor, as Python; x % 0 is 0 for ints"),
            new(Operator.Pow, "a ** b", "Power", null, "int ** negative int raises ValueError, as numpy"),
            new(Operator.BitAnd, "a & b", "BitAnd", "&", "logical and for bool arrays, bitwise for ints"),
            new(Operator.BitOr, "a | b", "BitOr", "|", "logical or for bool arrays"),
            new(Operator.BitXor, "a ^ b", "BitXor", "^", "logical xor for bool arrays"),
        };

        private static OperatorRow? OperatorFor(Operator op) => Operators.FirstOrDefault(r => r.Op == op);

        /// <summary>a op b where a or b is an array: numpy's operators (broadcasting, promotion), or the matrix product for @.</summary>
        public static Ex? Binary(Emitter e, Operator op, Ex l, Ex r)
        {
            bool la = IsArray(l.Type), ra = IsArray(r.Type);
            if (op == Operator.MatMult && (la || ra))
            {
                var a = Numpy.ArrayOf(l.Type);
                var b = Numpy.ArrayOf(r.Type);
                int na = Ndim(a), nb = Ndim(b);
                var dt = PromoteDType(DType(a), DType(b));
                if (na == 1 && nb == 1) return new Ex($"Np.DotF({Emitter.BoxOf(l)}, {Emitter.BoxOf(r)})", IsFloatDType(dt) ? PyType.Float : PyType.Object, true);
                int nd = na < 0 || nb < 0 ? -1 : na == 1 ? nb - 1 : nb == 1 ? na - 1 : Math.Max(na, nb);
                if (na >= 2 || nb >= 2) return new Ex($"Np.MatMulA({Emitter.BoxOf(l)}, {Emitter.BoxOf(r)})", Array(dt, nd), true);
                return new Ex($"Np.MatMul({Emitter.BoxOf(l)}, {Emitter.BoxOf(r)})", PyType.Object, true);
            }
            if (!la && !ra) return null;
            if (OperatorFor(op) is not { } row) return null;
            var type = Numpy.Binary(l.Type, r.Type, op);
            // NdArray's C# operators take arrays and Python numbers (double, long, PyInt); % and the bit operators
            // only with an array on the left, or two arrays.
            bool bitwise = op is Operator.BitAnd or Operator.BitOr or Operator.BitXor;
            bool operatorForm = row.CsOperator is not null
                && (bitwise ? la && ra : (la || Numeric(l.Type) && l.Type.Kind != TypeKind.Bool) && (ra || Numeric(r.Type) && r.Type.Kind != TypeKind.Bool))
                && !(op == Operator.Mod && !la);
            if (operatorForm) return new Ex($"{Operand(l)} {row.CsOperator} {Operand(r)}", type);
            return new Ex($"NdArray.ApplyArrays(NpBinary.{row.Ufunc}, {Emitter.BoxOf(l)}, {Emitter.BoxOf(r)})", type, true);
        }

        /// <summary>a &lt; b (etc.) with an array operand: an element-wise bool array.</summary>
        public static Ex? Compare(Ex l, CompareOperator op, Ex r)
        {
            if (!IsArray(l.Type) && !IsArray(r.Type)) return null;
            var method = op switch
            {
                CompareOperator.Eq => "Eq", CompareOperator.NotEq => "Ne", CompareOperator.Lt => "Lt", CompareOperator.LtE => "Le",
                CompareOperator.Gt => "Gt", CompareOperator.GtE => "Ge", _ => null,
            };
            if (method is not null)
            {
                int nd = Math.Max(Ndim(Numpy.ArrayOf(l.Type)), Ndim(Numpy.ArrayOf(r.Type)));
                if (Ndim(Numpy.ArrayOf(l.Type)) < 0 || Ndim(Numpy.ArrayOf(r.Type)) < 0) nd = -1;
                return new Ex($"NdArray.{method}({Emitter.BoxOf(l)}, {Emitter.BoxOf(r)})", Array("bool", nd), true);
            }
            if (op is CompareOperator.In or CompareOperator.NotIn && IsArray(r.Type))
            {
                var code = $"NdArray.Eq({r.P}, {Emitter.BoxOf(l)}).Any()";
                return new Ex(op == CompareOperator.In ? code : "!" + code, PyType.Bool, true);
            }
            return null;
        }

        public static Ex? Unary(UnaryOperator op, Ex v)
        {
            if (!IsArray(v.Type)) return null;
            return op switch
            {
                UnaryOperator.USub => new Ex($"-{v.P}", v.Type),
                UnaryOperator.UAdd => v,
                UnaryOperator.Invert => new Ex($"~{v.P}", v.Type),
                _ => null,
            };
        }

        /// <summary>a op= b on an array: numpy updates a in place (other names for the same array see it).</summary>
        public static Ex? InPlace(Operator op, Ex target, Ex rhs)
        {
            if (!IsArray(target.Type) || OperatorFor(op) is not { } row) return null;
            return new Ex($"NdArray.InPlace(NpBinary.{row.Ufunc}, {target.P}, {Emitter.BoxOf(rhs)})", target.Type, true);
        }

        // ---- subscripts ----

        private sealed class IndexInfo
        {
            public readonly List<string> Codes = new();
            public int Ints, Slices, NewAxes, Arrays, ArrayNdim = -2, BoolNdims, Ellipses;
            public bool Unknown;
        }

        private static IndexInfo Index(Emitter e, ExpressionNode slice)
        {
            var info = new IndexInfo();
            var parts = slice is Tuple t ? t.Elts.ToList() : new List<ExpressionNode> { slice };
            foreach (var p in parts)
            {
                switch (p)
                {
                    case Slice s:
                        info.Slices++;
                        info.Codes.Add($"NpIndex.Slice({Part(e, s.Lower)}, {Part(e, s.Upper)}, {Part(e, s.Step)})");
                        continue;
                    case Constant { Value: null }:
                        info.NewAxes++;
                        info.Codes.Add("NpIndex.NewAxis");
                        continue;
                    case Constant { Value: Batuta.Python.Ast.PythonEllipsis }:
                        info.Ellipses++;
                        info.Codes.Add("NpIndex.Ellipsis");
                        continue;
                }
                var v = e.Expr(p, PyType.Int);
                if (v.Type.Kind == TypeKind.Int)
                {
                    info.Ints++;
                    info.Codes.Add($"NpIndex.At({Emitter.Long(v)})");
                }
                else if (v.Type.Kind == TypeKind.None)
                {
                    info.NewAxes++;
                    info.Codes.Add("NpIndex.NewAxis");
                }
                else if (IsArray(v.Type) || v.Type.Kind is TypeKind.List or TypeKind.Range)
                {
                    var a = Numpy.ArrayOf(v.Type);
                    info.Arrays++;
                    if (DType(a) == "bool") info.BoolNdims += Ndim(a) < 0 ? 1 : Ndim(a);
                    int nd = DType(a) == "bool" ? 1 : DType(a) == "?" ? -1 : Ndim(a);
                    info.ArrayNdim = info.ArrayNdim == -2 ? nd : info.ArrayNdim == nd ? nd : -1;
                    info.Codes.Add($"NpIndex.Of({ArrayCode(v)})");
                }
                else
                {
                    info.Unknown = true;
                    info.Codes.Add($"NpIndex.FromObject({Emitter.BoxOf(v)})");
                }
            }
            return info;
        }

        private static string Part(Emitter e, ExpressionNode? x)
        {
            if (x is null || x is Constant { Value: null }) return "null";
            var v = e.Expr(x, PyType.Int);
            if (v.Type.Kind == TypeKind.Int) return Emitter.Long(v);
            return $"(long?)Dyn.Cast<PyInt?>({Emitter.BoxOf(v)})";
        }

        /// <summary>a[index]: a view, a gathered copy, or a Python scalar when every axis is picked by an int.</summary>
        public static Ex? Subscript(Emitter e, Ex obj, Subscript s)
        {
            if (obj.Type.Kind == TypeKind.Module && obj.Type.Name is "numpy.r_" or "numpy.c_") return IndexConcat(e, obj.Type.Name == "numpy.c_", s.Slice);
            if (Sklearn.Subscript(e, obj, s.Slice) is { } sk) return sk;
            if (!IsArray(obj.Type)) return null;
            var info = Index(e, s.Slice);
            var dt = DType(obj.Type);
            int nd = Ndim(obj.Type);
            string args = string.Join(", ", info.Codes);
            if (info.Arrays == 0 && !info.Unknown)
            {
                if (info.Slices == 0 && info.NewAxes == 0 && info.Ellipses == 0 && nd >= 0 && info.Ints == nd)
                {
                    var st = Scalar(dt);
                    string m = st.Kind switch { TypeKind.Float => "GetFloat", TypeKind.Int => "GetInt", TypeKind.Bool => "GetBool", TypeKind.Str => "GetStr", _ => "GetItem" };
                    return new Ex($"{obj.P}.{m}({args})", st, true);
                }
                if (nd >= 0 && info.Ints > nd) return new Ex($"{obj.P}.GetItem({args})", PyType.Object, true);
                if (nd < 0 && info.Slices == 0 && info.NewAxes == 0 && info.Ellipses == 0) return new Ex($"{obj.P}.GetItem({args})", PyType.Object, true);
                int outNd = nd < 0 || info.Ellipses > 0 ? -1 : nd - info.Ints + info.NewAxes;
                return new Ex($"{obj.P}.GetArray({args})", Array(dt, outNd), true);
            }
            if (info.Unknown) return new Ex($"{obj.P}.GetItem({args})", e.DynamicOf(obj, new Ex("", PyType.Unknown)), true);
            // advanced indexing: one broadcast block of the index arrays replaces the axes they index
            int consumed = info.Ints + (info.Arrays - (info.BoolNdims > 0 ? 1 : 0)) + info.BoolNdims;
            int blockNd = info.ArrayNdim < 0 ? -1 : info.ArrayNdim;
            int outDims = nd < 0 || blockNd < 0 || info.Ellipses > 0 ? -1 : nd - consumed + blockNd + info.NewAxes;
            return new Ex($"{obj.P}.GetArray({args})", Array(dt, outDims), true);
        }

        /// <summary><c>np.r_[...]</c> / <c>np.c_[...]</c>: arrays, numbers and slices (aranges) joined.</summary>
        private static Ex IndexConcat(Emitter e, bool columns, ExpressionNode index)
        {
            var items = index is Batuta.Python.Ast.Tuple t ? t.Elts.ToList() : new List<ExpressionNode> { index };
            var codes = new List<string>();
            string dtype = "";
            int nd = columns ? 2 : 1;
            foreach (var item in items)
            {
                if (item is Slice sl)
                {
                    if (sl.Upper is null) return e.NotSupported(item, "an open-ended slice in np.r_/np.c_");
                    var parts = new[] { sl.Lower, sl.Upper, sl.Step }.Select(x => x is null or Constant { Value: null } ? (Ex?)null : e.Expr(x)).ToList();
                    codes.Add($"Np.Arange({(parts[0] is { } lo ? Emitter.BoxOf(lo) : "new PyInt(0)")}, {(parts[1] is { } hi ? Emitter.BoxOf(hi) : "null")}, {(parts[2] is { } st ? Emitter.BoxOf(st) : "null")})");
                    var sd = parts.Any(x => x is { Type.Kind: TypeKind.Float }) ? "float64" : "int64";
                    dtype = dtype.Length == 0 ? sd : PromoteDType(dtype, sd);
                    continue;
                }
                var v = e.Expr(item);
                codes.Add(Emitter.BoxOf(v));
                var d = DTypeOfValue(v.Type);
                dtype = dtype.Length == 0 ? d : PromoteDType(dtype, d);
                int vn = NdimOfValue(v.Type);
                nd = vn < 0 || nd < 0 ? -1 : Math.Max(nd, vn);
            }
            return new Ex($"Np.{(columns ? "CConcat" : "RConcat")}({string.Join(", ", codes)})", Array(dtype.Length == 0 ? "?" : dtype, nd), true);
        }

        /// <summary>a[index] = value (basic or advanced), broadcast as numpy does; a statement.</summary>
        public static string? StoreSubscript(Emitter e, Ex obj, Subscript s, Ex value)
        {
            if (!IsArray(obj.Type)) return null;
            var info = Index(e, s.Slice);
            return $"{obj.P}.SetItem({Emitter.BoxOf(value)}, {string.Join(", ", info.Codes)});";
        }

        // ---- iteration ----

        public static PyType? ElementType(PyType t)
        {
            if (!IsArray(t)) return null;
            int nd = Ndim(t);
            if (nd == 1) return Scalar(DType(t));
            if (nd > 1) return WithNdim(t, nd - 1);
            return PyType.Object;
        }

        /// <summary>What to foreach over for an array: typed scalars for vectors, rows for matrices.</summary>
        public static string? Iterate(Ex v)
        {
            if (!IsArray(v.Type)) return null;
            int nd = Ndim(v.Type);
            if (nd > 1) return $"{v.P}.Rows()";
            if (nd == 1)
            {
                return Scalar(DType(v.Type)).Kind switch
                {
                    TypeKind.Float => $"{v.P}.Floats()",
                    TypeKind.Int => $"{v.P}.Ints()",
                    TypeKind.Bool => $"{v.P}.Bools()",
                    TypeKind.Str => $"{v.P}.Strs()",
                    _ => v.Code,
                };
            }
            return v.Code;
        }

        /// <summary>Builtins whose array form differs: abs(a), float(a), int(a), len(a).</summary>
        public static Ex? Builtin(Emitter e, string name, Call c)
        {
            if (c.Args.Count != 1 || c.Keywords.Count > 0) return null;
            if (name is not ("abs" or "float" or "int" or "len" or "bool")) return null;
            var v = e.Peek(c.Args[0]);
            if (!IsArray(v.Type)) return null;
            v = e.Expr(c.Args[0]);
            return name switch
            {
                "abs" => new Ex($"Np.Abs({v.Code})", v.Type, true),
                "float" => new Ex($"Np.ToDouble({v.P}.Item())", PyType.Float, true),
                "int" => new Ex($"Py.Int({v.P}.Item())", PyType.Int, true),
                "bool" => new Ex($"Py.Truth({v.Code})", PyType.Bool, true),
                _ => new Ex($"new PyInt({v.P}.Count)", PyType.Int, true),
            };
        }
    }
}
