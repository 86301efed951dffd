using System.Text;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// docs/ml-mapping.md, rendered from the mapping tables themselves (Numpy, NumpyRandom, Sklearn, the operator
    /// table): the page cannot drift from what the transpiler does. NumpyMappingDocTests fails when the checked-in
    /// page differs; UPDATE_SNAPSHOTS=1 rewrites it.
    /// </summary>
    public static class MappingDocs
    {
        public static string RenderMarkdown()
        {
            var sb = new StringBuilder();
            sb.Append("# numpy and scikit-learn → Batuta: the mapping tables\n\n");
            sb.Append("<!-- Generated from src/Batuta.Transpiler/Mapping/{Numpy,NumpyRandom,Sklearn,Libraries}.cs by NumpyMappingDocTests.\n");
            sb.Append("     Do not edit: change the tables, then run UPDATE_SNAPSHOTS=1 dotnet test tests/Batuta.Transpiler.Tests --filter NumpyMappingDocTests. -->\n\n");
            sb.Append("Migrated numpy code runs on `Batuta.Python.Runtime.Numpy` (`NdArray`: a numpy array on a `Batuta.Tensors.Tensor<T>`, ");
            sb.Append("with numpy's dtypes, views, broadcasting, printing and summation order); scikit-learn code runs on `Batuta.ML`. ");
            sb.Append("Each row gives the Python API (parameters the mapping accepts; other keywords are BATUTA-T-004), the C# it becomes ");
            sb.Append("(`{name}` stands for the argument, `{self}` for the receiver, `{T}` for the F/I/B suffix of a typed scalar result), ");
            sb.Append("and what to know about the semantics. A call to a numpy or scikit-learn function that has no row is reported as ");
            sb.Append("**BATUTA-T-004** at its line, with the nearest supported names, and the migrated program raises `NotSupportedException` there.\n\n");
            sb.Append("## Float formatting policy\n\n");
            sb.Append("Parity is judged on stdout. Array printing (`print(a)`, `repr(a)`) follows numpy 1.24's `arrayprint` exactly: Dragon4 ");
            sb.Append("shortest digits capped at 8 (`precision`), `maxprec` trimming, the switch to scientific notation, 75-column wrapping and ");
            sb.Append("`...` summarisation above 1000 elements; `np.set_printoptions` changes the same options. Sums, means, variances and ");
            sb.Append("standard deviations are computed in numpy's order (pairwise within 8192-element blocks along the innermost axis, ");
            sb.Append("sequential along others), so their full `repr` matches numpy. Where numpy itself depends on the platform, the ");
            sb.Append("last bit may differ and programs (like the corpus) print through a format spec or `np.round`: matrix products ");
            sb.Append("and `np.dot` (numpy calls the installed BLAS), transcendental ufuncs (`exp`, `log`, `sin`, ... use SVML on AVX-512 ");
            sb.Append("CPUs), `np.linalg` (LAPACK), and scikit-learn's fitted values and predictions, which match within Batuta.ML's ");
            sb.Append("documented tolerances (docs/ml.md: scalers and metrics bit for bit, solvers and ensembles to 1e-12 to 1e-7). float32 scalars read out of arrays are ");
            sb.Append("Python floats (printed with float64 digits). `np.random.default_rng(...).normal` draws from a ziggurat whose tables ");
            sb.Append("are computed here; about one draw in seven differs from numpy's in the last few bits.\n\n");

            sb.Append("## String arrays\n\n");
            sb.Append("`np.array` of `str` (and `np.where`, `astype(str)`, `dtype=str`) gives numpy's fixed-width unicode dtype (`<U5`: as wide as ");
            sb.Append("the longest element, or the width given; longer values stored into it are cut, as numpy cuts them). The elements are ");
            sb.Append("interned strings, so indexing, slicing, masks, fancy indexing, reshapes, `==`/`!=`/ordering comparisons, `np.unique` ");
            sb.Append("(with index, inverse and counts), `np.sort`/`argsort`/`lexsort` (code-point order), `np.isin`, `np.concatenate`, `np.repeat`, `tolist` and ");
            sb.Append("printing behave as numpy's, and keep numpy's widths. `np.char` (case changes, strips, `replace`, `add`, `startswith`, `str_len`, ...) works element by element. ");
            sb.Append("Arithmetic and reductions on strings raise TypeError (numpy has no such loops either). ");
            sb.Append("scikit-learn estimators fitted on string labels see them coded by their sorted order (as `LabelEncoder` and `classes_` ");
            sb.Append("order them), and `predict`, `classes_`, the metrics (`pos_label='spam'`) and `classification_report` give the strings back.\n\n");
            sb.Append("## Operators on arrays\n\n");
            sb.Append("| Python | Batuta (C#) | Notes |\n|---|---|---|\n");
            foreach (var op in Libraries.Operators)
                sb.Append($"| `{Cell(op.Python)}` | {Cell(op.CsOperator is null ? $"`NdArray.ApplyArrays(NpBinary.{op.Ufunc}, a, b)`" : $"`a {op.CsOperator} b` (NdArray operator)")} | {Cell(op.Notes)} |\n");
            sb.Append("| `a @ b` | `Np.MatMulA(a, b)` (`Np.DotF` for two vectors) | Batuta.Tensor's packed GEMM; 1-D operands promoted as numpy |\n");
            sb.Append("| `a == b`, `!=`, `<`, `<=`, `>`, `>=` | `NdArray.Eq(a, b)`, `Ne`, `Lt`, `Le`, `Gt`, `Ge` | element-wise bool arrays |\n");
            sb.Append("| `-a`, `~a` | `-a`, `~a` | `~` is logical not on bool arrays; `-` on bool raises TypeError |\n");
            sb.Append("| `a += b` (and the other augmented operators) | `NdArray.InPlace(NpBinary.Add, a, b)` | in place: other names for the array see the change; numpy's same_kind casting rule |\n");
            sb.Append("| `a[i, j]`, `a[1:3, ::2]`, `a[..., None]` | `a.GetFloat(NpIndex.At(i), ...)`, `a.GetArray(NpIndex.Slice(1, 3, null), ...)` | basic indexing gives views; every axis picked by an int gives a Python scalar |\n");
            sb.Append("| `a[mask]`, `a[[0, 2]]`, `a[rows, cols]` | `a.GetArray(NpIndex.Of(mask))` | advanced indexing (bool masks, int arrays, mixed with slices) gives copies, numpy's result layout |\n");
            sb.Append("| `a[index] = v` | `a.SetItem(v, index...)` | broadcast assignment; masks and index arrays scatter |\n");
            sb.Append("| `for x in a`, `len(a)`, `list(a)` | typed iteration (`a.Floats()`, `a.Rows()`), `a.Count` | vectors yield Python scalars, matrices yield row views |\n\n");

            Section(sb, "numpy functions", Numpy.ModuleRows.Where(r => !r.Name.StartsWith("numpy.random.", StringComparison.Ordinal)));
            Section(sb, "ndarray methods and attributes", Numpy.MethodRows);
            Section(sb, "numpy.random (legacy RandomState, MT19937, bit-exact)", Numpy.ModuleRows.Where(r => r.Name.StartsWith("numpy.random.", StringComparison.Ordinal))
                .Concat(NumpyRandom.MethodRows().Where(r => r.Name.StartsWith(NumpyRandom.RandomStateType + ".", StringComparison.Ordinal))));
            Section(sb, "numpy.random.Generator (default_rng, PCG64)", NumpyRandom.MethodRows().Where(r => r.Name.StartsWith(NumpyRandom.GeneratorType + ".", StringComparison.Ordinal)));

            sb.Append("## scikit-learn estimators\n\n");
            sb.Append("Hyperparameters keep their scikit-learn names and defaults and become properties of the Batuta.ML class ");
            sb.Append("(`LogisticRegression(C=0.5, max_iter=500)` → `new LogisticRegression { C = 0.5, MaxIter = 500 }`). Fitted attributes ");
            sb.Append("come back as numpy arrays and Python numbers.\n\n");
            sb.Append("| Python | Batuta (C#) | Role | Attributes | Notes |\n|---|---|---|---|---|\n");
            foreach (var e in Sklearn.Estimators)
                sb.Append($"| `{Cell(e.Constructor.Signature)}` | `{e.CsType}` | {e.Role.ToString().ToLowerInvariant()} | {string.Join(", ", e.Attributes.Select(a => "`" + a.Attr + "`"))} | {Cell(e.Constructor.Notes)} |\n");
            sb.Append('\n');
            Section(sb, "scikit-learn estimator methods (by role)", Sklearn.AllRows.Where(r => Sklearn.Estimators.All(e => e.Constructor != r) && !r.Name.StartsWith("sklearn.", StringComparison.Ordinal)));
            Section(sb, "scikit-learn functions", Sklearn.AllRows.Where(r => r.Name.StartsWith("sklearn.", StringComparison.Ordinal) && Sklearn.Estimators.All(e => e.Constructor != r)));
            return sb.ToString();
        }

        private static void Section(StringBuilder sb, string title, IEnumerable<LibraryRow> rows)
        {
            sb.Append("## ").Append(title).Append("\n\n");
            sb.Append("| Python | Batuta (C#) | Notes |\n|---|---|---|\n");
            foreach (var r in rows)
                sb.Append($"| `{Cell(r.Signature)}` | `{Cell(r.Batuta)}` | {Cell(r.Notes)} |\n");
            sb.Append('\n');
        }

        /// <summary>
        /// The scikit-learn estimators of the table with the hyperparameters their rows accept and the Batuta.ML
        /// property each one sets: NumpyMappingDocTests checks them against Batuta.ML's [Hyperparameter] attributes.
        /// </summary>
        public static IReadOnlyList<(string Python, string CsType, IReadOnlyList<(string Hyperparameter, string Property)> Parameters)> SklearnEstimators() =>
            Sklearn.Estimators.Select(e => (e.Python, e.CsType, (IReadOnlyList<(string, string)>)e.Constructor.Params.Select(p => (p.Name, Sklearn.PropertyName(p.Name))).ToList())).ToList();

        private static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
    }
}
