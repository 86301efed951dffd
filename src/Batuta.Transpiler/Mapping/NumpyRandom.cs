using Batuta.Transpiler.Model;
using static Batuta.Transpiler.Mapping.NumpyTypes;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// numpy.random: the module functions (one global legacy RandomState), <c>np.random.RandomState(seed)</c>
    /// objects (MT19937, bit-exact with numpy's legacy stream) and <c>np.random.default_rng(seed)</c>
    /// Generators (PCG64 with SeedSequence, numpy's Generator algorithms).
    /// </summary>
    internal static class NumpyRandom
    {
        public const string RandomStateType = "numpy.random.RandomState";
        public const string GeneratorType = "numpy.random.Generator";

        /// <summary>The dimensions a size argument gives: an int → 1, a tuple of k → k.</summary>
        private static int SizeNdim(LibraryCall c, string p = "size")
        {
            var t = c.Type(p);
            return t.Kind == TypeKind.Tuple ? t.Args.Count : t.Kind == TypeKind.Int ? 1 : -1;
        }

        private static PyType ChoiceElement(LibraryCall c)
        {
            var t = c.Type("a");
            if (t.Kind == TypeKind.Int) return PyType.Int;
            if (IsArray(t)) return Scalar(DType(t));
            if (t.Kind is TypeKind.List or TypeKind.Tuple or TypeKind.VarTuple) return Scalar(DTypeOfValue(t));
            return PyType.Object;
        }

        private static PyType ChoiceArray(LibraryCall c)
        {
            var t = c.Type("a");
            var dt = t.Kind == TypeKind.Int ? "int64" : DTypeOfValue(t);
            return Array(dt, SizeNdim(c));
        }

        /// <summary>The same rows for np.random.f(...) (the global state) and rs.f(...) (a RandomState).</summary>
        private static IEnumerable<LibraryRow> Legacy(string owner, string target)
        {
            string n = owner + ".";
            bool hasSize(LibraryCall c) => c.Has("size");
            bool noSize(LibraryCall c) => !c.Has("size");
            yield return new(n + "seed(seed:any=None)", target + ".Seed({seed})", _ => PyType.None, "re-seeds: MT19937 init_genrand / init_by_array, as numpy");
            yield return new(n + "rand()", "(double)" + target + ".Rand()", _ => PyType.Float, "one float in [0, 1): (a >> 5) * 67108864 + (b >> 6), / 2**53", c => c.Rest.Count == 0);
            yield return new(n + "rand(*shape)", target + ".RandA({*long})", c => Array("float64", c.Rest.Count), "an array of the given dimensions");
            yield return new(n + "randn()", "(double)" + target + ".Randn()", _ => PyType.Float, "legacy polar Box-Muller (pairs, the second value cached)", c => c.Rest.Count == 0);
            yield return new(n + "randn(*shape)", target + ".RandnA({*long})", c => Array("float64", c.Rest.Count), "");
            foreach (var name in new[] { "random", "random_sample", "sample", "ranf" })
            {
                yield return new(n + name + "(size:any=None)", "(double)" + target + ".Random()", _ => PyType.Float, "", noSize);
                yield return new(n + name + "(size:any=None)", "(NdArray)" + target + ".Random({size})", c => Array("float64", SizeNdim(c)), "", hasSize);
            }
            yield return new(n + "randint(low:any, high:any=None, size:any=None, dtype:dtype=None)", "(PyInt)" + target + ".RandInt({low}, {high})", _ => PyType.Int, "legacy masked rejection sampling (32-bit draws for ranges below 2**32)", noSize);
            yield return new(n + "randint(low:any, high:any=None, size:any=None, dtype:dtype=None)", "(NdArray)" + target + ".RandInt({low}, {high}, {size}, {dtype})", c => Array(c.DTypeLiteral("dtype") ?? "int64", SizeNdim(c)), "", hasSize);
            foreach (var (name, method, parms) in new[]
            {
                ("normal", "Normal", "loc:any=0.0, scale:any=1.0"),
                ("uniform", "Uniform", "low:any=0.0, high:any=1.0"),
                ("exponential", "Exponential", "scale:any=1.0"),
            })
            {
                var args = string.Join(", ", parms.Split(',').Select(p => "{" + p.Trim().Split(':')[0] + "?}"));
                yield return new(n + name + "(" + parms + ", size:any=None)", "(double)" + target + "." + method + "(" + args + ")", _ => PyType.Float, name == "normal" ? "loc + scale * standard normal" : name == "uniform" ? "low + (high - low) * U" : "-log(1 - U) * scale (legacy)", noSize);
                yield return new(n + name + "(" + parms + ", size:any=None)", "(NdArray)" + target + "." + method + "(" + args + ", {size})", c => Array("float64", SizeNdim(c)), "", hasSize);
            }
            yield return new(n + "standard_normal(size:any=None)", "(double)" + target + ".StandardNormal()", _ => PyType.Float, "", noSize);
            yield return new(n + "standard_normal(size:any=None)", "(NdArray)" + target + ".StandardNormal({size})", c => Array("float64", SizeNdim(c)), "", hasSize);
            yield return new(n + "choice(a:any, size:any=None, replace:bool=True, p:any=None)", "Np.As{T}(" + target + ".Choice({a}, null, {replace}, {p}))", ChoiceElement, "legacy: randint with replacement, a permutation prefix without, inverse CDF with p", noSize);
            yield return new(n + "choice(a:any, size:any=None, replace:bool=True, p:any=None)", "(NdArray)" + target + ".Choice({a}, {size}, {replace}, {p})", ChoiceArray, "", hasSize);
            yield return new(n + "shuffle(x:any)", target + ".Shuffle({x})", _ => PyType.None, "in place along the first axis (legacy Fisher-Yates from the end)");
            yield return new(n + "permutation(x:any)", target + ".Permutation({x})", c => c.Type("x").Kind == TypeKind.Int ? Array("int64", 1) : Numpy.ArrayOf(c.Type("x")), "a shuffled arange(x) or a shuffled copy");
        }

        private static IEnumerable<LibraryRow> Generator()
        {
            const string n = GeneratorType + ".";
            bool hasSize(LibraryCall c) => c.Has("size");
            bool noSize(LibraryCall c) => !c.Has("size");
            yield return new(n + "random(size:any=None)", "(double){self}.Random()", _ => PyType.Float, "PCG64 next_double: (next64 >> 11) * 2**-53", noSize);
            yield return new(n + "random(size:any=None)", "(NdArray){self}.Random({size})", c => Array("float64", SizeNdim(c)), "", hasSize);
            yield return new(n + "integers(low:any, high:any=None, size:any=None, endpoint:bool=False)", "(PyInt){self}.Integers({low}, {high}, null, {endpoint})", _ => PyType.Int, "Lemire's bounded integers (32-bit draws for ranges below 2**32), as numpy's Generator", noSize);
            yield return new(n + "integers(low:any, high:any=None, size:any=None, endpoint:bool=False)", "(NdArray){self}.Integers({low}, {high}, {size}, {endpoint})", c => Array("int64", SizeNdim(c)), "", hasSize);
            yield return new(n + "normal(loc:any=0.0, scale:any=1.0, size:any=None)", "(double){self}.Normal({loc?}, {scale?})", _ => PyType.Float, "numpy's 256-layer ziggurat", noSize);
            yield return new(n + "normal(loc:any=0.0, scale:any=1.0, size:any=None)", "(NdArray){self}.Normal({loc?}, {scale?}, {size})", c => Array("float64", SizeNdim(c)), "", hasSize);
            yield return new(n + "standard_normal(size:any=None)", "(double){self}.StandardNormal()", _ => PyType.Float, "ziggurat", noSize);
            yield return new(n + "standard_normal(size:any=None)", "(NdArray){self}.StandardNormal({size})", c => Array("float64", SizeNdim(c)), "", hasSize);
            yield return new(n + "uniform(low:any=0.0, high:any=1.0, size:any=None)", "(double){self}.Uniform({low?}, {high?})", _ => PyType.Float, "low + (high - low) * next_double", noSize);
            yield return new(n + "uniform(low:any=0.0, high:any=1.0, size:any=None)", "(NdArray){self}.Uniform({low?}, {high?}, {size})", c => Array("float64", SizeNdim(c)), "", hasSize);
            yield return new(n + "choice(a:any, size:any=None, replace:bool=True, p:any=None, shuffle:bool=True)", "Np.As{T}({self}.Choice({a}, null, {replace}, {p}, {shuffle}))", ChoiceElement, "Generator algorithms (Floyd's or a partial shuffle without replacement)", noSize);
            yield return new(n + "choice(a:any, size:any=None, replace:bool=True, p:any=None, shuffle:bool=True)", "(NdArray){self}.Choice({a}, {size}, {replace}, {p}, {shuffle})", ChoiceArray, "", hasSize);
            yield return new(n + "shuffle(x:any)", "{self}.Shuffle({x})", _ => PyType.None, "in place along the first axis");
            yield return new(n + "permutation(x:any)", "{self}.Permutation({x})", c => c.Type("x").Kind == TypeKind.Int ? Array("int64", 1) : Numpy.ArrayOf(c.Type("x")), "");
        }

        public static IEnumerable<LibraryRow> Rows()
        {
            foreach (var r in Legacy("numpy.random", "NpRandom.Global")) yield return r;
            yield return new("numpy.random.RandomState(seed:any=None)", "new NpRandomState({seed})", _ => PyType.Class(RandomStateType), "MT19937 seeded as numpy seeds it");
            yield return new("numpy.random.default_rng(seed:any=None)", "new NpGenerator({seed})", _ => PyType.Class(GeneratorType), "PCG64 seeded through SeedSequence, as numpy");
        }

        public static IEnumerable<LibraryRow> MethodRows()
        {
            foreach (var r in Legacy(RandomStateType, "{self}")) yield return r;
            foreach (var r in Generator()) yield return r;
        }
    }
}
