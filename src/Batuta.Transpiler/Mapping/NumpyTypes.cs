using System.Globalization;
using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// The transpiler's static view of numpy and scikit-learn values. They are <see cref="TypeKind.Class"/> types
    /// with dotted Python names (no user class has a dot in its name): <c>numpy.ndarray[float64,2]</c> carries the
    /// dtype and the number of dimensions when inference knows them (<c>?</c> and <c>-1</c> when it does not);
    /// <c>numpy.random.RandomState</c>, <c>sklearn.linear_model.Ridge</c>, <c>sklearn.pipeline.Pipeline&lt;a|b&gt;</c>
    /// (with its steps' types) are library objects. All arrays are one C# type (NdArray), so joining two array
    /// types only loses precision, never falls back to a dynamic value.
    /// </summary>
    internal static class NumpyTypes
    {
        private const string ArrayPrefix = "numpy.ndarray[";

        public static PyType Array(string dtype = "?", int ndim = -1) => PyType.Class(ArrayPrefix + dtype + "," + ndim.ToString(CultureInfo.InvariantCulture) + "]");

        public static readonly PyType AnyArray = Array();

        public static bool IsArray(PyType t) => t.Kind == TypeKind.Class && t.Name.OrThrow().StartsWith(ArrayPrefix, StringComparison.Ordinal);

        /// <summary>A numpy or scikit-learn type (an array or a library object).</summary>
        public static bool IsLibrary(PyType t) => t.Kind == TypeKind.Class && IsLibraryName(t.Name.OrThrow());

        public static bool IsLibraryName(string name) => name.StartsWith("numpy.", StringComparison.Ordinal) || name.StartsWith("sklearn.", StringComparison.Ordinal);

        public static string DType(PyType t)
        {
            if (!IsArray(t)) return "?";
            var inner = t.Name.OrThrow().Substring(ArrayPrefix.Length, t.Name.Length - ArrayPrefix.Length - 1);
            return inner.Substring(0, inner.IndexOf(','));
        }

        public static int Ndim(PyType t)
        {
            if (!IsArray(t)) return -1;
            var inner = t.Name.OrThrow().Substring(ArrayPrefix.Length, t.Name.Length - ArrayPrefix.Length - 1);
            return int.Parse(inner.Substring(inner.IndexOf(',') + 1), CultureInfo.InvariantCulture);
        }

        public static PyType WithNdim(PyType t, int ndim) => Array(DType(t), ndim);

        public static PyType WithDType(PyType t, string dtype) => Array(dtype, Ndim(t));

        /// <summary>The Python scalar an element of this dtype reads as: float, int or bool (dynamic when unknown).</summary>
        public static PyType Scalar(string dtype) => dtype switch
        {
            "float64" or "float32" => PyType.Float,
            "int64" or "int32" => PyType.Int,
            "bool" => PyType.Bool,
            "str" => PyType.Str,
            _ => PyType.Object,
        };

        /// <summary>The dtype a Python value gives in numpy (float → float64, int → int64, bool → bool).</summary>
        public static string DTypeOfValue(PyType t)
        {
            if (IsArray(t)) return DType(t);
            return t.Kind switch
            {
                TypeKind.Float => "float64",
                TypeKind.Int => "int64",
                TypeKind.Bool => "bool",
                TypeKind.Str => "str",
                TypeKind.List or TypeKind.Set or TypeKind.VarTuple or TypeKind.Iterable => DTypeOfValue(t.Elem),
                TypeKind.Tuple => t.Args.Count == 0 ? "?" : t.Args.Select(DTypeOfValue).Aggregate(PromoteDType),
                TypeKind.Range => "int64",
                _ => "?",
            };
        }

        /// <summary>How many dimensions np.array(x) gives for a Python value (nested lists), or -1.</summary>
        public static int NdimOfValue(PyType t)
        {
            if (IsArray(t)) return Ndim(t);
            return t.Kind switch
            {
                TypeKind.Float or TypeKind.Int or TypeKind.Bool or TypeKind.Str => 0,
                TypeKind.List or TypeKind.VarTuple or TypeKind.Iterable => NdimOfValue(t.Elem) is var d && d >= 0 ? d + 1 : -1,
                TypeKind.Tuple => t.Args.Count == 0 ? 1 : NdimOfValue(t.Args[0]) is var d2 && d2 >= 0 ? d2 + 1 : -1,
                TypeKind.Range => 1,
                _ => -1,
            };
        }

        public static string PromoteDType(string a, string b)
        {
            if (a == b) return a;
            if (a == "?" || b == "?") return "?";
            if (a == "str" || b == "str") return "str";
            int Rank(string d) => d switch { "bool" => 0, "int32" => 1, "int64" => 2, "float32" => 3, _ => 4 };
            if ((a, b) is ("int32", "float32") or ("float32", "int32") or ("int64", "float32") or ("float32", "int64")) return "float64";
            return Rank(a) >= Rank(b) ? a : b;
        }

        /// <summary>numpy 1.x value-based casting of an array with a Python scalar.</summary>
        public static string PromoteScalar(string array, string scalar)
        {
            if (array == "?" || scalar == "?") return "?";
            if (array == "str" || scalar == "str") return "str";
            int Cat(string d) => d switch { "bool" => 0, "int32" or "int64" => 1, _ => 2 };
            if (Cat(array) >= Cat(scalar)) return array;
            return scalar == "float64" ? "float64" : "int64";
        }

        public static bool IsFloatDType(string d) => d is "float64" or "float32";

        /// <summary>The suffix of typed scalar methods (SumF, MaxI, ...): F, I, B, or empty for a dynamic value.</summary>
        public static string ScalarSuffix(PyType result) => result.Kind switch
        {
            TypeKind.Float => "F",
            TypeKind.Int => "I",
            TypeKind.Bool => "B",
            _ => "",
        };

        /// <summary>The value as an NdArray: arrays pass, lists, tuples and scalars go through np.array.</summary>
        public static string ArrayCode(Ex v)
        {
            if (IsArray(v.Type)) return v.Code;
            if (v.Type.Kind == TypeKind.Tuple && v.Type.Args.Count > 0 && v.Type.Args.Count <= 7) return $"Np.Array((object){v.Code})";
            if (v.Type.Kind is TypeKind.List or TypeKind.Tuple or TypeKind.VarTuple or TypeKind.Range or TypeKind.Iterable or TypeKind.Float or TypeKind.Int or TypeKind.Bool or TypeKind.Str)
                return $"Np.Array({Emitter.BoxOf(v)})";
            return $"Np.AsArray({Emitter.BoxOf(v)})";
        }

        private static readonly Dictionary<string, string> DTypeNames = new(StringComparer.Ordinal)
        {
            ["float64"] = "float64", ["float"] = "float64", ["float_"] = "float64", ["double"] = "float64", ["f8"] = "float64",
            ["float32"] = "float32", ["single"] = "float32", ["f4"] = "float32",
            ["int64"] = "int64", ["int"] = "int64", ["int_"] = "int64", ["intp"] = "int64", ["i8"] = "int64", ["long"] = "int64",
            ["int32"] = "int32", ["intc"] = "int32", ["i4"] = "int32",
            ["bool"] = "bool", ["bool_"] = "bool", ["?"] = "bool",
            ["str"] = "str", ["str_"] = "str", ["U"] = "str", ["unicode"] = "str", ["unicode_"] = "str",
        };

        /// <summary>A dtype written in the source (float, np.float32, 'int64', bool), or null.</summary>
        public static string? DTypeOf(ExpressionNode node, Emitter e)
        {
            switch (node)
            {
                case Constant { Value: string s }:
                    if (s.Length > 1 && (s[0] == 'U' || s.StartsWith("<U", StringComparison.Ordinal)) && s.TrimStart('<', 'U').All(ch => ch >= '0' && ch <= '9')) return "str";
                    return DTypeNames.TryGetValue(s, out var d) ? d : null;
                case Name n when n.Id is "float" or "int" or "bool" or "str":
                    return DTypeNames[n.Id];
                case Attribute { Value: Name, Attr: var attr } a when e.Expr(a.Value).Type is { Kind: TypeKind.Module, Name: "numpy" }:
                    return DTypeNames.TryGetValue(attr, out var d2) ? d2 : null;
                case Name n2 when e.Expr(n2).Type is { Kind: TypeKind.Class, Name: "numpy.dtype" }:
                    return null;
            }
            return null;
        }

        /// <summary>The C# NpDType for a dtype argument.</summary>
        public static string DTypeCode(ExpressionNode node, Ex v, Emitter e)
        {
            if (v.Type.Kind == TypeKind.None) return "null";
            var known = DTypeOf(node, e);
            // a sized string dtype ('<U4', 'U10') keeps its width: the runtime parses the literal
            if (known == "str" && node is Constant { Value: string sized } && sized.IndexOf('U') >= 0 && sized.Length > 1 && sized != "unicode") return $"NpDType.From({v.Code})";
            if (known is not null) return "NpDType." + Pascal(known);
            if (v.Type.Kind == TypeKind.Class && v.Type.Name == "numpy.dtype") return v.Code;
            return $"NpDType.From({Emitter.BoxOf(v)})";
        }

        public static string Pascal(string dtype) => dtype switch
        {
            "float64" => "Float64",
            "float32" => "Float32",
            "int64" => "Int64",
            "int32" => "Int32",
            "str" => "Str(0)",
            _ => "Bool",
        };

        /// <summary>Joins two library types: arrays keep what they agree on; other types must be equal.</summary>
        public static string? Join(string a, string b)
        {
            var ta = PyType.Class(a);
            var tb = PyType.Class(b);
            if (IsArray(ta) && IsArray(tb))
            {
                var dt = DType(ta) == DType(tb) ? DType(ta) : "?";
                var nd = Ndim(ta) == Ndim(tb) ? Ndim(ta) : -1;
                return Array(dt, nd).Name;
            }
            if (a.StartsWith("sklearn.pipeline.Pipeline", StringComparison.Ordinal) && b.StartsWith("sklearn.pipeline.Pipeline", StringComparison.Ordinal))
                return "sklearn.pipeline.Pipeline";
            return null;
        }
    }
}
