using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Model;
using static Batuta.Transpiler.Mapping.NumpyTypes;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// numpy → Batuta.Python.Runtime.Numpy (NdArray on Batuta.Tensor), as declarative rows: the Python API with its
    /// argument kinds, the C# it becomes, the static type of the result, and the semantic notes. docs/ml-mapping.md
    /// is generated from these rows (NumpyMappingDocTests fails when the checked-in page differs).
    /// </summary>
    internal static class Numpy
    {
        // ---- result types ----
        private static Func<LibraryCall, PyType> R(PyType t) => _ => t;
        private static readonly Func<LibraryCall, PyType> F = R(PyType.Float), I = R(PyType.Int), B = R(PyType.Bool), None = R(PyType.None), Obj = R(PyType.Object);
        private static Func<LibraryCall, PyType> Arr(string dtype, int ndim = -1) => _ => Array(dtype, ndim);

        /// <summary>The static array type of an array-like argument.</summary>
        public static PyType ArrayOf(PyType t) => IsArray(t) ? t : Array(DTypeOfValue(t), NdimOfValue(t));

        private static PyType SelfArr(LibraryCall c) => ArrayOf(c.SelfType);
        private static PyType ArgArr(LibraryCall c, string p) => ArrayOf(c.Type(p));

        /// <summary>np.select's result: the choices' dtype with the default's (numpy's value-based rule for a scalar default), shaped as a condition.</summary>
        private static PyType SelectType(LibraryCall c)
        {
            var choice = DTypeOfValue(c.Type("choicelist"));
            var dflt = c.Has("default") ? c.Type("default") : PyType.Int;
            var dtype = IsArray(dflt) ? PromoteDType(choice, DType(dflt)) : PromoteScalar(choice, DTypeOfValue(dflt));
            var conds = c.Type("condlist");
            int nd = conds.Kind is TypeKind.List or TypeKind.VarTuple ? NdimOfValue(conds.Elem) : conds.Kind == TypeKind.Tuple && conds.Args.Count > 0 ? NdimOfValue(conds.Args[0]) : -1;
            return Array(dtype, nd);
        }

        /// <summary>np.array(x, dtype): the dtype argument wins, else numpy's inference from the elements.</summary>
        private static PyType Created(LibraryCall c, string p, string dtypeParam = "dtype")
        {
            var a = ArgArr(c, p);
            return c.DTypeLiteral(dtypeParam) is { } d ? WithDType(a, d) : c.Has(dtypeParam) ? WithDType(a, "?") : a;
        }

        /// <summary>zeros/ones/empty(shape, dtype): float64 unless dtype says otherwise; ndim from the shape argument.</summary>
        private static PyType Filled(LibraryCall c, string defaultDType = "float64")
        {
            var dt = c.DTypeLiteral("dtype") ?? (c.Has("dtype") ? "?" : defaultDType);
            var st = c.Type("shape");
            int nd = st.Kind == TypeKind.Tuple ? st.Args.Count : st.Kind == TypeKind.Int ? 1 : -1;
            return Array(dt, nd);
        }

        /// <summary>A float ufunc (sqrt, exp, log, ...): float32 stays float32, everything else gives float64; a number gives a number.</summary>
        private static PyType FloatUfunc(LibraryCall c, string p = "x")
        {
            var t = c.Type(p);
            if (t.Kind is TypeKind.Float or TypeKind.Int or TypeKind.Bool) return PyType.Float;
            var a = ArrayOf(t);
            if (!IsArray(t) && a.Name == AnyArray.Name) return PyType.Object;
            return WithDType(a, DType(a) == "float32" ? "float32" : DType(a) == "?" ? "?" : "float64");
        }

        private static PyType NanAxisType(LibraryCall c)
        {
            var a = ArgArr(c, "a");
            int nd = Ndim(a);
            bool keep = c.Node("keepdims") is Constant { Value: true };
            return Array(DType(a) == "float32" ? "float32" : "float64", nd < 0 ? -1 : keep ? nd : nd - 1);
        }

        private static PyType PolyvalType(LibraryCall c)
        {
            var x = c.Type("x");
            var dtype = PromoteDType(DType(ArgArr(c, "p")), DTypeOfValue(x) is "bool" ? "int64" : DTypeOfValue(x));
            if (x.Kind is TypeKind.Float or TypeKind.Int or TypeKind.Bool) return Scalar(dtype);
            int nd = NdimOfValue(x);
            return nd < 0 && !IsArray(x) ? PyType.Object : Array(dtype, nd);
        }

        /// <summary>A ufunc that keeps the type (abs, negative, square, sign).</summary>
        private static PyType KeepUfunc(LibraryCall c, string p = "x")
        {
            var t = c.Type(p);
            if (t.Kind is TypeKind.Float or TypeKind.Int) return t.Kind == TypeKind.Int ? PyType.Int : PyType.Float;
            if (t.Kind == TypeKind.Bool) return PyType.Int;
            if (!IsArray(t) && t.Kind is not (TypeKind.List or TypeKind.Tuple or TypeKind.VarTuple)) return PyType.Object;
            return ArrayOf(t);
        }

        private static PyType BoolUfunc(LibraryCall c, string p = "x")
        {
            var t = c.Type(p);
            if (t.Kind is TypeKind.Float or TypeKind.Int or TypeKind.Bool) return PyType.Bool;
            return WithDType(ArrayOf(t), "bool");
        }

        /// <summary>A binary ufunc's result: numpy's promotion (value-based with Python scalars); two numbers give a number.</summary>
        public static PyType Binary(PyType a, PyType b, Operator op)
        {
            bool sa = !IsArray(a) && a.Kind is TypeKind.Float or TypeKind.Int or TypeKind.Bool;
            bool sb = !IsArray(b) && b.Kind is TypeKind.Float or TypeKind.Int or TypeKind.Bool;
            var ta = ArrayOf(a);
            var tb = ArrayOf(b);
            string da = DType(ta), db = DType(tb);
            string dt = (sa, sb) switch
            {
                (true, false) => PromoteScalar(db, da),
                (false, true) => PromoteScalar(da, db),
                _ => PromoteDType(da, db),
            };
            switch (op)
            {
                case Operator.Div:
                    dt = dt == "float32" ? "float32" : dt == "?" ? "?" : "float64";
                    break;
                case Operator.FloorDiv or Operator.Mod or Operator.Pow or Operator.Add or Operator.Sub or Operator.Mult:
                    if (dt == "bool" && op is not (Operator.Add or Operator.Mult)) dt = "int64";
                    break;
            }
            int nd = Ndim(ta) < 0 || Ndim(tb) < 0 ? -1 : Math.Max(Ndim(ta), Ndim(tb));
            if (sa && sb) return Scalar(dt);
            return Array(dt, nd);
        }

        private static PyType BinaryUfunc(LibraryCall c, Operator op, string x = "x1", string y = "x2")
        {
            var a = c.Type(x);
            var b = c.Type(y);
            if (a.Kind is TypeKind.Object or TypeKind.Unknown || b.Kind is TypeKind.Object or TypeKind.Unknown) return PyType.Object;
            return Binary(a, b, op);
        }

        /// <summary>sum/prod of an array: int64 for bool and int arrays, the float type for float arrays.</summary>
        private static string SumDType(string d) => d is "bool" or "int32" ? "int64" : d;

        private static PyType FullReduce(LibraryCall c, PyType self, Func<string, string> dtype)
        {
            var d = dtype(DType(self));
            return Scalar(d);
        }

        private static PyType AxisReduce(LibraryCall c, PyType self, Func<string, string> dtype)
        {
            var d = dtype(DType(self));
            int nd = Ndim(self);
            bool keep = c.Node("keepdims") is Constant { Value: true };
            return Array(d, nd < 0 ? -1 : keep ? nd : Math.Max(nd - 1, 0));
        }

        private static string Same(string d) => d;
        /// <summary>mean/std/var: float64 for every dtype the runtime holds (bool, ints, floats), float32 kept.</summary>
        private static string Floaty(string d) => d == "float32" ? "float32" : "float64";
        private static string Int64(string d) => "int64";

        private static bool NoAxis(LibraryCall c) => !c.Has("axis") && c.Node("keepdims") is null or Constant { Value: false };
        private static bool IntAxis(LibraryCall c) => c.Has("axis") && c.Type("axis").Kind == TypeKind.Int;

        /// <summary>Reduction rows for one method: the full reduction to a Python scalar, along an int axis to an array, or dynamic.</summary>
        private static IEnumerable<LibraryRow> Reduction(string owner, string name, string method, Func<string, string> dtype, string notes, string extra = "", string extraArgs = "")
        {
            string self = owner == "ndarray" ? "{self}" : "Np.AsArray({a})";
            string head = owner == "ndarray" ? "ndarray." + name + "(" : "numpy." + name + "(a:any, ";
            string sep = extra.Length > 0 ? ", " : "";
            yield return new LibraryRow(head + "axis:axis=None, keepdims:bool=False" + sep + extra + ")",
                self + "." + method + "{T}(" + extraArgs + ")",
                c => FullReduce(c, owner == "ndarray" ? SelfArr(c) : ArgArr(c, "a"), dtype), notes, NoAxis);
            yield return new LibraryRow(head + "axis:int=None, keepdims:bool=False" + sep + extra + ")",
                self + "." + method + "({axis}" + (extraArgs.Length > 0 ? ", " + extraArgs : "") + ", {keepdims})",
                c => AxisReduce(c, owner == "ndarray" ? SelfArr(c) : ArgArr(c, "a"), dtype), "along an axis: an array", IntAxis);
            yield return new LibraryRow(head + "axis:axis=None, keepdims:bool=False" + sep + extra + ")",
                self + "." + method + "({axis}" + (extraArgs.Length > 0 ? ", " + extraArgs : "") + ", {keepdims})",
                Obj, "axis only known at run time: a dynamic value");
        }

        private static IEnumerable<LibraryRow> SimpleReduction(string owner, string name, string method, Func<string, string> dtype, string notes)
        {
            string self = owner == "ndarray" ? "{self}" : "Np.AsArray({a})";
            string head = owner == "ndarray" ? "ndarray." + name + "(" : "numpy." + name + "(a:any, ";
            yield return new LibraryRow(head + "axis:axis=None)", self + "." + method + "{T}()",
                c => FullReduce(c, owner == "ndarray" ? SelfArr(c) : ArgArr(c, "a"), dtype), notes, c => !c.Has("axis"));
            yield return new LibraryRow(head + "axis:int=None)", self + "." + method + "({axis})",
                c => AxisReduce(c, owner == "ndarray" ? SelfArr(c) : ArgArr(c, "a"), dtype), "along an axis: an array", IntAxis);
            yield return new LibraryRow(head + "axis:axis=None)", self + "." + method + "({axis})", Obj, "axis only known at run time");
        }

        private static LibraryRow[] BuildModule()
        {
            var rows = new List<LibraryRow>
            {
                // creation
                new("numpy.array(object:any, dtype:dtype=None)", "Np.Array({object}, {dtype})", c => Created(c, "object"), "nested lists/tuples of numbers, bools or strings; dtype inferred as numpy does (bool < int64 < float64 < str); always a copy"),
                new("numpy.asarray(a:any, dtype:dtype=None)", "Np.AsArray({a}, {dtype})", c => Created(c, "a"), "no copy when a is already an array of that dtype"),
                new("numpy.zeros(shape:any, dtype:dtype=None)", "Np.Zeros({shape}, {dtype})", c => Filled(c), "float64 unless dtype is given"),
                new("numpy.ones(shape:any, dtype:dtype=None)", "Np.Ones({shape}, {dtype})", c => Filled(c), "float64 unless dtype is given"),
                new("numpy.empty(shape:any, dtype:dtype=None)", "Np.Empty({shape}, {dtype})", c => Filled(c), "zero-filled (numpy leaves memory uninitialised)"),
                new("numpy.full(shape:any, fill_value:any, dtype:dtype=None)", "Np.Full({shape}, {fill_value}, {dtype})", c => Filled(c, DTypeOfValue(c.Type("fill_value"))), "dtype of the fill value by default"),
                new("numpy.zeros_like(a:array, dtype:dtype=None)", "Np.ZerosLike({a}, {dtype})", c => Created(c, "a"), ""),
                new("numpy.ones_like(a:array, dtype:dtype=None)", "Np.OnesLike({a}, {dtype})", c => Created(c, "a"), ""),
                new("numpy.empty_like(a:array, dtype:dtype=None)", "Np.EmptyLike({a}, {dtype})", c => Created(c, "a"), "zero-filled"),
                new("numpy.full_like(a:array, fill_value:any, dtype:dtype=None)", "Np.FullLike({a}, {fill_value}, {dtype})", c => Created(c, "a"), ""),
                new("numpy.arange(start:any, stop:any=None, step:any=None, dtype:dtype=None)", "Np.Arange({start}, {stop}, {step}, {dtype})",
                    c => Array(c.DTypeLiteral("dtype") ?? (new[] { "start", "stop", "step" }.Any(p => c.Type(p).Kind == TypeKind.Float) ? "float64" : new[] { "start", "stop", "step" }.All(p => !c.Has(p) || c.Type(p).Kind == TypeKind.Int) ? "int64" : "?"), 1),
                    "int64 for int arguments, float64 otherwise; float values are start + i*step as numpy fills them"),
                new("numpy.linspace(start:any, stop:any, num:int=50, endpoint:bool=True, dtype:dtype=None)", "Np.Linspace({start}, {stop}, {num}, {endpoint}, {dtype})", c => Array(c.DTypeLiteral("dtype") ?? "float64", 1), "numpy's formula: i*step + start, last element = stop"),
                new("numpy.logspace(start:any, stop:any, num:int=50, endpoint:bool=True, base:float=10.0)", "Np.Logspace({start}, {stop}, {num}, {endpoint}, {base})", Arr("float64", 1), ""),
                new("numpy.eye(N:int, M:any=None, k:int=0, dtype:dtype=None)", "Np.Eye({N}, {M}, {k}, {dtype})", c => Array(c.DTypeLiteral("dtype") ?? "float64", 2), ""),
                new("numpy.identity(n:int, dtype:dtype=None)", "Np.Identity({n}, {dtype})", c => Array(c.DTypeLiteral("dtype") ?? "float64", 2), ""),
                new("numpy.diag(v:array, k:int=0)", "Np.Diag({v}, {k})", c => WithNdim(ArgArr(c, "v"), Ndim(ArgArr(c, "v")) == 1 ? 2 : Ndim(ArgArr(c, "v")) == 2 ? 1 : -1), "vector → diagonal matrix, matrix → its diagonal"),
                new("numpy.copy(a:any)", "Np.Copy({a})", c => ArgArr(c, "a"), ""),
                new("numpy.meshgrid(x:array, y:array)", "Np.Meshgrid({x}, {y})", c => PyType.List(WithNdim(ArgArr(c, "x"), 2)), "two vectors, indexing='xy'"),
                new("numpy.array2string(a:array, max_line_width:any=None, precision:any=None, suppress_small:any=None, separator:str=' ')", "ArrayPrinter.ToText({a}, {max_line_width}, {precision}, {suppress_small}, {separator})", R(PyType.Str), "str(a) with these print options for this call"),
                new("numpy.fill_diagonal(a:array, val:any)", "Np.FillDiagonal({a}, {val})", None, "in place; a sequence val is used cyclically; wrap=False"),
                new("numpy.triu(m:array, k:int=0)", "Np.Triu({m}, {k})", c => ArgArr(c, "m"), ""),
                new("numpy.tril(m:array, k:int=0)", "Np.Tril({m}, {k})", c => ArgArr(c, "m"), ""),
                // float ufuncs
            };
            foreach (var (py, cs) in new[]
            {
                ("sqrt", "Sqrt"), ("exp", "Exp"), ("exp2", "Exp2"), ("expm1", "Expm1"), ("log", "Log"), ("log2", "Log2"), ("log10", "Log10"), ("log1p", "Log1p"),
                ("sin", "Sin"), ("cos", "Cos"), ("tan", "Tan"), ("arcsin", "Arcsin"), ("arccos", "Arccos"), ("arctan", "Arctan"), ("sinh", "Sinh"), ("cosh", "Cosh"), ("tanh", "Tanh"),
                ("deg2rad", "Deg2Rad"), ("rad2deg", "Rad2Deg"), ("radians", "Deg2Rad"), ("degrees", "Rad2Deg"), ("floor", "Floor"), ("ceil", "Ceil"), ("trunc", "Trunc"), ("rint", "Rint"), ("fabs", "Abs"),
            })
            {
                rows.Add(new($"numpy.{py}(x:ufunc)", $"Np.{cs}({{x}})", c => FloatUfunc(c),
                    py is "sqrt" or "floor" or "ceil" or "trunc" or "rint" or "fabs" or "deg2rad" or "rad2deg" or "radians" or "degrees" ? "element-wise; exact (IEEE)" : "element-wise with .NET's libm; numpy's own SIMD (SVML) results may differ in the last bit (see the float policy)"));
            }
            foreach (var (py, cs) in new[] { ("abs", "Abs"), ("absolute", "Abs"), ("negative", "Negative"), ("square", "Square"), ("sign", "Sign"), ("reciprocal", "Reciprocal") })
                rows.Add(new($"numpy.{py}(x:ufunc)", $"Np.{cs}({{x}})", c => KeepUfunc(c), "element-wise; keeps integer types"));
            foreach (var (py, cs) in new[] { ("isnan", "IsNaN"), ("isinf", "IsInf"), ("isfinite", "IsFinite") })
                rows.Add(new($"numpy.{py}(x:ufunc)", $"Np.{cs}({{x}})", c => BoolUfunc(c), "bool result"));
            rows.Add(new("numpy.logical_not(x:any)", "Np.LogicalNot({x})", c => BoolUfunc(c), ""));
            rows.Add(new("numpy.invert(x:array)", "Np.Invert({x})", c => ArgArr(c, "x"), "~ on bool arrays is logical not"));
            foreach (var (py, cs) in new[] { ("logical_and", "LogicalAnd"), ("logical_or", "LogicalOr"), ("logical_xor", "LogicalXor") })
                rows.Add(new($"numpy.{py}(x1:any, x2:any)", $"Np.{cs}({{x1}}, {{x2}})", c => WithDType(WithNdim(AnyArray, -1), "bool"), ""));
            foreach (var (py, cs, op) in new[]
            {
                ("add", "Add", Operator.Add), ("subtract", "Subtract", Operator.Sub), ("multiply", "Multiply", Operator.Mult), ("divide", "Divide", Operator.Div),
                ("true_divide", "Divide", Operator.Div), ("floor_divide", "FloorDivide", Operator.FloorDiv), ("mod", "Mod", Operator.Mod), ("remainder", "Mod", Operator.Mod),
                ("power", "Power", Operator.Pow), ("maximum", "Maximum", Operator.Add), ("minimum", "Minimum", Operator.Add),
            })
            {
                rows.Add(new($"numpy.{py}(x1:any, x2:any)", $"Np.{cs}A({{x1}}, {{x2}})", c => BinaryUfunc(c, op), "numpy promotion; an array result", c => IsArray(BinaryUfunc(c, op))));
                rows.Add(new($"numpy.{py}(x1:any, x2:any)", $"Np.As{{T}}(Np.{cs}({{x1}}, {{x2}}))", c => BinaryUfunc(c, op) is { Kind: TypeKind.Float or TypeKind.Int or TypeKind.Bool } s ? s : PyType.Object, "two numbers: a number"));
            }
            rows.AddRange(new LibraryRow[]
            {
                new("numpy.fmax(x1:any, x2:any)", "Np.FMax({x1}, {x2})", Obj, "NaN-ignoring maximum"),
                new("numpy.fmin(x1:any, x2:any)", "Np.FMin({x1}, {x2})", Obj, "NaN-ignoring minimum"),
                new("numpy.arctan2(x1:any, x2:any)", "Np.Arctan2({x1}, {x2})", Obj, ""),
                new("numpy.hypot(x1:any, x2:any)", "Np.Hypot({x1}, {x2})", Obj, ""),
                new("numpy.clip(a:array, a_min:any, a_max:any)", "Np.Clip({a}, {a_min}, {a_max})", c => ArgArr(c, "a"), "either bound may be None", c => IsArray(c.Type("a")) || c.Type("a").Kind is TypeKind.List),
                new("numpy.clip(a:float, a_min:float, a_max:float)", "Np.Clip({a}, {a_min}, {a_max})", F, "a number"),
                new("numpy.round(a:array, decimals:int=0)", "Np.Round({a}, {decimals})", c => ArgArr(c, "a"), "numpy's round: multiply by 10**decimals, round half to even, divide (not Python's correctly rounded round)", c => !(c.Type("a").Kind is TypeKind.Float or TypeKind.Int)),
                new("numpy.round(a:float, decimals:int=0)", "Np.Round({a}, {decimals})", F, "a number"),
                new("numpy.around(a:array, decimals:int=0)", "Np.Round({a}, {decimals})", c => ArgArr(c, "a"), "as numpy.round"),
                new("numpy.where(condition:any, x:any, y:any)", "Np.Where({condition}, {x}, {y})", c => WithNdim(Binary(c.Type("x"), c.Type("y"), Operator.Add) is var t && IsArray(t) ? t : Array(DTypeOfValue(t), -1), Ndim(ArgArr(c, "condition"))), "broadcasts all three; numpy promotion of x and y", c => c.Has("x")),
                new("numpy.where(condition:any)", "Np.Nonzero1({condition})", R(PyType.Tuple(Array("int64", 1))), "one argument: np.nonzero", c => Ndim(ArgArr(c, "condition")) == 1),
                new("numpy.where(condition:any)", "Np.Nonzero2({condition})", R(PyType.Tuple(Array("int64", 1), Array("int64", 1))), "", c => Ndim(ArgArr(c, "condition")) == 2),
                new("numpy.where(condition:any)", "Np.Where({condition})", R(PyType.VarTuple(Array("int64", 1))), ""),
                new("numpy.nan_to_num(x:array, nan:float=0.0)", "Np.NanToNum({x}, {nan})", c => ArgArr(c, "x"), ""),
                // reductions and statistics (module forms)
            });
            rows.AddRange(Reduction("numpy", "sum", "Sum", SumDType, "numpy's pairwise summation order (blocks of 8192), so results match numpy to the last bit"));
            rows.AddRange(Reduction("numpy", "mean", "Mean", Floaty, "pairwise sum / n, as numpy"));
            rows.AddRange(Reduction("numpy", "std", "Std", Floaty, "numpy's _var: mean, squared deviations, pairwise sum, / (n - ddof), sqrt", "ddof:float=0", "{ddof}"));
            rows.AddRange(Reduction("numpy", "var", "Var", Floaty, "numpy's _var", "ddof:float=0", "{ddof}"));
            rows.AddRange(Reduction("numpy", "max", "Max", Same, "NaN propagates"));
            rows.AddRange(Reduction("numpy", "amax", "Max", Same, "NaN propagates"));
            rows.AddRange(Reduction("numpy", "min", "Min", Same, "NaN propagates"));
            rows.AddRange(Reduction("numpy", "amin", "Min", Same, "NaN propagates"));
            rows.AddRange(Reduction("numpy", "prod", "Prod", SumDType, "sequential product, as numpy"));
            rows.AddRange(SimpleReduction("numpy", "argmax", "ArgMax", Int64, "first occurrence; NaN wins"));
            rows.AddRange(SimpleReduction("numpy", "argmin", "ArgMin", Int64, "first occurrence; NaN wins"));
            rows.AddRange(new LibraryRow[]
            {
                new("numpy.any(a:any)", "Np.AsArray({a}).Any()", B, ""),
                new("numpy.all(a:any)", "Np.AsArray({a}).All()", B, ""),
                new("numpy.any(a:any, axis:int)", "Np.AsArray({a}).Any({axis})", c => AxisReduce(c, ArgArr(c, "a"), _ => "bool"), ""),
                new("numpy.all(a:any, axis:int)", "Np.AsArray({a}).All({axis})", c => AxisReduce(c, ArgArr(c, "a"), _ => "bool"), ""),
                new("numpy.cumsum(a:any, axis:axis=None)", "Np.CumSum({a}, {axis})", c => Array(SumDType(DType(ArgArr(c, "a"))), c.Has("axis") ? Ndim(ArgArr(c, "a")) : 1), "flattened without axis"),
                new("numpy.cumprod(a:any, axis:axis=None)", "Np.CumProd({a}, {axis})", c => Array(SumDType(DType(ArgArr(c, "a"))), c.Has("axis") ? Ndim(ArgArr(c, "a")) : 1), ""),
                new("numpy.ptp(a:any)", "Np.Ptp({a})", Obj, ""),
                new("numpy.median(a:any)", "Np.Median({a})", F, "mean of the two middle values for even n; NaN if any NaN"),
                new("numpy.median(a:any, axis:int)", "Np.Median({a}, {axis})", c => Array("float64", Math.Max(Ndim(ArgArr(c, "a")) - 1, -1)), ""),
                new("numpy.percentile(a:any, q:any, axis:axis=None)", "Np.Percentile({a}, {q}, {axis})", c => c.Type("q").Kind is TypeKind.Float or TypeKind.Int && !c.Has("axis") ? PyType.Float : PyType.Object, "method='linear' (numpy's default _lerp)"),
                new("numpy.quantile(a:any, q:any, axis:axis=None)", "Np.Quantile({a}, {q}, {axis})", c => c.Type("q").Kind is TypeKind.Float or TypeKind.Int && !c.Has("axis") ? PyType.Float : PyType.Object, "method='linear'"),
                new("numpy.average(a:any, weights:any=None)", "Np.Average({a}, {weights})", F, "no axis"),
                new("numpy.cov(m:any, y:any=None, rowvar:bool=True, ddof:any=None)", "Np.AsF(Np.Cov({m}, {y}, {rowvar}, {ddof}))", F, "one variable: a 0-d result (a float)", c => Ndim(ArgArr(c, "m")) == 1 && !c.Has("y")),
                new("numpy.cov(m:any, y:any=None, rowvar:bool=True, ddof:any=None)", "(NdArray)Np.Cov({m}, {y}, {rowvar}, {ddof})", Arr("float64", 2), "rows are variables (rowvar=True)"),
                new("numpy.corrcoef(x:any, y:any=None, rowvar:bool=True)", "(NdArray)Np.Corrcoef({x}, {y}, {rowvar})", Arr("float64", 2), "clipped to [-1, 1] as numpy does", c => !(Ndim(ArgArr(c, "x")) == 1 && !c.Has("y"))),
                new("numpy.corrcoef(x:any, y:any=None, rowvar:bool=True)", "Np.AsF(Np.Corrcoef({x}, {y}, {rowvar}))", F, "one variable"),
                new("numpy.count_nonzero(a:any)", "Np.CountNonzero({a})", I, ""),
                new("numpy.bincount(x:any, weights:any=None, minlength:int=0)", "Np.Bincount({x}, {weights}, {minlength})", c => Array(c.Has("weights") ? "float64" : "int64", 1), ""),
                new("numpy.histogram(a:any, bins:any=10, range:any=None)", "Np.Histogram({a}, {bins}, {range})", R(PyType.Tuple(Array("int64", 1), Array("float64", 1))), "equal-width bins (or explicit edges); the last bin is closed"),
                new("numpy.nansum(a:any, axis:axis=None)", "Np.NanSum({a})", F, "NaN counts as 0 (numpy replaces NaN by 0, then sums pairwise)", c => (!c.Has("axis") || c.Type("axis").Kind == TypeKind.None) && c.Node("keepdims") is null),
                new("numpy.nansum(a:any, axis:int=None, keepdims:bool=False)", "Np.NanSum({a}, {axis}, {keepdims})", c => NanAxisType(c), "along an axis: an array", IntAxis),
                new("numpy.nanmean(a:any, axis:axis=None)", "Np.NanMean({a})", F, "sum with NaN as 0, divided by the non-NaN count, as numpy", c => (!c.Has("axis") || c.Type("axis").Kind == TypeKind.None) && c.Node("keepdims") is null),
                new("numpy.nanmean(a:any, axis:int=None, keepdims:bool=False)", "Np.NanMean({a}, {axis}, {keepdims})", c => NanAxisType(c), "along an axis: an array", IntAxis),
                new("numpy.nanvar(a:any, axis:axis=None, ddof:float=0)", "Np.NanVar({a}, {ddof})", F, "numpy's _nanvar", c => (!c.Has("axis") || c.Type("axis").Kind == TypeKind.None) && c.Node("keepdims") is null),
                new("numpy.nanvar(a:any, axis:int=None, ddof:float=0, keepdims:bool=False)", "Np.NanVar({a}, {axis}, {ddof}, {keepdims})", c => NanAxisType(c), "along an axis: an array", IntAxis),
                new("numpy.nanstd(a:any, axis:axis=None, ddof:float=0)", "Np.NanStd({a}, {ddof})", F, "sqrt of numpy's _nanvar", c => (!c.Has("axis") || c.Type("axis").Kind == TypeKind.None) && c.Node("keepdims") is null),
                new("numpy.nanstd(a:any, axis:int=None, ddof:float=0, keepdims:bool=False)", "Np.NanStd({a}, {axis}, {ddof}, {keepdims})", c => NanAxisType(c), "along an axis: an array", IntAxis),
                new("numpy.nanmax(a:any, axis:axis=None)", "Np.NanMax({a})", F, "NaN-ignoring; NaN for an all-NaN slice", c => (!c.Has("axis") || c.Type("axis").Kind == TypeKind.None) && c.Node("keepdims") is null),
                new("numpy.nanmax(a:any, axis:int=None, keepdims:bool=False)", "Np.NanMax({a}, {axis}, {keepdims})", c => NanAxisType(c), "along an axis: an array", IntAxis),
                new("numpy.nanmin(a:any, axis:axis=None)", "Np.NanMin({a})", F, "NaN-ignoring; NaN for an all-NaN slice", c => (!c.Has("axis") || c.Type("axis").Kind == TypeKind.None) && c.Node("keepdims") is null),
                new("numpy.nanmin(a:any, axis:int=None, keepdims:bool=False)", "Np.NanMin({a}, {axis}, {keepdims})", c => NanAxisType(c), "along an axis: an array", IntAxis),
                new("numpy.nanmedian(a:any, axis:axis=None)", "Np.NanMedian({a})", F, "median of the non-NaN values", c => (!c.Has("axis") || c.Type("axis").Kind == TypeKind.None) && c.Node("keepdims") is null),
                new("numpy.nanmedian(a:any, axis:int=None, keepdims:bool=False)", "Np.NanMedian({a}, {axis}, {keepdims})", c => NanAxisType(c), "along an axis: an array", IntAxis),
                new("numpy.isclose(a:any, b:any, rtol:float=1e-05, atol:float=1e-08, equal_nan:bool=False)", "Np.IsClose({a}, {b}, {rtol}, {atol}, {equal_nan})", c => WithDType(ArgArr(c, "a"), "bool"), "|a - b| <= atol + rtol*|b|"),
                new("numpy.allclose(a:any, b:any, rtol:float=1e-05, atol:float=1e-08, equal_nan:bool=False)", "Np.AllClose({a}, {b}, {rtol}, {atol}, {equal_nan})", B, ""),
                new("numpy.array_equal(a1:any, a2:any)", "Np.ArrayEqual({a1}, {a2})", B, "same shape and elements"),
                // products and linear algebra
                new("numpy.dot(a:any, b:any)", "Np.DotF({a}, {b})", F, "two float vectors: BLAS-free inner product (the float policy covers the last bit)", c => Ndim(ArgArr(c, "a")) == 1 && Ndim(ArgArr(c, "b")) == 1 && IsFloatDType(DType(Binary(ArgArr(c, "a"), ArgArr(c, "b"), Operator.Mult)))),
                new("numpy.dot(a:any, b:any)", "Np.DotA({a}, {b})", c => Product(c, "a", "b"), "matrix products on Batuta.Tensor's packed GEMM", c => Ndim(ArgArr(c, "a")) >= 2 || Ndim(ArgArr(c, "b")) >= 2),
                new("numpy.dot(a:any, b:any)", "Np.Dot({a}, {b})", Obj, "shapes only known at run time"),
                new("numpy.matmul(x1:any, x2:any)", "Np.MatMulA({x1}, {x2})", c => Product(c, "x1", "x2"), "as the @ operator", c => Ndim(ArgArr(c, "x1")) >= 2 || Ndim(ArgArr(c, "x2")) >= 2),
                new("numpy.matmul(x1:any, x2:any)", "Np.MatMul({x1}, {x2})", Obj, ""),
                new("numpy.outer(a:any, b:any)", "Np.Outer({a}, {b})", c => Array(PromoteDType(DType(ArgArr(c, "a")), DType(ArgArr(c, "b"))), 2), ""),
                new("numpy.inner(a:any, b:any)", "Np.Inner({a}, {b})", Obj, "vectors"),
                new("numpy.trace(a:array)", "Np.Trace({a})", Obj, ""),
                new("numpy.polyfit(x:array, y:array, deg:int)", "Np.Polyfit({x}, {y}, {deg})", c => Array("float64", Ndim(ArgArr(c, "y"))), "highest power first; numpy's scaled Vandermonde least squares, solved by QR (numpy: SVD), so the last bits may differ"),
                new("numpy.polyval(p:array, x:any)", "Np.PolyvalA({p}, {x})", c => PolyvalType(c), "Horner's rule, as numpy (y = y * x + p[i])", c => IsArray(PolyvalType(c))),
                new("numpy.polyval(p:array, x:any)", "Np.As{T}(Np.Polyval({p}, {x}))", c => PolyvalType(c), "a number x: a number"),
                new("numpy.linalg.inv(a:array)", "NpLinalg.Inv({a})", Arr("float64", 2), "blocked LU with partial pivoting; LinAlgError('Singular matrix')"),
                new("numpy.linalg.solve(a:array, b:array)", "NpLinalg.Solve({a}, {b})", c => Array("float64", Ndim(ArgArr(c, "b"))), "LU"),
                new("numpy.linalg.det(a:array)", "NpLinalg.Det({a})", F, "LU"),
                new("numpy.linalg.norm(x:array, ord:any=None, axis:axis=None)", "Np.AsF(NpLinalg.Norm({x}, {ord}, {axis}))", F, "2-norm / Frobenius (a BLAS dot in numpy: see the float policy)", c => !c.Has("axis")),
                new("numpy.linalg.norm(x:array, ord:any=None, axis:int=None, keepdims:bool=False)", "(NdArray)NpLinalg.Norm({x}, {ord}, {axis}, {keepdims})", c => Array("float64", Ndim(ArgArr(c, "x")) < 0 ? -1 : c.Node("keepdims") is Constant { Value: true } ? Ndim(ArgArr(c, "x")) : Ndim(ArgArr(c, "x")) - 1), "along an axis: sqrt of numpy's pairwise sum of squares", IntAxis),
                new("numpy.linalg.norm(x:array, ord:any=None, axis:axis=None, keepdims:bool=False)", "NpLinalg.Norm({x}, {ord}, {axis}, {keepdims})", Obj, "axis only known at run time"),
                new("numpy.linalg.eigh(a:array)", "NpLinalg.Eigh({a})", R(PyType.Tuple(Array("float64", 1), Array("float64", 2))), "ascending eigenvalues; eigenvector signs may differ from LAPACK's"),
                new("numpy.linalg.eigvalsh(a:array)", "NpLinalg.Eigvalsh({a})", Arr("float64", 1), ""),
                new("numpy.linalg.qr(a:array)", "NpLinalg.Qr({a})", R(PyType.Tuple(Array("float64", 2), Array("float64", 2))), "reduced; LAPACK's sign convention"),
                new("numpy.linalg.cholesky(a:array)", "NpLinalg.Cholesky({a})", Arr("float64", 2), "lower triangular"),
                new("numpy.linalg.lstsq(a:array, b:array, rcond:any=None)", "NpLinalg.Lstsq({a}, {b})", c => PyType.Tuple(Array("float64", Ndim(ArgArr(c, "b"))), Array("float64", 1), PyType.Int, Array("float64", 1)), "QR; a must have full rank (numpy's SVD also handles rank-deficient a); singular values are not computed (empty)"),
                new("numpy.linalg.matrix_rank(A:array)", "NpLinalg.MatrixRank({A})", I, "from the eigenvalues of AᵀA"),
                // joining, splitting, sorting
                new("numpy.concatenate(arrays:any, axis:int=0)", "Np.Concatenate({arrays}, {axis})", c => Joined(c, "arrays", 0), "numpy promotion of the dtypes", c => !(c.Node("axis") is Constant { Value: null })),
                new("numpy.concatenate(arrays:any, axis:any=0)", "Np.Concatenate({arrays}, null, true)", c => Array(DType(Joined(c, "arrays", 0)), 1), "axis=None flattens"),
                new("numpy.stack(arrays:any, axis:int=0)", "Np.Stack({arrays}, {axis})", c => Joined(c, "arrays", 1), ""),
                new("numpy.vstack(tup:any)", "Np.VStack({tup})", c => WithNdim(Joined(c, "tup", 0), Math.Max(Ndim(Joined(c, "tup", 0)), 2)), "1-D inputs become rows"),
                new("numpy.row_stack(tup:any)", "Np.VStack({tup})", c => WithNdim(Joined(c, "tup", 0), Math.Max(Ndim(Joined(c, "tup", 0)), 2)), ""),
                new("numpy.hstack(tup:any)", "Np.HStack({tup})", c => Joined(c, "tup", 0), "along axis 1 (axis 0 for 1-D inputs)"),
                new("numpy.column_stack(tup:any)", "Np.ColumnStack({tup})", c => WithNdim(Joined(c, "tup", 0), 2), "1-D inputs become columns"),
                new("numpy.dstack(tup:any)", "Np.DStack({tup})", c => WithNdim(Joined(c, "tup", 0), 3), ""),
                new("numpy.array_split(ary:array, indices_or_sections:any, axis:int=0)", "Np.ArraySplit({ary}, {indices_or_sections}, {axis})", c => PyType.List(ArgArr(c, "ary")), "the first n % k parts get one more element; views"),
                new("numpy.split(ary:array, indices_or_sections:any, axis:int=0)", "Np.Split({ary}, {indices_or_sections}, {axis})", c => PyType.List(ArgArr(c, "ary")), "equal division required"),
                new("numpy.sort(a:array, axis:int=-1)", "Np.Sort({a}, {axis})", c => ArgArr(c, "a"), "", c => !(c.Node("axis") is Constant { Value: null })),
                new("numpy.sort(a:array, axis:any=-1)", "Np.Sort({a}, 0, true)", c => WithNdim(ArgArr(c, "a"), 1), "axis=None: the flattened array"),
                new("numpy.argsort(a:array, axis:int=-1, kind:str=None)", "Np.ArgSort({a}, {axis}, {kind})", c => WithDType(ArgArr(c, "a"), "int64"), "numpy's introsort (aquicksort), so ties come out in numpy's order; kind='stable' is stable"),
                new("numpy.isin(element:any, test_elements:any, invert:bool=False)", "Np.IsIn({element}, {test_elements}, {invert})", c => WithDType(WithNdim(AnyArray, NdimOfValue(c.Type("element"))), "bool"), "membership; NaN is never a member"),
                new("numpy.in1d(ar1:any, ar2:any, invert:bool=False)", "Np.In1d({ar1}, {ar2}, {invert})", c => Array("bool", 1), "isin, flattened"),
                new("numpy.intersect1d(ar1:any, ar2:any)", "Np.Intersect1d({ar1}, {ar2})", c => Array(PromoteDType(DType(ArgArr(c, "ar1")), DType(ArgArr(c, "ar2"))), 1), "sorted distinct common values"),
                new("numpy.setdiff1d(ar1:any, ar2:any)", "Np.Setdiff1d({ar1}, {ar2})", c => Array(DType(ArgArr(c, "ar1")), 1), "sorted distinct values of ar1 not in ar2"),
                new("numpy.union1d(ar1:any, ar2:any)", "Np.Union1d({ar1}, {ar2})", c => Array(PromoteDType(DType(ArgArr(c, "ar1")), DType(ArgArr(c, "ar2"))), 1), "sorted distinct values of either"),
                new("numpy.unique(ar:any)", "Np.Unique({ar})", c => Array(DType(ArgArr(c, "ar")), 1), "sorted distinct values"),
                new("numpy.unique(ar:any, return_index:bool, return_inverse:bool, return_counts:bool)", "Np.UniqueAll({ar})", c => PyType.Tuple(Array(DType(ArgArr(c, "ar")), 1), Array("int64", 1), Array("int64", 1), Array("int64", 1)), "all three flags True: (values, index, inverse, counts)", c => c.Node("return_index") is Constant { Value: true } && c.Node("return_inverse") is Constant { Value: true } && c.Node("return_counts") is Constant { Value: true }),
                new("numpy.unique(ar:any, return_inverse:bool, return_counts:bool)", "Np.UniqueInverseCounts({ar})", c => PyType.Tuple(Array(DType(ArgArr(c, "ar")), 1), Array("int64", 1), Array("int64", 1)), "return_inverse=True, return_counts=True: (values, inverse, counts)", c => c.Node("return_inverse") is Constant { Value: true } && c.Node("return_counts") is Constant { Value: true }),
                new("numpy.unique(ar:any, return_index:bool, return_counts:bool)", "Np.UniqueIndexCounts({ar})", c => PyType.Tuple(Array(DType(ArgArr(c, "ar")), 1), Array("int64", 1), Array("int64", 1)), "return_index=True, return_counts=True", c => c.Node("return_index") is Constant { Value: true } && c.Node("return_counts") is Constant { Value: true }),
                new("numpy.unique(ar:any, return_index:bool, return_inverse:bool)", "Np.UniqueIndexInverse({ar})", c => PyType.Tuple(Array(DType(ArgArr(c, "ar")), 1), Array("int64", 1), Array("int64", 1)), "return_index=True, return_inverse=True", c => c.Node("return_index") is Constant { Value: true } && c.Node("return_inverse") is Constant { Value: true }),
                new("numpy.lexsort(keys:any)", "Np.LexSort({keys})", Arr("int64", 1), "stable; the last key is the primary one (numbers or strings)"),
                new("numpy.unique(ar:any, return_counts:bool)", "Np.UniqueCounts({ar})", c => PyType.Tuple(Array(DType(ArgArr(c, "ar")), 1), Array("int64", 1)), "return_counts=True", c => c.Node("return_counts") is Constant { Value: true }),
                new("numpy.unique(ar:any, return_inverse:bool)", "Np.UniqueInverse({ar})", c => PyType.Tuple(Array(DType(ArgArr(c, "ar")), 1), Array("int64", 1)), "return_inverse=True", c => c.Node("return_inverse") is Constant { Value: true }),
                new("numpy.unique(ar:any, return_index:bool)", "Np.UniqueIndex({ar})", c => PyType.Tuple(Array(DType(ArgArr(c, "ar")), 1), Array("int64", 1)), "return_index=True", c => c.Node("return_index") is Constant { Value: true }),
                new("numpy.flip(m:array, axis:axis=None)", "Np.Flip({m}, {axis})", c => ArgArr(c, "m"), "a view"),
                new("numpy.fliplr(m:array)", "Np.Fliplr({m})", c => ArgArr(c, "m"), ""),
                new("numpy.flipud(m:array)", "Np.Flipud({m})", c => ArgArr(c, "m"), ""),
                new("numpy.roll(a:array, shift:int, axis:axis=None)", "Np.Roll({a}, {shift}, {axis})", c => ArgArr(c, "a"), ""),
                new("numpy.nonzero(a:any)", "Np.Nonzero1({a})", R(PyType.Tuple(Array("int64", 1))), "a tuple of index arrays, one per dimension", c => Ndim(ArgArr(c, "a")) == 1),
                new("numpy.nonzero(a:any)", "Np.Nonzero2({a})", R(PyType.Tuple(Array("int64", 1), Array("int64", 1))), "", c => Ndim(ArgArr(c, "a")) == 2),
                new("numpy.nonzero(a:any)", "Np.Nonzero({a})", R(PyType.VarTuple(Array("int64", 1))), ""),
                new("numpy.flatnonzero(a:any)", "Np.FlatNonzero({a})", Arr("int64", 1), ""),
                new("numpy.argwhere(a:any)", "Np.ArgWhere({a})", Arr("int64", 2), ""),
                new("numpy.take(a:array, indices:any, axis:axis=None)", "Np.Take({a}, {indices}, {axis})", c => ArgArr(c, "a"), ""),
                new("numpy.take_along_axis(arr:array, indices:array, axis:int)", "Np.TakeAlongAxis({arr}, {indices}, {axis})", c => ArgArr(c, "arr"), ""),
                new("numpy.append(arr:any, values:any, axis:axis=None)", "Np.Append({arr}, {values}, {axis})", c => c.Has("axis") ? ArgArr(c, "arr") : WithNdim(ArgArr(c, "arr"), 1), ""),
                new("numpy.tile(A:any, reps:any)", "Np.Tile({A}, {reps})", c => WithNdim(ArgArr(c, "A"), -1), ""),
                new("numpy.repeat(a:any, repeats:any, axis:axis=None)", "Np.Repeat({a}, {repeats}, {axis})", c => c.Has("axis") ? ArgArr(c, "a") : WithNdim(ArgArr(c, "a"), 1), ""),
                new("numpy.diff(a:array, n:int=1, axis:int=-1)", "Np.Diff({a}, {n}, {axis})", c => ArgArr(c, "a"), ""),
                new("numpy.searchsorted(a:array, v:any, side:str='left')", "Np.SearchSorted({a}, {v}, {side})", c => c.Type("v").Kind is TypeKind.Float or TypeKind.Int ? PyType.Object : Array("int64", -1), ""),
                new("numpy.char.upper(a:any)", "NpChar.Upper({a})", c => WithDType(ArgArr(c, "a"), "str"), "element-wise str.upper; the input's width"),
                new("numpy.char.lower(a:any)", "NpChar.Lower({a})", c => WithDType(ArgArr(c, "a"), "str"), ""),
                new("numpy.char.capitalize(a:any)", "NpChar.Capitalize({a})", c => WithDType(ArgArr(c, "a"), "str"), ""),
                new("numpy.char.title(a:any)", "NpChar.Title({a})", c => WithDType(ArgArr(c, "a"), "str"), ""),
                new("numpy.char.swapcase(a:any)", "NpChar.SwapCase({a})", c => WithDType(ArgArr(c, "a"), "str"), ""),
                new("numpy.char.strip(a:any, chars:str=None)", "NpChar.Strip({a}, {chars})", c => WithDType(ArgArr(c, "a"), "str"), ""),
                new("numpy.char.lstrip(a:any, chars:str=None)", "NpChar.LStrip({a}, {chars})", c => WithDType(ArgArr(c, "a"), "str"), ""),
                new("numpy.char.rstrip(a:any, chars:str=None)", "NpChar.RStrip({a}, {chars})", c => WithDType(ArgArr(c, "a"), "str"), ""),
                new("numpy.char.replace(a:any, old:str, new:str)", "NpChar.Replace({a}, {old}, {new})", c => WithDType(ArgArr(c, "a"), "str"), "as wide as the longest result"),
                new("numpy.char.zfill(a:any, width:int)", "NpChar.ZFill({a}, {width})", c => WithDType(ArgArr(c, "a"), "str"), ""),
                new("numpy.char.add(x1:any, x2:any)", "NpChar.Add({x1}, {x2})", c => WithNdim(Array("str", -1), Math.Max(NdimOfValue(c.Type("x1")), NdimOfValue(c.Type("x2")))), "concatenation, broadcast; as wide as both widths together"),
                new("numpy.char.startswith(a:any, prefix:str)", "NpChar.StartsWith({a}, {prefix})", c => WithDType(ArgArr(c, "a"), "bool"), ""),
                new("numpy.char.endswith(a:any, suffix:str)", "NpChar.EndsWith({a}, {suffix})", c => WithDType(ArgArr(c, "a"), "bool"), ""),
                new("numpy.char.isdigit(a:any)", "NpChar.IsDigit({a})", c => WithDType(ArgArr(c, "a"), "bool"), ""),
                new("numpy.char.isalpha(a:any)", "NpChar.IsAlpha({a})", c => WithDType(ArgArr(c, "a"), "bool"), ""),
                new("numpy.char.str_len(a:any)", "NpChar.StrLen({a})", c => WithDType(ArgArr(c, "a"), "int64"), ""),
                new("numpy.char.find(a:any, sub:str)", "NpChar.Find({a}, {sub})", c => WithDType(ArgArr(c, "a"), "int64"), "-1 where absent"),
                new("numpy.char.count(a:any, sub:str)", "NpChar.CountOf({a}, {sub})", c => WithDType(ArgArr(c, "a"), "int64"), ""),
                new("numpy.maximum.accumulate(array:any, axis:int=0)", "Np.Accumulate({array}, \"maximum\", {axis})", c => ArgArr(c, "array"), "running maximum along the axis (drawdowns); NaN propagates"),
                new("numpy.minimum.accumulate(array:any, axis:int=0)", "Np.Accumulate({array}, \"minimum\", {axis})", c => ArgArr(c, "array"), "running minimum"),
                new("numpy.add.accumulate(array:any, axis:int=0)", "Np.Accumulate({array}, \"add\", {axis})", c => ArgArr(c, "array"), "running sums in the input's dtype"),
                new("numpy.multiply.accumulate(array:any, axis:int=0)", "Np.Accumulate({array}, \"multiply\", {axis})", c => ArgArr(c, "array"), "running products in the input's dtype"),
                new("numpy.errstate(all:str=None, divide:str=None, over:str=None, under:str=None, invalid:str=None)", "Np.ErrState()", Obj, "a context manager that changes nothing: Batuta's ufuncs never print numpy's RuntimeWarnings"),
                new("numpy.nanargmax(a:any, axis:axis=None)", "Np.NanArgMaxI({a})", I, "NaN counts as -inf; an all-NaN input raises ValueError", c => !c.Has("axis")),
                new("numpy.nanargmax(a:any, axis:int=None)", "Np.NanArgMax({a}, {axis})", c => WithDType(WithNdim(ArgArr(c, "a"), Ndim(ArgArr(c, "a")) - 1), "int64"), "along an axis"),
                new("numpy.nanargmin(a:any, axis:axis=None)", "Np.NanArgMinI({a})", I, "NaN counts as +inf; an all-NaN input raises ValueError", c => !c.Has("axis")),
                new("numpy.nanargmin(a:any, axis:int=None)", "Np.NanArgMin({a}, {axis})", c => WithDType(WithNdim(ArgArr(c, "a"), Ndim(ArgArr(c, "a")) - 1), "int64"), "along an axis"),
                new("numpy.pad(array:any, pad_width:any, mode:str='constant', constant_values:any=0)", "Np.Pad({array}, {pad_width}, {mode}, {constant_values})", c => ArgArr(c, "array"), "modes 'constant' and 'edge'; widths as an int, (before, after) or a pair per axis"),
                new("numpy.cross(a:any, b:any)", "Np.Cross({a}, {b})", c => Array(PromoteDType(DTypeOfValue(c.Type("a")), DTypeOfValue(c.Type("b"))), NdimOfValue(c.Type("a"))), "3-vectors or (n, 3) rows"),
                new("numpy.atleast_1d(a:any)", "Np.AtLeast1d({a})", c => Array(DTypeOfValue(c.Type("a")), Math.Max(1, NdimOfValue(c.Type("a")))), "one argument"),
                new("numpy.atleast_2d(a:any)", "Np.AtLeast2d({a})", c => Array(DTypeOfValue(c.Type("a")), NdimOfValue(c.Type("a")) < 0 ? -1 : Math.Max(2, NdimOfValue(c.Type("a")))), "one argument; a vector becomes one row"),
                new("numpy.convolve(a:any, v:any, mode:str='full')", "Np.Convolve({a}, {v}, {mode})", c => Array(PromoteDType(DTypeOfValue(c.Type("a")), DTypeOfValue(c.Type("v"))), 1), "sums of products in index order (numpy's dot: BLAS for floats, so print float results rounded); 'full', 'same', 'valid'"),
                new("numpy.interp(x:any, xp:any, fp:any, left:optfloat=None, right:optfloat=None)", "Np.InterpF({x}, {xp}, {fp}, {left}, {right})", R(PyType.Float), "a scalar x: a Python float", c => c.Type("x").Kind is TypeKind.Float or TypeKind.Int),
                new("numpy.interp(x:any, xp:any, fp:any, left:optfloat=None, right:optfloat=None)", "Np.Interp({x}, {xp}, {fp}, {left}, {right})", c => Array("float64", NdimOfValue(c.Type("x"))), "numpy's slope*(x - xp[j]) + fp[j], exact at the sample points; increasing xp"),
                new("numpy.select(condlist:any, choicelist:any, default:any=0)", "Np.Select({condlist}, {choicelist}, {default})", SelectType, "the first true condition picks its choice; numpy's result dtype"),
                new("numpy.unravel_index(indices:any, shape:any)", "Np.UnravelIndex2I({indices}, {shape})", R(PyType.Tuple(PyType.Int, PyType.Int)), "an int index and a 2-D shape: a tuple of two ints", c => c.Type("indices").Kind == TypeKind.Int && c.Type("shape") is { Kind: TypeKind.Tuple, Args.Count: 2 }),
                new("numpy.unravel_index(indices:any, shape:any)", "Np.UnravelIndex3I({indices}, {shape})", R(PyType.Tuple(PyType.Int, PyType.Int, PyType.Int)), "", c => c.Type("indices").Kind == TypeKind.Int && c.Type("shape") is { Kind: TypeKind.Tuple, Args.Count: 3 }),
                new("numpy.unravel_index(indices:any, shape:any)", "Np.UnravelIndex2A({indices}, {shape})", c => PyType.Tuple(Array("int64", NdimOfValue(c.Type("indices"))), Array("int64", NdimOfValue(c.Type("indices")))), "index arrays and a 2-D shape: two int64 arrays", c => c.Type("indices").Kind != TypeKind.Int && c.Type("shape") is { Kind: TypeKind.Tuple, Args.Count: 2 }),
                new("numpy.unravel_index(indices:any, shape:any)", "Np.UnravelIndex({indices}, {shape})", R(PyType.VarTuple(PyType.Object)), "a tuple of coordinates"),
                new("numpy.digitize(x:any, bins:array, right:bool=False)", "Np.Digitize({x}, {bins}, {right})", c => Array("int64", Ndim(ArgArr(c, "x"))), "increasing bins"),
                new("numpy.reshape(a:array, newshape:any)", "Np.Reshape({a}, {newshape})", c => WithNdim(ArgArr(c, "a"), ShapeNdim(c.Type("newshape"))), "a view when contiguous"),
                new("numpy.transpose(a:array, axes:any=None)", "Np.Transpose({a}, {axes})", c => ArgArr(c, "a"), "a view"),
                new("numpy.ravel(a:array)", "Np.Ravel({a})", c => WithNdim(ArgArr(c, "a"), 1), ""),
                new("numpy.squeeze(a:array, axis:axis=None)", "Np.Squeeze({a}, {axis})", c => WithNdim(ArgArr(c, "a"), -1), ""),
                new("numpy.expand_dims(a:array, axis:int)", "Np.ExpandDims({a}, {axis})", c => WithNdim(ArgArr(c, "a"), Ndim(ArgArr(c, "a")) < 0 ? -1 : Ndim(ArgArr(c, "a")) + 1), ""),
                new("numpy.swapaxes(a:array, axis1:int, axis2:int)", "Np.SwapAxes({a}, {axis1}, {axis2})", c => ArgArr(c, "a"), ""),
                new("numpy.broadcast_to(array:array, shape:any)", "Np.BroadcastTo({array}, {shape})", c => WithNdim(ArgArr(c, "array"), ShapeNdim(c.Type("shape"))), "a read-only view"),
                // text files
                new("numpy.loadtxt(fname:any, dtype:dtype=None, comments:str='#', delimiter:str=None, skiprows:int=0, usecols:any=None, unpack:bool=False, ndmin:int=0, max_rows:any=None)",
                    "NpText.LoadTxt({fname}, {dtype}, {comments}, {delimiter}, {skiprows}, {usecols}, {unpack}, {ndmin}, {max_rows})",
                    c => Array(c.DTypeLiteral("dtype") ?? "float64", c.IntLiteral("ndmin") == 2 ? 2 : -1), "float64; one row or one column gives a 1-D array, as numpy"),
                new("numpy.genfromtxt(fname:any, delimiter:str=None, skip_header:int=0, comments:str='#', usecols:any=None, dtype:dtype=None)",
                    "NpText.GenFromTxt({fname}, {delimiter}, {skip_header}, {comments}, {usecols}, {dtype})", c => Array(c.DTypeLiteral("dtype") ?? "float64", -1), "numeric columns; missing values become nan"),
                new("numpy.savetxt(fname:str, X:array, fmt:str='%.18e', delimiter:str=' ', header:str='')", "NpText.SaveTxt({fname}, {X}, {fmt}, {delimiter}, {header})", None, ""),
                new("numpy.set_printoptions(precision:any=None, threshold:any=None, edgeitems:any=None, linewidth:any=None, suppress:any=None, floatmode:any=None)",
                    "ArrayPrinter.SetPrintOptions({precision}, {threshold}, {edgeitems}, {linewidth}, {suppress}, {floatmode})", None, "affects every later print, as in numpy"),
                // scalar types used as functions
                new("numpy.float64(x:float)", "{x}", F, "a Python float (numpy 1.x prints float64 scalars as Python floats)"),
                new("numpy.float32(x:float)", "{x}", F, "a Python float (float32 scalars print with float64 digits: a known difference)"),
                new("numpy.int64(x:any)", "Py.Int({x})", I, "a Python int"),
                new("numpy.int32(x:any)", "Py.Int({x})", I, "a Python int"),
                new("numpy.bool_(x:any)", "Py.Truth({x})", B, ""),
                new("numpy.dtype(x:dtype)", "{x}", R(PyType.Class("numpy.dtype")), ""),
            });
            rows.AddRange(NumpyRandom.Rows());
            return rows.ToArray();
        }

        /// <summary>The dimensions a shape argument gives (int → 1, tuple of k → k).</summary>
        private static int ShapeNdim(PyType shape) => shape.Kind == TypeKind.Tuple ? shape.Args.Count : shape.Kind == TypeKind.Int ? 1 : -1;

        /// <summary>The result type of joining a sequence of arrays (a list or tuple literal of arrays).</summary>
        private static PyType Joined(LibraryCall c, string p, int extraDims)
        {
            var t = c.Type(p);
            var parts = t.Kind == TypeKind.Tuple ? t.Args.ToList() : t.Kind is TypeKind.List or TypeKind.VarTuple ? new List<PyType> { t.Elem } : new List<PyType>();
            if (parts.Count == 0) return AnyArray;
            var arrays = parts.Select(ArrayOf).ToList();
            var dt = arrays.Select(DType).Aggregate(PromoteDType);
            var nds = arrays.Select(Ndim).Distinct().ToList();
            int nd = nds.Count == 1 && nds[0] >= 0 ? nds[0] + extraDims : -1;
            return Array(dt, nd);
        }

        private static PyType Product(LibraryCall c, string x, string y)
        {
            var a = x == "self" ? SelfArr(c) : ArgArr(c, x);
            var b = ArgArr(c, y);
            var dt = PromoteDType(DType(a), DType(b));
            int na = Ndim(a), nb = Ndim(b);
            int nd = na < 0 || nb < 0 ? -1 : na == 1 && nb == 1 ? 0 : na == 1 ? nb - 1 : nb == 1 ? na - 1 : Math.Max(na, nb);
            return Array(dt == "bool" ? "bool" : dt, nd);
        }

        // ---- ndarray methods and attributes ----

        private static LibraryRow[] BuildMethods()
        {
            var rows = new List<LibraryRow>
            {
                new("ndarray.shape", "{self}.Shape1", R(PyType.Tuple(PyType.Int)), "a tuple of ints (a typed C# tuple when the number of dimensions is known)", c => Ndim(SelfArr(c)) == 1),
                new("ndarray.shape", "{self}.Shape2", R(PyType.Tuple(PyType.Int, PyType.Int)), "", c => Ndim(SelfArr(c)) == 2),
                new("ndarray.shape", "{self}.Shape3", R(PyType.Tuple(PyType.Int, PyType.Int, PyType.Int)), "", c => Ndim(SelfArr(c)) == 3),
                new("ndarray.shape", "{self}.Shape", R(PyType.VarTuple(PyType.Int)), "any number of dimensions: a tuple"),
                new("ndarray.ndim", "new PyInt({self}.Ndim)", I, ""),
                new("ndarray.size", "new PyInt({self}.Size)", I, ""),
                new("ndarray.nbytes", "{self}.NBytes", I, ""),
                new("ndarray.dtype", "{self}.DType", R(PyType.Class("numpy.dtype")), "prints as float64, int64, bool, ..."),
                new("ndarray.T", "{self}.T", c => SelfArr(c), "a view with reversed axes"),
                new("ndarray.copy()", "{self}.Copy()", c => SelfArr(c), ""),
                new("ndarray.astype(dtype:dtype)", "{self}.AsType({dtype})", c => WithDType(SelfArr(c), c.DTypeLiteral("dtype") ?? "?"), "a copy; float → int truncates toward zero"),
                new("ndarray.reshape(*shape)", "{self}.Reshape({*long})", c => WithNdim(SelfArr(c), c.Rest.Count), "a view when contiguous; one dimension may be -1", c => c.Rest.Count >= 1 && c.Rest.Count <= 3 && c.Rest.All(n => c.Emitter.Expr(n).Type.Kind == TypeKind.Int)),
                new("ndarray.reshape(*shape)", "{self}.ReshapeTo({*})", c => WithNdim(SelfArr(c), c.Rest.Count == 1 && c.Emitter.Expr(c.Rest[0]).Type.Kind == TypeKind.Tuple ? c.Emitter.Expr(c.Rest[0]).Type.Args.Count : -1), "a shape tuple", c => c.Rest.Count == 1),
                new("ndarray.flatten()", "{self}.Flatten()", c => WithNdim(SelfArr(c), 1), "a copy"),
                new("ndarray.ravel()", "{self}.Ravel()", c => WithNdim(SelfArr(c), 1), "a view when contiguous"),
                new("ndarray.transpose(*axes)", "{self}.Transpose()", c => SelfArr(c), "", c => c.Rest.Count == 0),
                new("ndarray.transpose(*axes)", "{self}.Transpose(new[] {{ {*long} }}.Select(x => (int)x).ToArray())", c => SelfArr(c), "explicit axes"),
                new("ndarray.swapaxes(axis1:int, axis2:int)", "{self}.SwapAxes({axis1}, {axis2})", c => SelfArr(c), ""),
                new("ndarray.squeeze(axis:axis=None)", "{self}.Squeeze({axis})", c => WithNdim(SelfArr(c), -1), ""),
                new("ndarray.tolist()", "{self}.ToListF()", R(PyType.List(PyType.Float)), "a list of Python floats", c => Ndim(SelfArr(c)) == 1 && Scalar(DType(SelfArr(c))).Kind == TypeKind.Float),
                new("ndarray.tolist()", "{self}.ToListI()", R(PyType.List(PyType.Int)), "a list of Python ints", c => Ndim(SelfArr(c)) == 1 && Scalar(DType(SelfArr(c))).Kind == TypeKind.Int),
                new("ndarray.tolist()", "{self}.ToListB()", R(PyType.List(PyType.Bool)), "a list of bools", c => Ndim(SelfArr(c)) == 1 && Scalar(DType(SelfArr(c))).Kind == TypeKind.Bool),
                new("ndarray.tolist()", "new PyList<string>({self}.Strs())", R(PyType.List(PyType.Str)), "a list of str", c => Ndim(SelfArr(c)) == 1 && DType(SelfArr(c)) == "str"),
                new("ndarray.tolist()", "{self}.ToList()", Obj, "nested lists of Python scalars"),
                new("ndarray.item()", "Np.As{T}({self}.Item())", c => Scalar(DType(SelfArr(c))), "a Python scalar"),
                new("ndarray.fill(value:any)", "{self}.Fill({value})", None, ""),
                new("ndarray.sort(axis:int=-1)", "{self}.Assign(Np.Sort({self}, {axis}))", None, "in place"),
                new("ndarray.argsort(axis:int=-1, kind:str=None)", "Np.ArgSort({self}, {axis}, {kind})", c => WithDType(SelfArr(c), "int64"), "numpy's introsort order for ties"),
                new("ndarray.round(decimals:int=0)", "Np.Round({self}, {decimals})", c => SelfArr(c), "numpy's round"),
                new("ndarray.clip(min:any=None, max:any=None)", "Np.Clip({self}, {min}, {max})", c => SelfArr(c), ""),
                new("ndarray.dot(b:any)", "Np.DotA({self}, {b})", c => Product(c, "self", "b"), "", c => Ndim(SelfArr(c)) >= 2 || Ndim(ArgArr(c, "b")) >= 2),
                new("ndarray.dot(b:any)", "Np.Dot({self}, {b})", Obj, ""),
                new("ndarray.nonzero()", "Np.Nonzero1({self})", R(PyType.Tuple(Array("int64", 1))), "", c => Ndim(SelfArr(c)) == 1),
                new("ndarray.nonzero()", "Np.Nonzero2({self})", R(PyType.Tuple(Array("int64", 1), Array("int64", 1))), "", c => Ndim(SelfArr(c)) == 2),
                new("ndarray.nonzero()", "Np.Nonzero({self})", R(PyType.VarTuple(Array("int64", 1))), ""),
                new("ndarray.repeat(repeats:any, axis:axis=None)", "Np.Repeat({self}, {repeats}, {axis})", c => c.Has("axis") ? SelfArr(c) : WithNdim(SelfArr(c), 1), ""),
                new("ndarray.take(indices:any, axis:axis=None)", "Np.Take({self}, {indices}, {axis})", c => SelfArr(c), ""),
                new("ndarray.any()", "{self}.Any()", B, ""),
                new("ndarray.all()", "{self}.All()", B, ""),
                new("ndarray.any(axis:int)", "{self}.Any({axis})", c => AxisReduce(c, SelfArr(c), _ => "bool"), ""),
                new("ndarray.all(axis:int)", "{self}.All({axis})", c => AxisReduce(c, SelfArr(c), _ => "bool"), ""),
                new("ndarray.cumsum(axis:axis=None)", "{self}.CumSum({axis})", c => Array(SumDType(DType(SelfArr(c))), c.Has("axis") ? Ndim(SelfArr(c)) : 1), "flattened without axis"),
                new("ndarray.cumprod(axis:axis=None)", "{self}.CumProd({axis})", c => Array(SumDType(DType(SelfArr(c))), c.Has("axis") ? Ndim(SelfArr(c)) : 1), ""),
                new("ndarray.ptp()", "{self}.Ptp()", Obj, ""),
            };
            rows.AddRange(Reduction("ndarray", "sum", "Sum", SumDType, "numpy's pairwise summation order (blocks of 8192)"));
            rows.AddRange(Reduction("ndarray", "mean", "Mean", Floaty, "pairwise sum / n, as numpy"));
            rows.AddRange(Reduction("ndarray", "std", "Std", Floaty, "numpy's _var formula; ddof", "ddof:float=0", "{ddof}"));
            rows.AddRange(Reduction("ndarray", "var", "Var", Floaty, "numpy's _var formula; ddof", "ddof:float=0", "{ddof}"));
            rows.AddRange(Reduction("ndarray", "max", "Max", Same, "NaN propagates"));
            rows.AddRange(Reduction("ndarray", "min", "Min", Same, "NaN propagates"));
            rows.AddRange(Reduction("ndarray", "prod", "Prod", SumDType, "sequential product"));
            rows.AddRange(SimpleReduction("ndarray", "argmax", "ArgMax", Int64, "first occurrence"));
            rows.AddRange(SimpleReduction("ndarray", "argmin", "ArgMin", Int64, "first occurrence"));
            return rows.ToArray();
        }

        public static readonly LibraryRow[] ModuleRows = BuildModule();
        public static readonly LibraryRow[] MethodRows = BuildMethods();

        private static readonly Dictionary<string, List<LibraryRow>> ByName = Index(ModuleRows.Concat(MethodRows));

        internal static Dictionary<string, List<LibraryRow>> Index(IEnumerable<LibraryRow> rows)
        {
            var d = new Dictionary<string, List<LibraryRow>>(StringComparer.Ordinal);
            foreach (var r in rows)
            {
                if (!d.TryGetValue(r.Name, out var list)) d[r.Name] = list = new List<LibraryRow>();
                list.Add(r);
            }
            return d;
        }

        /// <summary>Constants and dtype objects: np.pi, np.nan, np.float64, ...</summary>
        public static Ex? Constant(string qualified) => qualified switch
        {
            "numpy.pi" => new Ex("Math.PI", PyType.Float, true),
            "numpy.e" => new Ex("Math.E", PyType.Float, true),
            "numpy.inf" or "numpy.Inf" or "numpy.infty" => new Ex("double.PositiveInfinity", PyType.Float, true),
            "numpy.nan" or "numpy.NaN" or "numpy.NAN" => new Ex("double.NaN", PyType.Float, true),
            "numpy.newaxis" => new Ex("null", PyType.None, true),
            "numpy.float64" or "numpy.float_" or "numpy.double" => new Ex("NpDType.Float64", PyType.Class("numpy.dtype"), true),
            "numpy.float32" or "numpy.single" => new Ex("NpDType.Float32", PyType.Class("numpy.dtype"), true),
            "numpy.int64" or "numpy.int_" or "numpy.intp" => new Ex("NpDType.Int64", PyType.Class("numpy.dtype"), true),
            "numpy.int32" or "numpy.intc" => new Ex("NpDType.Int32", PyType.Class("numpy.dtype"), true),
            "numpy.bool_" => new Ex("NpDType.Bool", PyType.Class("numpy.dtype"), true),
            _ => null,
        };

        public static IReadOnlyList<LibraryRow>? Rows(string name) => ByName.TryGetValue(name, out var l) ? l : null;

        /// <summary>The nearest supported names, for BATUTA-T-004 on an unmapped call.</summary>
        public static IEnumerable<string> Nearest(string name, IEnumerable<string> names)
        {
            var prefix = name.Contains('.') ? name.Substring(0, name.LastIndexOf('.') + 1) : "";
            var leaf = name.Substring(prefix.Length);
            var all = names.Distinct().ToList();
            var sameModule = all.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.IndexOf('.', prefix.Length) < 0).ToList();
            // A module with no mapped function at all (sklearn.svm): the nearest names anywhere in the library.
            var candidates = sameModule.Count > 0 ? sameModule : all;
            static string Leaf(string n) => n.Substring(n.LastIndexOf('.') + 1);
            return candidates
                .OrderBy(n => Distance(leaf, Leaf(n)))
                .ThenBy(n => n, StringComparer.Ordinal)
                .Take(5);
        }

        private static int Distance(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (int j = 0; j <= b.Length; j++) d[0, j] = j;
            for (int i = 1; i <= a.Length; i++)
                for (int j = 1; j <= b.Length; j++)
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            int common = a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal) ? -2 : 0;
            return d[a.Length, b.Length] + common;
        }
    }
}
