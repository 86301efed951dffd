using Batuta.Python.Ast;
using Batuta.Transpiler.Emit;
using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Mapping
{
    /// <summary>
    /// One row of a library mapping table: the Python API, the C# it becomes (a template over the bound
    /// arguments <c>{0}</c>, <c>{1}</c>..., <c>{*}</c> for the rest), its parameter and result types, and notes.
    /// The numpy/scikit-learn tables (issue 10) use the same row shape.
    /// </summary>
    internal sealed class MappingRow
    {
        public MappingRow(string python, string template, Func<IReadOnlyList<PyType>, PyType> returns, PyType[] parameters, string? names = null, string? defaults = null, string? notes = null, bool variadic = false)
        {
            Python = python;
            Template = template;
            Returns = returns;
            Parameters = parameters;
            Names = names?.Split(',') ?? Array.Empty<string>();
            Defaults = defaults?.Split('|') ?? Array.Empty<string>();
            Notes = notes;
            Variadic = variadic;
        }

        public string Python { get; }
        public string Template { get; }
        public Func<IReadOnlyList<PyType>, PyType> Returns { get; }
        public PyType[] Parameters { get; }
        public string[] Names { get; }
        /// <summary>C# code for missing trailing arguments (aligned to the end of <see cref="Parameters"/>); "" = omit.</summary>
        public string[] Defaults { get; }
        public string? Notes { get; }
        public bool Variadic { get; }
    }

    /// <summary>The supported standard-library modules, as mapping tables.</summary>
    internal static class StdlibModules
    {
        private static readonly PyType I = PyType.Int, F = PyType.Float, S = PyType.Str, B = PyType.Bool, O = PyType.Object, U = PyType.Unknown;
        private static Func<IReadOnlyList<PyType>, PyType> R(PyType t) => _ => t;
        private static PyType[] P(params PyType[] t) => t;
        private static PyType ElemOf(PyType t) => t.Kind is TypeKind.Dict or TypeKind.DefaultDict or TypeKind.Counter ? t.Key : t.Kind == TypeKind.Str ? PyType.Str : t.Kind is TypeKind.Object or TypeKind.Unknown ? PyType.Object : t.Elem;

        public static readonly string[] Names =
        {
            "math", "random", "sys", "os", "os.path", "time", "json", "collections", "itertools", "functools", "string", "heapq", "bisect",
            "copy", "dataclasses", "typing", "enum", "abc", "re", "argparse", "statistics", "operator", "textwrap", "__future__", "csv",
            "datetime", "io", "difflib", "pathlib", "contextlib", "collections.abc", "fractions", "decimal",
            "html", "shlex", "calendar", "configparser", "cmath", "struct", "base64", "binascii", "hashlib", "logging", "glob", "shutil", "tempfile", "pprint", "getopt",
            "urllib.parse", "fnmatch",
            "traceback", "warnings",
            "optparse", "zlib", "queue", "codecs", "locale",
        };

        /// <summary>How many arguments a mapped function needs at least (for math.sqrt used as a value), or null when unmapped.</summary>
        public static int? RequiredArguments(string qualified) =>
            // a variadic one (gcd, lcm, os.path.join) as a value usually folds pairs: reduce(gcd, xs)
            ByName.TryGetValue(qualified, out var row) && !IsNamespace(qualified) ? Math.Max(row.Variadic ? 2 : 1, row.Parameters.Length - row.Defaults.Length - (row.Variadic ? 1 : 0)) : null;

        /// <summary>A name with members of its own (datetime.datetime.now): a class-like namespace, not a plain function.</summary>
        private static bool IsNamespace(string qualified) => Namespaces.Contains(qualified);

        /// <summary>
        /// A dotted name that leads somewhere mapped: a submodule (os.path), a class with mapped members
        /// (datetime.datetime), or anything under a third-party library (numpy.char, numpy.maximum.accumulate).
        /// </summary>
        public static bool LeadsToMapped(string qualified) =>
            // Names, not IsKnown: IsKnown takes every os.* name for a module, and os.getloadavg leads nowhere
            Names.Contains(qualified) || Libraries.IsKnownModule(qualified.Split('.')[0]) || IsNamespace(qualified)
            || Rows.Any(r => r.Python.StartsWith(qualified + ".", StringComparison.Ordinal)) || Constants.Keys.Any(k => k.StartsWith(qualified + ".", StringComparison.Ordinal));

        public static bool IsKnown(string module) => Libraries.IsKnownModule(module) || Names.Contains(module) || Names.Contains(module.Split('.')[0]) && module.StartsWith("os", StringComparison.Ordinal) || IsPackage(module);

        /// <summary>A package only some of whose submodules are supported (urllib of urllib.parse): <c>from urllib import parse</c> imports the submodule.</summary>
        public static bool IsPackage(string module) => !Names.Contains(module) && Names.Any(n => n.StartsWith(module + ".", StringComparison.Ordinal));

        private static readonly Dictionary<string, Ex> Constants = new(StringComparer.Ordinal)
        {
            ["cmath.pi"] = new Ex("Math.PI", PyType.Float, true),
            ["cmath.e"] = new Ex("Math.E", PyType.Float, true),
            ["cmath.tau"] = new Ex("CMath.Tau", PyType.Float, true),
            ["cmath.inf"] = new Ex("double.PositiveInfinity", PyType.Float, true),
            ["cmath.nan"] = new Ex("MathModule.Nan", PyType.Float, true),
            ["cmath.infj"] = new Ex("CMath.InfJ", PyType.Object, true),
            ["cmath.nanj"] = new Ex("CMath.NanJ", PyType.Object, true),
            ["math.pi"] = new Ex("Math.PI", PyType.Float, true),
            ["math.e"] = new Ex("Math.E", PyType.Float, true),
            ["math.tau"] = new Ex("MathModule.Tau", PyType.Float, true),
            ["math.inf"] = new Ex("double.PositiveInfinity", PyType.Float, true),
            ["math.nan"] = new Ex("MathModule.Nan", PyType.Float, true),
            ["sys.argv"] = new Ex("Sys.Argv", PyType.List(PyType.Str), true),
            ["codecs.BOM_UTF8"] = new Ex("CodecsModule.BomUtf8", PyType.Bytes, true),
            ["codecs.BOM_UTF16_LE"] = new Ex("CodecsModule.BomUtf16Le", PyType.Bytes, true),
            ["codecs.BOM_UTF16_BE"] = new Ex("CodecsModule.BomUtf16Be", PyType.Bytes, true),
            ["datetime.MINYEAR"] = new Ex("1L", PyType.Long(1, 1), true),
            ["datetime.MAXYEAR"] = new Ex("9999L", PyType.Long(9999, 9999), true),
            // the class attributes of datetime's types (read through the class: timedelta.max, datetime.timezone.utc)
            ["datetime.UTC"] = new Ex("PyTimeZone.Utc", PyType.Object, true),
            ["time.timezone"] = new Ex("TimeModule.TimeZone", PyType.Int, true),
            ["time.altzone"] = new Ex("TimeModule.AltZone", PyType.Int, true),
            ["time.daylight"] = new Ex("TimeModule.Daylight", PyType.Int, true),
            ["time.tzname"] = new Ex("TimeModule.TzName", PyType.Object, true),
            ["datetime.timezone.utc"] = new Ex("PyTimeZone.Utc", PyType.Object, true),
            ["datetime.timezone.min"] = new Ex("PyTimeZone.Min", PyType.Object, true),
            ["datetime.timezone.max"] = new Ex("PyTimeZone.Max", PyType.Object, true),
            ["datetime.date.min"] = new Ex("DateTimeModule.DateMin", PyType.Object, true),
            ["datetime.date.max"] = new Ex("DateTimeModule.DateMax", PyType.Object, true),
            ["datetime.date.resolution"] = new Ex("DateTimeModule.DayResolution", PyType.Object, true),
            ["datetime.datetime.min"] = new Ex("DateTimeModule.DateTimeMin", PyType.Object, true),
            ["datetime.datetime.max"] = new Ex("DateTimeModule.DateTimeMax", PyType.Object, true),
            ["datetime.datetime.resolution"] = new Ex("DateTimeModule.Resolution", PyType.Object, true),
            ["datetime.time.min"] = new Ex("DateTimeModule.TimeMin", PyType.Object, true),
            ["datetime.time.max"] = new Ex("DateTimeModule.TimeMax", PyType.Object, true),
            ["datetime.time.resolution"] = new Ex("DateTimeModule.Resolution", PyType.Object, true),
            ["datetime.timedelta.min"] = new Ex("DateTimeModule.TimeDeltaMin", PyType.Object, true),
            ["datetime.timedelta.max"] = new Ex("DateTimeModule.TimeDeltaMax", PyType.Object, true),
            ["datetime.timedelta.resolution"] = new Ex("DateTimeModule.Resolution", PyType.Object, true),
            // logging's levels, and its root logger (a dynamic Logger object)
            ["logging.CRITICAL"] = new Ex("50L", PyType.Long(50, 50), true),
            ["logging.FATAL"] = new Ex("50L", PyType.Long(50, 50), true),
            ["logging.ERROR"] = new Ex("40L", PyType.Long(40, 40), true),
            ["logging.WARNING"] = new Ex("30L", PyType.Long(30, 30), true),
            ["logging.WARN"] = new Ex("30L", PyType.Long(30, 30), true),
            ["logging.INFO"] = new Ex("20L", PyType.Long(20, 20), true),
            ["logging.DEBUG"] = new Ex("10L", PyType.Long(10, 10), true),
            ["logging.NOTSET"] = new Ex("0L", PyType.Long(0, 0), true),
            ["logging.root"] = new Ex("LoggingModule.Root", PyType.Object, true),
            ["sys.stdout"] = new Ex("Sys.Stdout", PyType.File, true),
            // the rounding modes are their own names, as in CPython
            ["decimal.ROUND_HALF_EVEN"] = new Ex("\"ROUND_HALF_EVEN\"", PyType.Str, true),
            ["decimal.ROUND_HALF_UP"] = new Ex("\"ROUND_HALF_UP\"", PyType.Str, true),
            ["decimal.ROUND_HALF_DOWN"] = new Ex("\"ROUND_HALF_DOWN\"", PyType.Str, true),
            ["decimal.ROUND_UP"] = new Ex("\"ROUND_UP\"", PyType.Str, true),
            ["decimal.ROUND_DOWN"] = new Ex("\"ROUND_DOWN\"", PyType.Str, true),
            ["decimal.ROUND_CEILING"] = new Ex("\"ROUND_CEILING\"", PyType.Str, true),
            ["decimal.ROUND_FLOOR"] = new Ex("\"ROUND_FLOOR\"", PyType.Str, true),
            ["decimal.ROUND_05UP"] = new Ex("\"ROUND_05UP\"", PyType.Str, true),
            ["sys.stderr"] = new Ex("Sys.Stderr", PyType.File, true),
            ["sys.stdin"] = new Ex("Sys.Stdin", PyType.File, true),
            ["sys.maxsize"] = new Ex("new PyInt(long.MaxValue)", PyType.Int, true),
            ["sys.platform"] = new Ex("Sys.Platform", PyType.Str, true),
            ["sys.version"] = new Ex("Sys.Version", PyType.Str, true),
            // compared with tuples (sys.version_info >= (3, 8)) and indexed: the CPython version the runtime mirrors
            ["sys.version_info"] = new Ex("Sys.VersionInfo", PyType.Tuple(PyType.Int, PyType.Int, PyType.Int, PyType.Str, PyType.Int), true),
            ["sys.byteorder"] = new Ex("Sys.ByteOrder", PyType.Str, true),
            ["os.sep"] = new Ex("OsModule.Sep", PyType.Str, true),
            ["os.linesep"] = new Ex("OsModule.Linesep", PyType.Str, true),
            ["zlib.MAX_WBITS"] = new Ex("15L", PyType.Long(15, 15), true),
            ["zlib.DEFLATED"] = new Ex("8L", PyType.Long(8, 8), true),
            ["zlib.DEF_MEM_LEVEL"] = new Ex("8L", PyType.Long(8, 8), true),
            ["zlib.DEF_BUF_SIZE"] = new Ex("16384L", PyType.Long(16384, 16384), true),
            ["zlib.Z_NO_COMPRESSION"] = new Ex("0L", PyType.Long(0, 0), true),
            ["zlib.Z_BEST_SPEED"] = new Ex("1L", PyType.Long(1, 1), true),
            ["zlib.Z_BEST_COMPRESSION"] = new Ex("9L", PyType.Long(9, 9), true),
            ["zlib.Z_DEFAULT_COMPRESSION"] = new Ex("-1L", PyType.Long(-1, -1), true),
            ["zlib.Z_NO_FLUSH"] = new Ex("0L", PyType.Long(0, 0), true),
            ["zlib.Z_SYNC_FLUSH"] = new Ex("2L", PyType.Long(2, 2), true),
            ["zlib.Z_FULL_FLUSH"] = new Ex("3L", PyType.Long(3, 3), true),
            ["zlib.Z_FINISH"] = new Ex("4L", PyType.Long(4, 4), true),
            ["zlib.Z_DEFAULT_STRATEGY"] = new Ex("0L", PyType.Long(0, 0), true),
            ["os.SEEK_SET"] = new Ex("0L", PyType.Long(0, 0), true),
            ["os.SEEK_CUR"] = new Ex("1L", PyType.Long(1, 1), true),
            ["os.SEEK_END"] = new Ex("2L", PyType.Long(2, 2), true),
            ["os.O_RDONLY"] = new Ex("OsFd.ORdOnly", PyType.LongFull, true),
            ["os.O_WRONLY"] = new Ex("OsFd.OWrOnly", PyType.LongFull, true),
            ["os.O_RDWR"] = new Ex("OsFd.ORdWr", PyType.LongFull, true),
            ["os.O_CREAT"] = new Ex("OsFd.OCreat", PyType.LongFull, true),
            ["os.O_EXCL"] = new Ex("OsFd.OExcl", PyType.LongFull, true),
            ["os.O_TRUNC"] = new Ex("OsFd.OTrunc", PyType.LongFull, true),
            ["os.O_APPEND"] = new Ex("OsFd.OAppend", PyType.LongFull, true),
            // a str→str dict: membership, indexing, assignment, get/setdefault/items as any dict's (os.getenv reads it)
            ["os.environ"] = new Ex("OsModule.Environ", PyType.Dict(PyType.Str, PyType.Str), true),
            ["string.ascii_lowercase"] = new Ex("StringModule.AsciiLowercase", PyType.Str, true),
            ["string.ascii_uppercase"] = new Ex("StringModule.AsciiUppercase", PyType.Str, true),
            ["string.ascii_letters"] = new Ex("StringModule.AsciiLetters", PyType.Str, true),
            ["string.digits"] = new Ex("StringModule.Digits", PyType.Str, true),
            ["string.hexdigits"] = new Ex("StringModule.HexDigits", PyType.Str, true),
            ["string.octdigits"] = new Ex("StringModule.OctDigits", PyType.Str, true),
            ["string.punctuation"] = new Ex("StringModule.Punctuation", PyType.Str, true),
            ["string.whitespace"] = new Ex("StringModule.Whitespace", PyType.Str, true),
            ["string.printable"] = new Ex("StringModule.Printable", PyType.Str, true),
            // argparse's markers and formatter classes (the runtime parser reads them by value)
            ["argparse.SUPPRESS"] = new Ex("\"==SUPPRESS==\"", PyType.Str, true),
            ["argparse.OPTIONAL"] = new Ex("\"?\"", PyType.Str, true),
            ["argparse.ZERO_OR_MORE"] = new Ex("\"*\"", PyType.Str, true),
            ["argparse.ONE_OR_MORE"] = new Ex("\"+\"", PyType.Str, true),
            ["argparse.REMAINDER"] = new Ex("\"...\"", PyType.Str, true),
            ["argparse.HelpFormatter"] = new Ex("\"HelpFormatter\"", PyType.Str, true),
            ["argparse.RawDescriptionHelpFormatter"] = new Ex("\"RawDescriptionHelpFormatter\"", PyType.Str, true),
            ["argparse.RawTextHelpFormatter"] = new Ex("\"RawTextHelpFormatter\"", PyType.Str, true),
            ["argparse.ArgumentDefaultsHelpFormatter"] = new Ex("\"ArgumentDefaultsHelpFormatter\"", PyType.Str, true),
            // optparse's markers (compared by value: CPython's are identity-compared strings)
            ["optparse.SUPPRESS_HELP"] = new Ex("\"SUPPRESSHELP\"", PyType.Str, true),
            ["optparse.SUPPRESS_USAGE"] = new Ex("\"SUPPRESSUSAGE\"", PyType.Str, true),
            ["optparse.NO_DEFAULT"] = new Ex("OptParseOption.NoDefault", PyType.Object, true),
            // calendar's names (English, as CPython's C locale; month_name[0] is '') and weekday numbers
            ["calendar.month_name"] = new Ex("CalendarModule.MonthName", PyType.List(PyType.Str), true),
            ["calendar.month_abbr"] = new Ex("CalendarModule.MonthAbbr", PyType.List(PyType.Str), true),
            ["calendar.day_name"] = new Ex("CalendarModule.DayName", PyType.List(PyType.Str), true),
            ["calendar.day_abbr"] = new Ex("CalendarModule.DayAbbr", PyType.List(PyType.Str), true),
            ["calendar.MONDAY"] = new Ex("0L", PyType.Long(0, 0), true),
            ["calendar.TUESDAY"] = new Ex("1L", PyType.Long(1, 1), true),
            ["calendar.WEDNESDAY"] = new Ex("2L", PyType.Long(2, 2), true),
            ["calendar.THURSDAY"] = new Ex("3L", PyType.Long(3, 3), true),
            ["calendar.FRIDAY"] = new Ex("4L", PyType.Long(4, 4), true),
            ["calendar.SATURDAY"] = new Ex("5L", PyType.Long(5, 5), true),
            ["calendar.SUNDAY"] = new Ex("6L", PyType.Long(6, 6), true),
        };

        public static Ex? Constant(string qualified) => Constants.TryGetValue(qualified, out var v) ? v : ReMapping.Constant(qualified) ?? CsvMapping.Constant(qualified) ?? Libraries.Constant(qualified);

        private static readonly MappingRow[] Rows =
        {
            // math
            new("math.sqrt", "MathModule.Sqrt({0})", R(F), P(F)),
            new("math.exp", "MathModule.Exp({0})", R(F), P(F)),
            new("math.cbrt", "Math.Cbrt({0})", R(F), P(F)),
            new("math.exp2", "Math.Pow(2.0, {0})", R(F), P(F)),
            new("math.log", "MathModule.Log({0}{1})", R(F), P(F, F), defaults: "|"),
            new("math.log2", "MathModule.Log2({0})", R(F), P(F)),
            new("math.log10", "MathModule.Log10({0})", R(F), P(F)),
            new("math.log1p", "MathModule.Log1p({0})", R(F), P(F)),
            new("math.expm1", "MathModule.Expm1({0})", R(F), P(F)),
            new("math.pow", "MathModule.Pow({0}, {1})", R(F), P(F, F)),
            new("math.sin", "MathModule.Sin({0})", R(F), P(F)),
            new("math.cos", "MathModule.Cos({0})", R(F), P(F)),
            new("math.tan", "MathModule.Tan({0})", R(F), P(F)),
            new("math.asin", "MathModule.Asin({0})", R(F), P(F)),
            new("math.acos", "MathModule.Acos({0})", R(F), P(F)),
            new("math.atan", "MathModule.Atan({0})", R(F), P(F)),
            new("math.atan2", "MathModule.Atan2({0}, {1})", R(F), P(F, F)),
            new("math.sinh", "MathModule.Sinh({0})", R(F), P(F)),
            new("math.cosh", "MathModule.Cosh({0})", R(F), P(F)),
            new("math.tanh", "MathModule.Tanh({0})", R(F), P(F)),
            new("math.hypot", "MathModule.Hypot({*})", R(F), P(F), variadic: true),
            new("math.degrees", "MathModule.Degrees({0})", R(F), P(F)),
            new("math.radians", "MathModule.Radians({0})", R(F), P(F)),
            new("math.fabs", "MathModule.Fabs({0})", R(F), P(F)),
            new("math.fmod", "MathModule.Fmod({0}, {1})", R(F), P(F, F)),
            new("math.copysign", "MathModule.CopySign({0}, {1})", R(F), P(F, F)),
            new("math.floor", "MathModule.Floor({0})", R(I), P(U)),
            new("math.ceil", "MathModule.Ceil({0})", R(I), P(U)),
            new("math.trunc", "MathModule.Trunc({0})", R(I), P(F)),
            new("math.isnan", "MathModule.IsNan({0})", R(B), P(F)),
            new("math.isinf", "MathModule.IsInf({0})", R(B), P(F)),
            new("math.isfinite", "MathModule.IsFinite({0})", R(B), P(F)),
            new("math.isclose", "MathModule.IsClose({0}, {1}, {2}, {3})", R(B), P(F, F, F, F), names: "a,b,rel_tol,abs_tol", defaults: "||1e-09|0.0"),
            new("math.factorial", "MathModule.Factorial({0})", R(I), P(I)),
            new("math.gcd", "MathModule.Gcd({*})", R(I), P(I), variadic: true),
            new("math.lcm", "MathModule.Lcm({*})", R(I), P(I), variadic: true),
            new("math.isqrt", "MathModule.Isqrt({0})", R(I), P(I)),
            new("math.comb", "MathModule.Comb({0}, {1})", R(I), P(I, I)),
            new("math.perm", "MathModule.Perm({0}, {1})", R(I), P(I, I)),
            new("math.fsum", "MathModule.Fsum({0})", R(F), P(PyType.Iterable(F))),
            new("math.prod", "MathModule.Prod({0})", a => ElemOf(a[0]) is { Kind: TypeKind.Int } ? I : ElemOf(a[0]).Kind == TypeKind.Float ? F : O, P(U)),
            new("math.modf", "MathModule.Modf({0})", R(PyType.Tuple(F, F)), P(F)),
            new("math.frexp", "MathModule.Frexp({0})", R(PyType.Tuple(F, I)), P(F)),
            new("math.ldexp", "MathModule.Ldexp({0}, {1})", R(F), P(F, I)),
            new("math.dist", "MathModule.Dist({0}, {1})", R(F), P(PyType.Iterable(U), PyType.Iterable(U))),
            new("math.erf", "MathModule.Erf({0})", R(F), P(F)),
            // random (CPython's Mersenne Twister stream)
            new("random.seed", "RandomModule.Seed({0})", R(PyType.None), P(O), defaults: "null"),
            new("random.random", "RandomModule.Random()", R(F), P()),
            new("random.randint", "RandomModule.RandInt({0}, {1})", R(I), P(I, I)),
            new("random.randrange", "RandomModule.RandRange({*})", R(I), P(I), variadic: true),
            new("random.choice", "RandomModule.Choice({0})", a => ElemOf(a[0]), P(O)),
            new("random.choices", "RandomModule.Choices({0}, {1}, k: {2})", a => PyType.List(ElemOf(a[0])), P(U, PyType.List(F), I), names: "population,weights,k", defaults: "null|1"),
            new("random.shuffle", "RandomModule.Shuffle({0})", R(PyType.None), P(U)),
            new("random.sample", "RandomModule.Sample({0}, {1})", a => PyType.List(ElemOf(a[0])), P(U, I), names: "population,k"),
            new("random.uniform", "RandomModule.Uniform({0}, {1})", R(F), P(F, F)),
            new("random.gauss", "RandomModule.Gauss({0}, {1})", R(F), P(F, F), names: "mu,sigma", defaults: "0.0|1.0"),
            new("random.normalvariate", "RandomModule.NormalVariate({0}, {1})", R(F), P(F, F), names: "mu,sigma", defaults: "0.0|1.0"),
            new("random.expovariate", "RandomModule.ExpoVariate({0})", R(F), P(F)),
            new("random.gammavariate", "RandomModule.GammaVariate({0}, {1})", R(F), P(F, F), names: "alpha,beta"),
            new("random.betavariate", "RandomModule.BetaVariate({0}, {1})", R(F), P(F, F), names: "alpha,beta"),
            new("random.lognormvariate", "RandomModule.LogNormVariate({0}, {1})", R(F), P(F, F), names: "mu,sigma"),
            new("random.paretovariate", "RandomModule.ParetoVariate({0})", R(F), P(F), names: "alpha"),
            new("random.weibullvariate", "RandomModule.WeibullVariate({0}, {1})", R(F), P(F, F), names: "alpha,beta"),
            new("random.vonmisesvariate", "RandomModule.VonMisesVariate({0}, {1})", R(F), P(F, F), names: "mu,kappa"),
            new("random.triangular", "RandomModule.Triangular({0}, {1}{2})", R(F), P(F, F, O), defaults: "0.0|1.0|"),
            new("random.getrandbits", "RandomModule.GetRandBits({0})", R(I), P(I)),
            new("random.Random", "new PyRandom({0})", R(PyType.Object), P(O), defaults: "null"),
            new("random.getstate", "RandomModule.GetState()", R(O), P()),
            new("random.setstate", "RandomModule.SetState({0})", R(PyType.None), P(O), names: "state"),
            new("random.SystemRandom", "PyRandom.System({0})", R(O), P(O), defaults: "null"),
            // sys
            new("sys.exit", "Sys.Exit({0})", R(PyType.None), P(O), defaults: "null"),
            new("sys.getrecursionlimit", "Sys.GetRecursionLimit()", R(I), P()),
            new("sys.getdefaultencoding", "\"utf-8\"", R(S), P()),
            new("sys.getfilesystemencoding", "\"utf-8\"", R(S), P()),
            new("locale.getpreferredencoding", "\"UTF-8\"", R(S), P(B), names: "do_setlocale", defaults: "true"),
            // codecs (the text codecs of str.encode / bytes.decode)
            new("codecs.open", "CodecsModule.Open({0}, {1}, {2}, {3})", R(PyType.File), P(S, S, S, S), names: "filename,mode,encoding,errors", defaults: "\"r\"|null|\"strict\""),
            new("codecs.encode", "CodecsModule.Encode({0}, {1}, {2})", R(PyType.Bytes), P(O, S, S), names: "obj,encoding,errors", defaults: "\"utf-8\"|\"strict\""),
            new("codecs.decode", "CodecsModule.Decode({0}, {1}, {2})", R(S), P(O, S, S), names: "obj,encoding,errors", defaults: "\"utf-8\"|\"strict\""),
            new("sys.setrecursionlimit", "Sys.SetRecursionLimit({0})", R(PyType.None), P(I)),
            new("sys.getsizeof", "Sys.GetSizeOf({0})", R(I), P(O)),
            // time
            new("time.time", "TimeModule.Time()", R(F), P()),
            new("time.perf_counter", "TimeModule.PerfCounter()", R(F), P()),
            new("time.monotonic", "TimeModule.Monotonic()", R(F), P()),
            new("time.process_time", "TimeModule.ProcessTime()", R(F), P()),
            new("time.sleep", "TimeModule.Sleep({0})", R(PyType.None), P(F)),
            new("time.time_ns", "TimeModule.TimeNs()", R(I), P()),
            new("time.perf_counter_ns", "TimeModule.PerfCounterNs()", R(I), P()),
            new("time.strftime", "TimeModule.StrFTime({0}, {1})", R(S), P(S, O), defaults: "null"),
            new("time.gmtime", "TimeModule.GmTime({0})", R(O), P(O), defaults: "null"),
            new("time.localtime", "TimeModule.LocalTime({0})", R(O), P(O), defaults: "null"),
            new("time.mktime", "TimeModule.MkTime({0})", R(F), P(O)),
            new("time.asctime", "TimeModule.AscTime({0})", R(S), P(O), defaults: "null"),
            new("time.ctime", "TimeModule.CTime({0})", R(S), P(O), defaults: "null"),
            new("time.strptime", "TimeModule.StrPTime({0}, {1})", R(O), P(S, S), defaults: "\"%a %b %d %H:%M:%S %Y\""),
            new("time.struct_time", "StructTime.Create({0})", R(O), P(O)),
            // datetime (naive dates and times; values are dynamic runtime objects with Python's operators and methods)
            new("datetime.date", "new PyDate({0}, {1}, {2})", R(O), P(O, O, O), names: "year,month,day"),
            new("datetime.datetime", "new PyDateTime({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})", R(O), P(O, O, O, O, O, O, O, O),
                names: "year,month,day,hour,minute,second,microsecond,tzinfo", defaults: "null|null|null|null|null"),
            new("datetime.timezone", "PyTimeZone.Create({0}, {1})", R(O), P(O, O), names: "offset,name", defaults: "null"),
            new("datetime.time", "new PyTime({0}, {1}, {2}, {3})", R(O), P(O, O, O, O), names: "hour,minute,second,microsecond", defaults: "null|null|null|null"),
            new("datetime.timedelta", "PyTimeDelta.Create({0}, {1}, {2}, {3}, {4}, {5}, {6})", R(O), P(O, O, O, O, O, O, O),
                names: "days,seconds,microseconds,milliseconds,minutes,hours,weeks", defaults: "null|null|null|null|null|null|null"),
            new("datetime.date.today", "PyDate.Today()", R(O), P()),
            new("datetime.date.fromisoformat", "PyDate.FromIsoFormat({0})", R(O), P(S)),
            new("datetime.date.fromordinal", "PyDate.FromOrdinal({0})", R(O), P(O)),
            new("datetime.time.fromisoformat", "PyTime.FromIsoFormat({0})", R(O), P(S)),
            new("datetime.datetime.now", "PyDateTime.Now({0})", R(O), P(O), names: "tz", defaults: "null"),
            new("datetime.datetime.today", "PyDateTime.Now()", R(O), P()),
            new("datetime.datetime.utcnow", "PyDateTime.UtcNow()", R(O), P()),
            new("datetime.datetime.strptime", "PyDateTime.StrPTime({0}, {1})", R(O), P(S, S)),
            new("datetime.datetime.fromisoformat", "PyDateTime.FromIsoFormat({0})", R(O), P(S)),
            new("datetime.datetime.fromtimestamp", "PyDateTime.FromTimestamp({0}, {1})", R(O), P(F, O), names: "timestamp,tz", defaults: "null"),
            new("datetime.datetime.utcfromtimestamp", "PyDateTime.UtcFromTimestamp({0})", R(O), P(F)),
            new("datetime.datetime.combine", "PyDateTime.Combine(Dyn.Cast<PyDate>({0}), Dyn.Cast<PyTime>({1}))", R(O), P(O, O)),
            // cmath (values are dynamic PyComplex objects; an int or float argument widens)
            new("cmath.sqrt", "CMath.Sqrt({0})", R(O), P(O), names: "z"),
            new("cmath.exp", "CMath.Exp({0})", R(O), P(O), names: "z"),
            new("cmath.log", "CMath.Log({0}, {1})", R(O), P(O, O), names: "z,base", defaults: "null"),
            new("cmath.log10", "CMath.Log10({0})", R(O), P(O), names: "z"),
            new("cmath.phase", "CMath.Phase({0})", R(F), P(O), names: "z"),
            new("cmath.polar", "CMath.Polar({0})", R(PyType.Tuple(F, F)), P(O), names: "z"),
            new("cmath.rect", "CMath.Rect({0}, {1})", R(O), P(F, F), names: "r,phi"),
            new("cmath.sin", "CMath.Sin({0})", R(O), P(O), names: "z"),
            new("cmath.cos", "CMath.Cos({0})", R(O), P(O), names: "z"),
            new("cmath.tan", "CMath.Tan({0})", R(O), P(O), names: "z"),
            new("cmath.sinh", "CMath.Sinh({0})", R(O), P(O), names: "z"),
            new("cmath.cosh", "CMath.Cosh({0})", R(O), P(O), names: "z"),
            new("cmath.tanh", "CMath.Tanh({0})", R(O), P(O), names: "z"),
            new("cmath.asin", "CMath.Asin({0})", R(O), P(O), names: "z"),
            new("cmath.acos", "CMath.Acos({0})", R(O), P(O), names: "z"),
            new("cmath.atan", "CMath.Atan({0})", R(O), P(O), names: "z"),
            new("cmath.asinh", "CMath.Asinh({0})", R(O), P(O), names: "z"),
            new("cmath.acosh", "CMath.Acosh({0})", R(O), P(O), names: "z"),
            new("cmath.atanh", "CMath.Atanh({0})", R(O), P(O), names: "z"),
            new("cmath.isclose", "CMath.IsClose({0}, {1}, {2}, {3})", R(B), P(O, O, F, F), names: "a,b,rel_tol,abs_tol", defaults: "||1e-09|0.0"),
            new("cmath.isinf", "CMath.IsInf({0})", R(B), P(O), names: "z"),
            new("cmath.isnan", "CMath.IsNan({0})", R(B), P(O), names: "z"),
            new("cmath.isfinite", "CMath.IsFinite({0})", R(B), P(O), names: "z"),
            // fractions (exact rationals; values are dynamic runtime objects with Python's operators and methods)
            new("fractions.Fraction", "PyFraction.Create({0}, {1})", R(O), P(O, O), names: "numerator,denominator", defaults: "null|null"),
            new("fractions.Fraction.from_float", "PyFraction.FromFloat({0})", R(O), P(O), names: "f"),
            // decimal (finite values as CPython's sign/coefficient/exponent; dynamic runtime objects)
            new("decimal.Decimal", "PyDecimal.Create({0})", R(O), P(O), names: "value", defaults: "null"),
            new("decimal.Decimal.from_float", "PyDecimal.FromFloatValue({0})", R(O), P(O), names: "f"),
            new("decimal.getcontext", "DecimalContext.GetContext()", R(O), P()),
            new("decimal.localcontext", "DecimalContext.Local({0}, {1}, {2})", R(O), P(O, O, O), names: "ctx,prec,rounding", defaults: "null|null|null"),
            // os and os.path
            new("os.path.join", "OsPath.Join({*})", R(S), P(S), variadic: true),
            new("os.path.exists", "OsPath.Exists({0})", R(B), P(S)),
            new("os.path.isfile", "OsPath.IsFile({0})", R(B), P(S)),
            new("os.path.isdir", "OsPath.IsDir({0})", R(B), P(S)),
            new("os.path.isabs", "OsPath.IsAbs({0})", R(B), P(S)),
            new("os.path.basename", "OsPath.Basename({0})", R(S), P(S)),
            new("os.path.dirname", "OsPath.Dirname({0})", R(S), P(S)),
            new("os.path.split", "OsPath.Split({0})", R(PyType.Tuple(S, S)), P(S)),
            new("os.path.splitext", "OsPath.SplitExt({0})", R(PyType.Tuple(S, S)), P(S)),
            new("os.path.abspath", "OsPath.AbsPath({0})", R(S), P(S)),
            new("os.path.normpath", "OsPath.NormPath({0})", R(S), P(S)),
            new("os.path.getsize", "OsPath.GetSize({0})", R(I), P(S)),
            new("os.path.getmtime", "OsStat.GetMTime({0})", R(F), P(O), names: "path"),
            new("os.path.getatime", "OsStat.GetATime({0})", R(F), P(O), names: "path"),
            new("os.path.getctime", "OsStat.GetCTime({0})", R(F), P(O), names: "path"),
            new("os.path.expanduser", "OsPath.ExpandUser({0})", R(S), P(S)),
            new("os.path.relpath", "OsTree.RelPath({0}, {1})", R(S), P(S, S), names: "path,start", defaults: "null"),
            new("os.path.commonprefix", "OsTree.CommonPrefix({0})", R(S), P(U), names: "m"),
            new("os.path.commonpath", "OsTree.CommonPath({0})", R(S), P(U), names: "paths"),
            new("os.walk", "OsTree.Walk({0}, {1})", R(PyType.Iterable(PyType.Tuple(S, PyType.List(S), PyType.List(S)))), P(S, B), names: "top,topdown", defaults: "true"),
            new("os.getcwd", "OsModule.GetCwd()", R(S), P()),
            new("os.chdir", "OsModule.Chdir({0})", R(PyType.None), P(S), names: "path"),
            new("os.getpid", "OsModule.GetPid()", R(I), P()),
            new("os.stat", "OsStat.Stat({0})", R(O), P(O), names: "path"),
            new("os.chmod", "OsStat.Chmod({0}, {1})", R(PyType.None), P(O, I), names: "path,mode"),
            new("os.utime", "OsStat.Utime({0}, {1})", R(PyType.None), P(O, O), names: "path,times", defaults: "null"),
            new("os.umask", "OsStat.Umask({0})", R(I), P(I), names: "mask"),
            new("os.cpu_count", "OsStat.CpuCount()", R(PyType.Optional(I)), P()),
            new("os.listdir", "OsModule.ListDir({0})", R(PyType.List(S)), P(S), defaults: "\".\""),
            new("os.scandir", "OsModule.ScanDir({0})", R(O), P(S), names: "path", defaults: "\".\""),
            new("os.makedirs", "OsModule.MakeDirs({0}, {1})", R(PyType.None), P(S, B), names: "name,exist_ok", defaults: "false"),
            new("os.mkdir", "OsModule.Mkdir({0})", R(PyType.None), P(S)),
            new("os.remove", "OsModule.Remove({0})", R(PyType.None), P(S)),
            new("os.rmdir", "OsModule.Rmdir({0})", R(PyType.None), P(S)),
            new("io.StringIO", "PyTextIO.StringIO({0})", R(PyType.File), P(S), defaults: "null"),
            new("io.BytesIO", "PyBinaryIO.BytesIO({0})", R(Builtins.BinaryFile), P(O), names: "initial_bytes", defaults: "null"),
            new("os.unlink", "OsModule.Remove({0})", R(PyType.None), P(S)),
            new("os.rename", "OsModule.Rename({0}, {1})", R(PyType.None), P(S, S)),
            new("os.getenv", "OsModule.GetEnv({0}{1})", a => a.Count > 1 && a[1].Kind == TypeKind.Str ? S : PyType.Optional(S), P(S, S), defaults: ""),
            // json
            new("json.dumps", "Json.Dumps({0}, indent: {1}, sort_keys: {2}, ensure_ascii: {3}, separators: {4}, @default: {5})", R(S), P(O, O, B, B, O, O), names: "obj,indent,sort_keys,ensure_ascii,separators,default", defaults: "null|false|true|null|null"),
            new("json.dump", "Json.Dump({0}, {1}, indent: {2}, sort_keys: {3}, ensure_ascii: {4}, separators: {5}, @default: {6})", R(PyType.None), P(O, PyType.File, O, B, B, O, O), names: "obj,fp,indent,sort_keys,ensure_ascii,separators,default", defaults: "null|false|true|null|null"),
            new("json.loads", "Json.Loads({0}, object_hook: {1}, parse_float: {2}, parse_int: {3})", R(O), P(S, O, O, O), names: "s,object_hook,parse_float,parse_int", defaults: "null|null|null"),
            new("json.load", "Json.Loads({0}.Read(), object_hook: {1}, parse_float: {2}, parse_int: {3})", R(O), P(PyType.File, O, O, O), names: "fp,object_hook,parse_float,parse_int", defaults: "null|null|null"),
            // heapq
            new("heapq.heappush", "HeapQ.HeapPush({0}, {1})", R(PyType.None), P(U, U)),
            new("heapq.heappop", "HeapQ.HeapPop({0})", a => ElemOf(a[0]), P(U)),
            new("heapq.heapify", "HeapQ.Heapify({0})", R(PyType.None), P(U)),
            new("heapq.heapreplace", "HeapQ.HeapReplace({0}, {1})", a => ElemOf(a[0]), P(U, U)),
            new("heapq.heappushpop", "HeapQ.HeapPushPop({0}, {1})", a => ElemOf(a[0]), P(U, U)),
            new("heapq.merge", "HeapQ.Merge({*})", a => PyType.Iterable(a.Count > 0 && a.All(x => ElemOf(x).Equals(ElemOf(a[0]))) ? ElemOf(a[0]) : O), P(U), variadic: true),
            new("heapq.nlargest", "HeapQ.NLargest({0}, {1}{2})", a => PyType.List(ElemOf(a[1])), P(I, U, U), names: "n,iterable,key", defaults: ""),
            new("heapq.nsmallest", "HeapQ.NSmallest({0}, {1}{2})", a => PyType.List(ElemOf(a[1])), P(I, U, U), names: "n,iterable,key", defaults: ""),
            // bisect
            new("bisect.bisect_left", "Bisect.BisectLeft({0}, {1}, (long)({2}), (long?)({3}){4})", R(I), P(U, U, I, I, U), names: "a,x,lo,hi,key", defaults: "0|null|"),
            new("bisect.bisect_right", "Bisect.BisectRight({0}, {1}, (long)({2}), (long?)({3}){4})", R(I), P(U, U, I, I, U), names: "a,x,lo,hi,key", defaults: "0|null|"),
            new("bisect.bisect", "Bisect.BisectRight({0}, {1}, (long)({2}), (long?)({3}){4})", R(I), P(U, U, I, I, U), names: "a,x,lo,hi,key", defaults: "0|null|"),
            new("statistics.mean", "Statistics.Mean({0})", R(O), P(U)),
            new("statistics.fmean", "Statistics.FMean({0})", R(PyType.Float), P(U)),
            new("statistics.median", "Statistics.Median({0})", R(O), P(U)),
            new("statistics.median_low", "Statistics.MedianLow({0})", a => ElemOf(a[0]), P(U)),
            new("statistics.median_high", "Statistics.MedianHigh({0})", a => ElemOf(a[0]), P(U)),
            new("statistics.mode", "Statistics.Mode({0})", a => ElemOf(a[0]), P(U)),
            new("statistics.multimode", "Statistics.MultiMode({0})", a => PyType.List(ElemOf(a[0])), P(U)),
            new("statistics.variance", "Statistics.Variance({0})", R(O), P(U)),
            new("statistics.pvariance", "Statistics.PVariance({0})", R(O), P(U)),
            new("statistics.stdev", "Statistics.Stdev({0})", R(PyType.Float), P(U)),
            new("statistics.pstdev", "Statistics.PStdev({0})", R(PyType.Float), P(U)),
            new("statistics.quantiles", "StatisticsMeans.Quantiles({0}, (long)({1}), {2})", R(PyType.List(F)), P(U, I, S), names: "data,n,method", defaults: "4|\"exclusive\""),
            new("statistics.geometric_mean", "StatisticsMeans.GeometricMean({0})", R(F), P(U), names: "data"),
            new("statistics.harmonic_mean", "StatisticsMeans.HarmonicMean({0})", R(O), P(U), names: "data"),
            new("bisect.insort", "Bisect.InsortRight({0}, {1}, (long)({2}), (long?)({3}){4})", R(PyType.None), P(U, U, I, I, U), names: "a,x,lo,hi,key", defaults: "0|null|"),
            new("bisect.insort_left", "Bisect.InsortLeft({0}, {1}, (long)({2}), (long?)({3}){4})", R(PyType.None), P(U, U, I, I, U), names: "a,x,lo,hi,key", defaults: "0|null|"),
            new("bisect.insort_right", "Bisect.InsortRight({0}, {1}, (long)({2}), (long?)({3}){4})", R(PyType.None), P(U, U, I, I, U), names: "a,x,lo,hi,key", defaults: "0|null|"),
            // itertools
            new("itertools.count", "IterTools.Count({0}{1})", R(PyType.Iterable(I)), P(I, I), defaults: "new PyInt(0)|"),
            new("itertools.cycle", "IterTools.Cycle({0})", a => PyType.Iterable(ElemOf(a[0])), P(U)),
            new("itertools.repeat", "IterTools.Repeat({0}{1})", a => PyType.Iterable(a[0]), P(U, I), defaults: ""),
            new("itertools.chain", "IterTools.Chain({*})", a => PyType.Iterable(a.Count > 0 ? ElemOf(a[0]) : O), P(U), variadic: true),
            new("itertools.islice", "IterTools.ISlice({0}, {1}{2}{3})", a => PyType.Iterable(ElemOf(a[0])), P(U, PyType.Optional(I), PyType.Optional(I), I), defaults: "||"),
            new("itertools.accumulate", "IterTools.Accumulate({0}{1})", a => PyType.Iterable((a.Count < 2 || a[1].Kind == TypeKind.Unknown) && ElemOf(a[0]).IsLong ? I : ElemOf(a[0])), P(U, U), defaults: ""),
            new("itertools.permutations", "IterTools.Permutations({0}{1})", a => PyType.Iterable(PyType.VarTuple(ElemOf(a[0]))), P(U, I), defaults: ""),
            new("itertools.combinations", "IterTools.Combinations({0}, {1})", a => PyType.Iterable(PyType.VarTuple(ElemOf(a[0]))), P(U, I)),
            new("itertools.pairwise", "IterTools.Pairwise({0})", a => PyType.Iterable(PyType.Tuple(ElemOf(a[0]), ElemOf(a[0]))), P(U)),
            new("itertools.compress", "IterTools.Compress({0}, {1})", a => PyType.Iterable(ElemOf(a[0])), P(U, U)),
            new("itertools.combinations_with_replacement", "IterTools.CombinationsWithReplacement({0}, {1})", a => PyType.Iterable(PyType.VarTuple(ElemOf(a[0]))), P(U, I)),
            new("itertools.zip_longest", "IterTools.ZipLongest({0}, {1})", _ => PyType.Iterable(PyType.Tuple(O, O)), P(PyType.Iterable(U), PyType.Iterable(U))),
            // functools
            new("functools.reduce", "FuncTools.Reduce({0}, {1}{2})", a => a.Count > 2 ? a[2] : ElemOf(a[1]), P(U, U, U), defaults: ""),
            new("functools.update_wrapper", "FuncTools.UpdateWrapper({0}, {1})", a => a[0], P(U, U), names: "wrapper,wrapped"),
            // copy
            new("copy.copy", "CopyModule.Copy({0})", a => a[0], P(U)),
            new("copy.deepcopy", "CopyModule.DeepCopy({0}{1})", a => a[0], P(U, U), names: "x,memo", defaults: ""),
            // string
            // pathlib (POSIX paths; values are dynamic PyPath objects)
            new("pathlib.Path", "new PyPath({*})", R(O), P(O), variadic: true),
            new("pathlib.PosixPath", "new PyPath({*})", R(O), P(O), variadic: true),
            new("pathlib.PurePath", "new PyPath({*})", R(O), P(O), variadic: true),
            new("pathlib.PurePosixPath", "new PyPath({*})", R(O), P(O), variadic: true),
            new("pathlib.Path.cwd", "PyPath.Cwd()", R(O), P()),
            new("pathlib.Path.home", "PyPath.Home()", R(O), P()),
            // glob, shutil, tempfile (paths: str or pathlib values)
            new("glob.glob", "GlobModule.Glob({0}, {1})", R(PyType.List(S)), P(O, B), names: "pathname,recursive", defaults: "false"),
            new("glob.iglob", "GlobModule.IGlob({0}, {1})", R(PyType.Iterable(S)), P(O, B), names: "pathname,recursive", defaults: "false"),
            new("glob.escape", "GlobModule.Escape({0})", R(S), P(O), names: "pathname"),
            new("shutil.copyfile", "Shutil.CopyFile({0}, {1})", R(S), P(O, O), names: "src,dst"),
            new("shutil.copy", "Shutil.Copy({0}, {1})", R(S), P(O, O), names: "src,dst"),
            new("shutil.copy2", "Shutil.Copy2({0}, {1})", R(S), P(O, O), names: "src,dst"),
            new("shutil.copytree", "Shutil.CopyTree({0}, {1}, {2})", R(S), P(O, O, B), names: "src,dst,dirs_exist_ok", defaults: "false"),
            new("shutil.move", "Shutil.Move({0}, {1})", R(S), P(O, O), names: "src,dst"),
            new("shutil.rmtree", "Shutil.RmTree({0}, {1})", R(PyType.None), P(O, B), names: "path,ignore_errors", defaults: "false"),
            new("shutil.which", "Shutil.Which({0})", R(PyType.Optional(S)), P(O), names: "cmd"),
            new("tempfile.gettempdir", "TempFile.GetTempDir()", R(S), P()),
            new("tempfile.mkdtemp", "TempFile.MkDTemp({0}, {1}, {2})", R(S), P(PyType.Optional(S), PyType.Optional(S), O), names: "suffix,prefix,dir", defaults: "null|null|null"),
            new("tempfile.mkstemp", "TempFile.MkSTemp({0}, {1}, {2})", R(PyType.Tuple(PyType.LongFull, S)), P(PyType.Optional(S), PyType.Optional(S), O, B), names: "suffix,prefix,dir,text", defaults: "null|null|null|false"),
            new("shutil.disk_usage", "Shutil.DiskUsage({0})", R(O), P(O), names: "path"),
            new("os.write", "OsFd.Write({0}, {1})", R(PyType.LongFull), P(PyType.LongFull, O), names: "fd,data"),
            new("os.read", "OsFd.Read({0}, {1})", R(PyType.Bytes), P(PyType.LongFull, PyType.LongFull), names: "fd,n"),
            new("os.close", "OsFd.Close({0})", R(PyType.None), P(PyType.LongFull), names: "fd"),
            new("os.open", "OsFd.OpenPath({0}, {1}, {2})", R(PyType.LongFull), P(O, PyType.LongFull, PyType.LongFull), names: "path,flags,mode", defaults: "0x1FF"),
            new("os.lseek", "OsFd.LSeek({0}, {1}, {2})", R(PyType.LongFull), P(PyType.LongFull, PyType.LongFull, PyType.LongFull), names: "fd,position,whence"),
            new("tempfile.TemporaryDirectory", "new PyTemporaryDirectory({0}, {1}, {2})", R(O), P(PyType.Optional(S), PyType.Optional(S), O), names: "suffix,prefix,dir", defaults: "null|null|null"),
            // difflib (CPython's matcher: same ratios, opcodes and diffs)
            new("difflib.SequenceMatcher", "new SequenceMatcher({0}, {1}, {2}, {3})", R(O), P(O, O, O, B), names: "isjunk,a,b,autojunk", defaults: "null|\"\"|\"\"|true"),
            new("difflib.get_close_matches", "DiffLib.GetCloseMatches({0}, {1}, (long)({2}), {3})", R(PyType.List(S)), P(S, U, I, F), names: "word,possibilities,n,cutoff", defaults: "3|0.6"),
            new("difflib.unified_diff", "DiffLib.UnifiedDiff({0}, {1}, {2}, {3}, {4}, {5}, (long)({6}), {7})", R(PyType.Iterable(S)), P(U, U, S, S, S, S, I, S),
                names: "a,b,fromfile,tofile,fromfiledate,tofiledate,n,lineterm", defaults: "\"\"|\"\"|\"\"|\"\"|3|\"\\n\""),
            new("string.capwords", "StringModule.CapWords({0})", R(S), P(S)),
            // textwrap (CPython's line breaking)
            new("textwrap.wrap", "TextWrap.Wrap({0}, (long)({1}), {2}, {3}, {4}, {5})", R(PyType.List(S)), P(S, I, S, S, B, B), names: "text,width,initial_indent,subsequent_indent,break_long_words,break_on_hyphens", defaults: "70|\"\"|\"\"|true|true"),
            new("textwrap.fill", "TextWrap.Fill({0}, (long)({1}), {2}, {3})", R(S), P(S, I, S, S), names: "text,width,initial_indent,subsequent_indent", defaults: "70|\"\"|\"\""),
            new("textwrap.dedent", "TextWrap.Dedent({0})", R(S), P(S)),
            new("textwrap.TextWrapper", "new TextWrapper((long)({0}), {1}, {2}, {3}, {4})", R(O), P(I, S, S, B, B), names: "width,initial_indent,subsequent_indent,break_long_words,break_on_hyphens", defaults: "70|\"\"|\"\"|true|true"),
            new("string.Template", "new StringTemplate({0})", R(O), P(S), names: "template"),
            new("textwrap.indent", "TextWrap.Indent({0}, {1}, {2})", R(S), P(S, S, O), names: "text,prefix,predicate", defaults: "null"),
            // html
            new("html.escape", "HtmlModule.Escape({0}, {1})", R(S), P(S, B), names: "s,quote", defaults: "true"),
            new("html.unescape", "HtmlModule.Unescape({0})", R(S), P(S), names: "s"),
            // getopt (a port of getopt.py)
            new("getopt.getopt", "GetOpt.Getopt({0}, {1}, {2})", R(PyType.Tuple(PyType.List(PyType.Tuple(S, S)), PyType.List(S))), P(U, S, O), names: "args,shortopts,longopts", defaults: "null"),
            new("getopt.gnu_getopt", "GetOpt.GnuGetopt({0}, {1}, {2})", R(PyType.Tuple(PyType.List(PyType.Tuple(S, S)), PyType.List(S))), P(U, S, O), names: "args,shortopts,longopts", defaults: "null"),
            // shlex (POSIX rules)
            new("shlex.split", "Shlex.Split({0}, {1}, {2})", R(PyType.List(S)), P(S, B, B), names: "s,comments,posix", defaults: "false|true"),
            new("shlex.quote", "Shlex.Quote({0})", R(S), P(S), names: "s"),
            new("shlex.join", "Shlex.Join({0})", R(S), P(U), names: "split_command"),
            // calendar
            new("calendar.isleap", "CalendarModule.IsLeap((long)({0}))", R(B), P(I), names: "year"),
            new("calendar.leapdays", "CalendarModule.LeapDays((long)({0}), (long)({1}))", R(PyType.LongFull), P(I, I), names: "y1,y2"),
            new("calendar.weekday", "CalendarModule.Weekday((long)({0}), (long)({1}), (long)({2}))", R(PyType.Long(0, 6)), P(I, I, I), names: "year,month,day"),
            new("calendar.monthrange", "CalendarModule.MonthRange((long)({0}), (long)({1}))", R(PyType.Tuple(PyType.Long(0, 6), PyType.Long(28, 31))), P(I, I), names: "year,month"),
            new("calendar.monthcalendar", "CalendarModule.MonthCalendar((long)({0}), (long)({1}))", R(PyType.List(PyType.List(PyType.Long(0, 31)))), P(I, I), names: "year,month"),
            new("calendar.month", "CalendarModule.Month((long)({0}), (long)({1}), (long)({2}), (long)({3}))", R(S), P(I, I, I, I), names: "theyear,themonth,w,l", defaults: "0|0"),
            new("calendar.prmonth", "CalendarModule.PrMonth((long)({0}), (long)({1}), (long)({2}), (long)({3}))", R(PyType.None), P(I, I, I, I), names: "theyear,themonth,w,l", defaults: "0|0"),
            new("calendar.weekheader", "CalendarModule.WeekHeader((long)({0}))", R(S), P(I), names: "width"),
            new("calendar.firstweekday", "CalendarModule.FirstWeekday()", R(PyType.Long(0, 6)), P()),
            new("calendar.timegm", "TimeModule.TimeGm({0})", R(I), P(O), names: "tuple"),
            new("calendar.setfirstweekday", "CalendarModule.SetFirstWeekday((long)({0}))", R(PyType.None), P(I), names: "firstweekday"),
            new("calendar.TextCalendar", "new TextCalendar((long)({0}))", R(O), P(I), names: "firstweekday", defaults: "0"),
            new("calendar.Calendar", "new TextCalendar((long)({0}))", R(O), P(I), names: "firstweekday", defaults: "0"),
            new("calendar.HTMLCalendar", "new HtmlCalendar((long)({0}))", R(O), P(I), names: "firstweekday", defaults: "0"),
            new("calendar.calendar", "CalendarModule.Calendar((long)({0}), (long)({1}), (long)({2}), (long)({3}), (long)({4}))", R(S), P(I, I, I, I, I), names: "theyear,w,l,c,m", defaults: "2|1|6|3"),
            new("calendar.prcal", "CalendarModule.PrCal((long)({0}), (long)({1}), (long)({2}), (long)({3}), (long)({4}))", R(PyType.None), P(I, I, I, I, I), names: "theyear,w,l,c,m", defaults: "2|1|6|3"),
            // configparser (values are dynamic ConfigParser and SectionProxy objects)
            new("configparser.ConfigParser", "new ConfigParser({0}, {1}, {2})", R(O), P(O, B, O), names: "defaults,allow_no_value,interpolation", defaults: "null|false|ConfigParser.Basic"),
            new("configparser.RawConfigParser", "ConfigParser.Raw({0}, {1})", R(O), P(O, B), names: "defaults,allow_no_value", defaults: "null|false"),
            new("configparser.BasicInterpolation", "ConfigParser.Basic", R(O), P()),
            new("configparser.ExtendedInterpolation", "new ExtendedInterpolation()", R(O), P()),
            // struct (the runtime parses the format: native sizes and alignment as CPython on x86-64 Linux)
            new("struct.pack", "StructModule.Pack({0}, {*})", R(PyType.Bytes), P(S, O), names: "format", variadic: true),
            new("struct.unpack", "StructModule.Unpack({0}, {1})", R(PyType.VarTuple(O)), P(S, O), names: "format,buffer"),
            new("struct.calcsize", "StructModule.CalcSize({0})", R(PyType.LongFull), P(S), names: "format"),
            new("struct.unpack_from", "StructModule.UnpackFrom({0}, {1}, (long)({2}))", R(PyType.VarTuple(O)), P(S, O, I), names: "format,buffer,offset", defaults: "0"),
            new("struct.pack_into", "StructModule.PackInto({0}, {1}, (long)({2}), {*})", R(PyType.None), P(S, O, I, O), names: "format,buffer,offset", variadic: true),
            new("struct.iter_unpack", "StructModule.IterUnpack({0}, {1})", R(PyType.Iterable(PyType.VarTuple(O))), P(S, O), names: "format,buffer"),
            new("struct.Struct", "StructModule.Compile({0})", R(O), P(S), names: "format"),
            // base64 (bytes-like values; the decoders also take ASCII str)
            new("base64.b64encode", "Base64Module.B64Encode({0}, {1})", R(PyType.Bytes), P(O, O), names: "s,altchars", defaults: "null"),
            new("base64.b64decode", "Base64Module.B64Decode({0}, {1}, {2})", R(PyType.Bytes), P(O, O, B), names: "s,altchars,validate", defaults: "null|false"),
            new("base64.standard_b64encode", "Base64Module.StandardB64Encode({0})", R(PyType.Bytes), P(O), names: "s"),
            new("base64.standard_b64decode", "Base64Module.StandardB64Decode({0})", R(PyType.Bytes), P(O), names: "s"),
            new("base64.urlsafe_b64encode", "Base64Module.UrlsafeB64Encode({0})", R(PyType.Bytes), P(O), names: "s"),
            new("base64.urlsafe_b64decode", "Base64Module.UrlsafeB64Decode({0})", R(PyType.Bytes), P(O), names: "s"),
            new("base64.b32encode", "Base64Module.B32Encode({0})", R(PyType.Bytes), P(O), names: "s"),
            new("base64.b32decode", "Base64Module.B32Decode({0}, {1}, {2})", R(PyType.Bytes), P(O, B, O), names: "s,casefold,map01", defaults: "false|null"),
            new("base64.b16encode", "Base64Module.B16Encode({0})", R(PyType.Bytes), P(O), names: "s"),
            new("base64.b16decode", "Base64Module.B16Decode({0}, {1})", R(PyType.Bytes), P(O, B), names: "s,casefold", defaults: "false"),
            // queue (one thread: a get that would wait forever raises)
            new("queue.Queue", "QueueModule.Queue((long)({0}))", R(O), P(I), names: "maxsize", defaults: "0"),
            new("queue.LifoQueue", "QueueModule.LifoQueue((long)({0}))", R(O), P(I), names: "maxsize", defaults: "0"),
            new("queue.PriorityQueue", "QueueModule.PriorityQueue((long)({0}))", R(O), P(I), names: "maxsize", defaults: "0"),
            new("queue.SimpleQueue", "QueueModule.SimpleQueue()", R(O), P()),
            // zlib (compress: .NET's zlib-ng, whose bytes can differ from CPython's zlib)
            new("zlib.crc32", "ZlibModule.Crc32({0}, (long)({1}))", R(PyType.LongFull), P(O, I), names: "data,value", defaults: "0"),
            new("zlib.adler32", "ZlibModule.Adler32({0}, (long)({1}))", R(PyType.LongFull), P(O, I), names: "data,value", defaults: "1"),
            new("zlib.compress", "ZlibModule.Compress({0}, (long)({1}), (long)({2}))", R(PyType.Bytes), P(O, I, I), names: "data,level,wbits", defaults: "-1|15"),
            new("zlib.decompress", "ZlibModule.Decompress({0}, (long)({1}), (long)({2}))", R(PyType.Bytes), P(O, I, I), names: "data,wbits,bufsize", defaults: "15|16384"),
            // streams (dynamic objects: compress/flush, decompress/flush, eof, unused_data)
            new("zlib.compressobj", "ZlibModule.CompressObj((long)({0}), (long)({1}), (long)({2}))", R(O), P(I, I, I), names: "level,method,wbits", defaults: "-1|8|15"),
            new("zlib.decompressobj", "ZlibModule.DecompressObj((long)({0}))", R(O), P(I), names: "wbits", defaults: "15"),
            // binascii
            new("binascii.hexlify", "BinAscii.Hexlify({0}, {1})", R(PyType.Bytes), P(O, O), names: "data,sep", defaults: "null"),
            new("binascii.b2a_hex", "BinAscii.Hexlify({0}, {1})", R(PyType.Bytes), P(O, O), names: "data,sep", defaults: "null"),
            new("binascii.unhexlify", "BinAscii.Unhexlify({0})", R(PyType.Bytes), P(O), names: "hexstr"),
            new("binascii.a2b_hex", "BinAscii.Unhexlify({0})", R(PyType.Bytes), P(O), names: "hexstr"),
            new("binascii.crc32", "BinAscii.Crc32({0}, (long)({1}))", R(PyType.LongFull), P(O, I), names: "data,value", defaults: "0"),
            new("binascii.a2b_base64", "BinAscii.A2bBase64({0}, {1})", R(PyType.Bytes), P(O, B), names: "data,strict_mode", defaults: "false"),
            new("binascii.b2a_base64", "BinAscii.B2aBase64({0}, {1})", R(PyType.Bytes), P(O, B), names: "data,newline", defaults: "true"),
            // hashlib (values are dynamic hash objects)
            new("hashlib.new", "HashLib.New({0}, {1})", R(O), P(S, O), names: "name,data", defaults: "null"),
            new("hashlib.md5", "HashLib.Md5({0})", R(O), P(O), names: "string", defaults: "null"),
            new("hashlib.sha1", "HashLib.Sha1({0})", R(O), P(O), names: "string", defaults: "null"),
            new("hashlib.sha224", "HashLib.Sha224({0})", R(O), P(O), names: "string", defaults: "null"),
            new("hashlib.sha256", "HashLib.Sha256({0})", R(O), P(O), names: "string", defaults: "null"),
            new("hashlib.sha384", "HashLib.Sha384({0})", R(O), P(O), names: "string", defaults: "null"),
            new("hashlib.sha512", "HashLib.Sha512({0})", R(O), P(O), names: "string", defaults: "null"),
            new("hashlib.sha3_256", "HashLib.Sha3_256({0})", R(O), P(O), names: "string", defaults: "null"),
            new("hashlib.sha3_384", "HashLib.Sha3_384({0})", R(O), P(O), names: "string", defaults: "null"),
            new("hashlib.sha3_512", "HashLib.Sha3_512({0})", R(O), P(O), names: "string", defaults: "null"),
            new("hashlib.blake2b", "HashLib.Blake2b({0}, {1}, {2}, {3}, {4})", R(O), P(O, I, O, O, O), names: "data,digest_size,key,salt,person", defaults: "null|64|null|null|null"),
            new("hashlib.blake2s", "HashLib.Blake2s({0}, {1}, {2}, {3}, {4})", R(O), P(O, I, O, O, O), names: "data,digest_size,key,salt,person", defaults: "null|32|null|null|null"),
            // urllib.parse (the results are dynamic named tuples; quote_via=quote is passed as UrlQuoting's marker, see UrlEncodeCall)
            new("urllib.parse.urlparse", "UrlParseModule.UrlParse({0}, {1}, {2})", R(O), P(O, S, B), names: "url,scheme,allow_fragments", defaults: "\"\"|true"),
            new("urllib.parse.urlsplit", "UrlParseModule.UrlSplit({0}, {1}, {2})", R(O), P(O, S, B), names: "url,scheme,allow_fragments", defaults: "\"\"|true"),
            new("urllib.parse.urlunparse", "UrlParseModule.UrlUnparse({0})", R(S), P(O), names: "components"),
            new("urllib.parse.urlunsplit", "UrlParseModule.UrlUnsplit({0})", R(S), P(O), names: "components"),
            new("urllib.parse.urljoin", "UrlParseModule.UrlJoin({0}, {1}, {2})", R(S), P(O, O, B), names: "base,url,allow_fragments", defaults: "true"),
            new("urllib.parse.ParseResult", "new ParseResult({0}, {1}, {2}, {3}, {4}, {5})", R(O), P(S, S, S, S, S, S), names: "scheme,netloc,path,params,query,fragment"),
            new("urllib.parse.SplitResult", "new SplitResult({0}, {1}, {2}, {3}, {4})", R(O), P(S, S, S, S, S), names: "scheme,netloc,path,query,fragment"),
            new("urllib.parse.DefragResult", "new DefragResult({0}, {1})", R(O), P(S, S), names: "url,fragment"),
            new("urllib.parse.urldefrag", "UrlParseModule.UrlDefrag({0})", R(O), P(O), names: "url"),
            new("urllib.parse.quote", "UrlQuoting.Quote({0}, {1}, {2}, {3})", R(S), P(O, O, O, O), names: "string,safe,encoding,errors", defaults: "null|null|null"),
            new("urllib.parse.quote_plus", "UrlQuoting.QuotePlus({0}, {1}, {2}, {3})", R(S), P(O, O, O, O), names: "string,safe,encoding,errors", defaults: "null|null|null"),
            new("urllib.parse.quote_from_bytes", "UrlQuoting.QuoteFromBytes({0}, {1})", R(S), P(O, O), names: "bs,safe", defaults: "null"),
            new("urllib.parse.unquote", "UrlQuoting.Unquote({0}, {1}, {2})", R(S), P(O, O, O), names: "string,encoding,errors", defaults: "null|null"),
            new("urllib.parse.unquote_plus", "UrlQuoting.UnquotePlus({0}, {1}, {2})", R(S), P(O, O, O), names: "string,encoding,errors", defaults: "null|null"),
            new("urllib.parse.unquote_to_bytes", "UrlQuoting.UnquoteToBytes({0})", R(PyType.Bytes), P(O), names: "string"),
            new("urllib.parse.parse_qs", "UrlQuery.ParseQs({0}, {1}, {2}, {3}, {4}, {5}, {6})", R(PyType.Dict(S, PyType.List(S))), P(O, B, B, O, O, O, O),
                names: "qs,keep_blank_values,strict_parsing,encoding,errors,max_num_fields,separator", defaults: "false|false|null|null|null|null"),
            new("urllib.parse.parse_qsl", "UrlQuery.ParseQsl({0}, {1}, {2}, {3}, {4}, {5}, {6})", R(PyType.List(PyType.Tuple(S, S))), P(O, B, B, O, O, O, O),
                names: "qs,keep_blank_values,strict_parsing,encoding,errors,max_num_fields,separator", defaults: "false|false|null|null|null|null"),
            new("urllib.parse.urlencode", "UrlQuery.UrlEncode({0}, {1}, {2}, {3}, {4}, {5})", R(S), P(O, B, O, O, O, O), names: "query,doseq,safe,encoding,errors,quote_via", defaults: "false|null|null|null|null"),
            // fnmatch (POSIX: fnmatch is fnmatchcase)
            new("fnmatch.fnmatch", "FnMatch.Match({0}, {1})", R(B), P(O, O), names: "name,pat"),
            new("fnmatch.fnmatchcase", "FnMatch.MatchCase({0}, {1})", R(B), P(O, O), names: "name,pat"),
            new("fnmatch.filter", "FnMatch.Filter({0}, {1})", R(PyType.List(S)), P(O, O), names: "names,pat"),
            new("fnmatch.translate", "FnMatch.Translate({0})", R(S), P(O), names: "pat"),
            // logging (loggers, handlers and formatters are dynamic objects; the module functions log on the root logger;
            // {@site} is the call's module, file, line and function, for the record's lineno and funcName)
            new("logging.basicConfig", "LoggingModule.BasicConfig({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})", R(PyType.None), P(O, O, O, O, O, O, B, O),
                names: "level,format,datefmt,stream,filename,filemode,force,handlers", defaults: "null|null|null|null|null|null|false|null"),
            new("logging.getLogger", "LoggingModule.GetLogger({0})", R(O), P(O), names: "name", defaults: "null"),
            new("logging.debug", "LoggingModule.Debug({@site}, {*})", R(PyType.None), P(O), variadic: true),
            new("logging.info", "LoggingModule.Info({@site}, {*})", R(PyType.None), P(O), variadic: true),
            new("logging.warning", "LoggingModule.Warning({@site}, {*})", R(PyType.None), P(O), variadic: true),
            new("logging.error", "LoggingModule.Error({@site}, {*})", R(PyType.None), P(O), variadic: true),
            new("logging.critical", "LoggingModule.Critical({@site}, {*})", R(PyType.None), P(O), variadic: true),
            new("logging.exception", "LoggingModule.Exception({@site}, {*})", R(PyType.None), P(O), variadic: true),
            new("logging.log", "LoggingModule.Log({@site}, {*})", R(PyType.None), P(O), variadic: true),
            new("logging.getLevelName", "LoggingModule.GetLevelName({0})", R(O), P(O), names: "level"),
            new("logging.addLevelName", "LoggingModule.AddLevelName({0}, {1})", R(PyType.None), P(O, S), names: "level,levelName"),
            new("logging.disable", "LoggingModule.Disable({0})", R(PyType.None), P(O), names: "level", defaults: "null"),
            new("logging.shutdown", "LoggingModule.Shutdown()", R(PyType.None), P()),
            new("logging.StreamHandler", "LoggingModule.StreamHandler({0})", R(O), P(O), names: "stream", defaults: "null"),
            new("logging.FileHandler", "LoggingModule.FileHandler({0}, {1})", R(O), P(S, S), names: "filename,mode", defaults: "\"a\""),
            new("logging.Formatter", "LoggingModule.Formatter({0}, {1}, {2})", R(O), P(O, O, O), names: "fmt,datefmt,style", defaults: "null|null|null"),
            // pprint (a PrettyPrinter is a dynamic object with pprint/pformat)
            new("pprint.pprint", "PPrint.PrettyPrint({0}, {1}, (long)({2}), (long)({3}), {4}, {5}, {6})", R(PyType.None), P(O, O, I, I, O, B, B), names: "object,stream,indent,width,depth,compact,sort_dicts", defaults: "null|1|80|null|false|true"),
            new("pprint.pformat", "PPrint.PrettyFormat({0}, (long)({1}), (long)({2}), {3}, {4}, {5})", R(S), P(O, I, I, O, B, B), names: "object,indent,width,depth,compact,sort_dicts", defaults: "1|80|null|false|true"),
            new("pprint.PrettyPrinter", "new PPrint((long)({0}), (long)({1}), {2}, {3}, {4}, {5})", R(O), P(I, I, O, O, B, B), names: "indent,width,depth,stream,compact,sort_dicts", defaults: "1|80|null|null|false|true"),
            new("textwrap.shorten", "TextWrap.Shorten({0}, (long)({1}), {2})", R(S), P(S, I, S), names: "text,width,placeholder", defaults: "\" [...]\""),
            // traceback: CPython's last lines; the frame lines name the script (Batuta keeps no frames)
            new("traceback.format_exc", "TracebackModule.FormatExc()", R(S), P(O, B), names: "limit,chain", defaults: "null|true"),
            new("traceback.print_exc", "TracebackModule.PrintExc({1})", R(PyType.None), P(O, O, B), names: "limit,file,chain", defaults: "null|null|true"),
            new("traceback.format_exception_only", "TracebackModule.FormatExceptionOnly({0}, {1})", R(PyType.List(S)), P(O, O), names: "exc,value", defaults: "null"),
            new("traceback.format_exception", "TracebackModule.FormatException({0}, {1}, {2}, {4})", R(PyType.List(S)), P(O, O, O, O, B), names: "exc,value,tb,limit,chain", defaults: "null|null|null|true"),
            new("traceback.print_exception", "TracebackModule.PrintException({0}, {1}, {2}, {3}, {4}, {5})", R(PyType.None), P(O, O, O, O, O, B), names: "exc,value,tb,limit,file,chain", defaults: "null|null|null|null|true"),
            new("traceback.format_tb", "TracebackModule.FormatTb({0})", R(PyType.List(S)), P(O, O), names: "tb,limit", defaults: "null"),
            new("traceback.print_tb", "TracebackModule.PrintTb({0}, {1}, {2})", R(PyType.None), P(O, O, O), names: "tb,limit,file", defaults: "null|null"),
            new("sys.exc_info", "Sys.ExcInfo()", R(PyType.Tuple(O, O, O)), P()),
            // warnings: {@site} is the call's module, file, line and function
            new("warnings.warn", "WarningsModule.Warn({0}, {1}, (long)({2}), {@site})", R(PyType.None), P(O, O, I), names: "message,category,stacklevel", defaults: "null|1"),
            new("warnings.simplefilter", "WarningsModule.SimpleFilter({0}, {1}, (long)({2}), {3})", R(PyType.None), P(S, O, I, B), names: "action,category,lineno,append", defaults: "null|0|false"),
            new("warnings.filterwarnings", "WarningsModule.FilterWarnings({0}, {1}, {2}, {3}, (long)({4}), {5})", R(PyType.None), P(S, S, O, S, I, B), names: "action,message,category,module,lineno,append", defaults: "\"\"|null|\"\"|0|false"),
            new("warnings.resetwarnings", "WarningsModule.ResetWarnings()", R(PyType.None), P()),
            new("warnings.catch_warnings", "WarningsModule.CatchWarnings({0})", R(O), P(B), names: "record", defaults: "false"),
            // contextlib's context managers as runtime objects (a with statement enters them through DynamicContext)
            new("contextlib.redirect_stdout", "new RedirectStream({0}, false)", R(O), P(O), names: "new_target"),
            new("contextlib.redirect_stderr", "new RedirectStream({0}, true)", R(O), P(O), names: "new_target"),
            new("contextlib.ExitStack", "new ExitStack()", R(O), P()),
            new("contextlib.nullcontext", "new SimpleContext({0}, false)", R(O), P(O), names: "enter_result", defaults: "null"),
            new("contextlib.closing", "new SimpleContext({0}, true)", R(O), P(O), names: "thing"),
            new("contextlib.suppress", "new SuppressContext({*})", R(O), P(O), variadic: true),
        };

        private static readonly Dictionary<string, MappingRow> ByName = Rows.ToDictionary(r => r.Python, StringComparer.Ordinal);

        /// <summary>Names with members of their own (datetime.datetime of datetime.datetime.now): after Rows, which it reads.</summary>
        private static readonly HashSet<string> Namespaces = new(
            Rows.Select(r => r.Python).Where(n => n.Count(ch => ch == '.') > 1).Select(n => n.Substring(0, n.LastIndexOf('.'))), StringComparer.Ordinal);

        /// <summary>The table as rows, for documentation generated from the table itself.</summary>
        public static IReadOnlyList<MappingRow> Table => Rows;

        /// <summary>re and csv: modules whose objects have methods, mapped by their own classes.</summary>
        private static Ex? ModuleWithOwnMapping(Emitter e, string qualified, Call c, PyType expected) => qualified.Substring(0, Math.Max(0, qualified.IndexOf('.'))) switch
        {
            "re" => ReMapping.Call(e, qualified, c),
            "csv" => CsvMapping.Call(e, qualified, c),
            "operator" => OperatorCall(e, qualified.Substring("operator.".Length), c, expected),
            "logging" => LoggingCall(e, qualified.Substring("logging.".Length), c),
            "urllib" => BytesCall(e, qualified, c) ?? UrlEncodeCall(e, qualified, c),
            "fnmatch" => BytesCall(e, qualified, c),
            "optparse" => OptParseMapping.Call(e, qualified, c),
            "tempfile" or "os" => TempFileMapping.Call(e, qualified, c, (row, call) => Apply(e, row, call)),
            _ => null,
        };

        /// <summary>
        /// urllib.parse and fnmatch over a bytes literal or variable: CPython answers in bytes, which these runtime
        /// functions do not build (quote and unquote take bytes). Null when no argument is statically bytes.
        /// </summary>
        private static Ex? BytesCall(Emitter e, string qualified, Call c)
        {
            if (qualified is "urllib.parse.quote" or "urllib.parse.quote_plus" or "urllib.parse.quote_from_bytes" or "urllib.parse.unquote" or "urllib.parse.unquote_to_bytes") return null;
            // names and literals only: emitting them twice has no effect
            bool bytes = c.Args.Any(a => a is Name or Python.Ast.Constant && e.Expr(a).Type.Kind == TypeKind.Bytes);
            return bytes ? e.NotSupported(c, qualified + "() over bytes", "decode the bytes to str first") : null;
        }

        /// <summary>
        /// urlencode(..., quote_via=quote): the runtime's own quote, named by a marker string (quote as a value would be a
        /// one-argument lambda, where urlencode passes safe, encoding and errors too); null for any other call.
        /// </summary>
        private static Ex? UrlEncodeCall(Emitter e, string qualified, Call c)
        {
            if (qualified != "urllib.parse.urlencode") return null;
            // quote_via is urlencode's sixth parameter
            var via = c.Args.Count == 6 ? c.Args[5] : c.Keywords.FirstOrDefault(k => k.Arg == "quote_via")?.Value;
            var quote = via is null ? null : e.StdlibName(via) ?? (via is Attribute { Value: Attribute inner } a && e.StdlibName(inner) == "urllib.parse" ? "urllib.parse." + a.Attr : null);
            if (via is null || quote is not ("urllib.parse.quote" or "urllib.parse.quote_plus")) return null;
            var marker = new Constant(quote, null, via.Span);
            var args = c.Args.Select(x => x == via ? marker : x).ToArray();
            var keywords = c.Keywords.Select(k => k.Value == via ? new Keyword(k.Arg, marker, k.Span) : k).ToArray();
            return Apply(e, ByName[qualified], new Call(c.Func, NodeList.Of(args), NodeList.Of(keywords), c.Span));
        }

        private static readonly HashSet<string> LoggingLevelFunctions = new(StringComparer.Ordinal) { "debug", "info", "warning", "error", "critical", "exception", "log" };

        /// <summary>logging.error(msg, *args, exc_info=, extra=): keywords the variadic rows cannot bind, so the root logger's method takes them.</summary>
        private static Ex? LoggingCall(Emitter e, string name, Call c)
        {
            if (c.Keywords.Count == 0 || !LoggingLevelFunctions.Contains(name) || c.Args.Any(a => a is Starred) || c.Keywords.Any(k => k.Arg is null)) return null;
            var args = string.Concat(c.Args.Select(a => ", " + Emitter.BoxOf(e.Expr(a))));
            return new Ex($"LoggingModule.RootCall({e.SourceSite(c)}, {CsNames.Literal(name)}, {e.KeywordDict(c)}{args})", PyType.None, true);
        }

        /// <summary>operator.f(...): the expression it stands for, or the getter lambda it returns.</summary>
        private static Ex OperatorCall(Emitter e, string name, Call c, PyType expected)
        {
            if (name is "itemgetter" or "attrgetter")
                return OperatorModule.Getter(name, c) is { } getter ? e.Expr(getter, expected) : e.NotSupported(c, $"operator.{name}() with these arguments", "attrgetter takes attribute names as string literals");
            if (name == "methodcaller") return MethodCaller(e, c, expected);
            if (c.Keywords.Count == 0 && !c.Args.Any(a => a is Starred) && OperatorModule.Expression(name, c.Args, c) is { } expr) return e.Expr(expr);
            return e.NotSupported(c, $"operator.{name}()", "supported: add sub mul truediv floordiv mod pow neg pos not_ truth abs lt le eq ne gt ge is_ is_not contains getitem concat and_ or_ xor lshift rshift invert itemgetter attrgetter methodcaller");
        }

        /// <summary>
        /// operator.methodcaller("name", args...): <c>lambda x: x.name(args...)</c> (typed where it is used) when the
        /// arguments are literals or names; else the runtime's PyMethodCaller, its arguments evaluated once here.
        /// </summary>
        private static Ex MethodCaller(Emitter e, Call c, PyType expected)
        {
            if (c.Args.Count == 0 || c.Args.Any(a => a is Starred) || c.Keywords.Any(k => k.Arg is null))
                return e.NotSupported(c, "operator.methodcaller() without a method name, or with *args or **kwargs");
            if (OperatorModule.MethodCaller(c, Emitter.IsStableArgument) is { } lambda) return e.Expr(lambda, expected);
            var args = string.Concat(c.Args.Skip(1).Select(a => ", " + Emitter.BoxOf(e.Expr(a))));
            return new Ex($"new PyMethodCaller({Emitter.BoxOf(e.Expr(c.Args[0]))}, {e.KeywordDict(c)}{args})", PyType.Object, true);
        }

        public static Ex Call(Emitter e, string qualified, Call c, PyType expected)
        {
            if (Libraries.Call(e, qualified, c) is { } library) return library;
            if (ModuleWithOwnMapping(e, qualified, c, expected) is { } own) return own;
            if (IterToolsCall(e, qualified, c) is { } iterator) return iterator;
            if (DataclassesCall(e, qualified, c) is { } dataclasses) return dataclasses;
            switch (qualified)
            {
                case "collections.defaultdict": return Collections.DefaultDict(e, c, expected);
                case "collections.Counter": return Collections.Counter(e, c, expected);
                case "collections.deque": return Collections.Deque(e, c, expected);
                case "collections.ChainMap": return Collections.ChainMap(e, c);
                case "collections.OrderedDict":
                    return Collections.OrderedDict(e, c, expected);
                case "collections.OrderedDict.fromkeys" when c.Args.Count is 1 or 2 && c.Keywords.Count == 0:
                    return Collections.OrderedFromKeys(e, c, expected);
                case "functools.reduce" when c.Args.Count >= 2:
                {
                    var src = e.Expr(c.Args[1]);
                    var elem = ElemOf(src.Type);
                    if (c.Args.Count == 2)
                    {
                        var f = e.Expr(c.Args[0], PyType.Func(elem, elem, elem));
                        // The accumulator is also an element: when the function returns a wider type (a long product
                        // that may need a PyInt), the elements are read as that type.
                        if (f.Type.Kind == TypeKind.Func && !f.Type.Return.Equals(elem) && PyType.Join(elem, f.Type.Return) is { Kind: not TypeKind.Object } acc)
                        {
                            f = e.Expr(c.Args[0], PyType.Func(acc, acc, acc));
                            var items = e.CoerceTo(new Ex(e.EnumerableOf(src), PyType.Iterable(elem), false), PyType.Iterable(acc));
                            return new Ex($"FuncTools.Reduce({e.CoerceTo(f, PyType.Func(acc, acc, acc)).Code}, {items.Code})", acc, true);
                        }
                        return new Ex($"FuncTools.Reduce({e.CoerceTo(f, PyType.Func(elem, elem, elem)).Code}, {e.EnumerableOf(src)})", elem, true);
                    }
                    var init = e.Expr(c.Args[2]);
                    var accType = init.Type;
                    var f2 = e.Expr(c.Args[0], PyType.Func(accType, accType, elem));
                    if (f2.Type.Kind == TypeKind.Func && !f2.Type.Return.Equals(accType))
                    {
                        accType = PyType.Join(accType, f2.Type.Return);
                        f2 = e.Expr(c.Args[0], PyType.Func(accType, accType, elem));
                    }
                    return new Ex($"FuncTools.Reduce({e.CoerceTo(f2, PyType.Func(accType, accType, elem)).Code}, {e.EnumerableOf(src)}, {e.CoerceTo(init, accType).Code})", accType, true);
                }
                case "itertools.chain.from_iterable" when c.Args.Count == 1:
                    return ChainFromIterable(e, e.Expr(c.Args[0]));
                case "itertools.chain" when MixedChain(e, c) is { } mixed:
                    return mixed;
                case "argparse.ArgumentParser":
                    return new Ex($"new ArgumentParser({e.KeywordDict(c)})", PyType.Object, true);
                case "argparse.FileType":
                    return new Ex($"new FileType(new object?[] {{ {string.Join(", ", c.Args.Select(x => Emitter.BoxOf(e.Expr(x))))} }}, {e.KeywordDict(c)})", PyType.Object, true);
                case "argparse.Namespace":
                    return ArgparseNamespace(e, c);
                case "io.UnsupportedOperation":
                    return new Ex($"new UnsupportedOperation({string.Join(", ", c.Args.Select(x => Emitter.BoxOf(e.Expr(x))))})", PyType.Exception("UnsupportedOperation"), true);
                case "argparse.ArgumentTypeError":
                    return new Ex($"new ArgumentTypeError({string.Join(", ", c.Args.Select(x => Emitter.BoxOf(e.Expr(x))))})", PyType.Exception("ArgumentTypeError"), true);
                case "random.choice":
                {
                    var v = e.Expr(c.Args[0]);
                    if (v.Type.Kind == TypeKind.Str) return new Ex($"RandomModule.Choice({v.Code})", PyType.Str, true);
                    if (v.Type.Kind is TypeKind.List or TypeKind.Range) return new Ex($"RandomModule.Choice({v.Code})", ElemOf(v.Type), true);
                    return new Ex($"RandomModule.Choice({e.EnumerableOf(v)}.ToList())", ElemOf(v.Type), true);
                }
                case "functools.partial":
                    return e.EmitPartial(c);
                case "collections.namedtuple":
                case "dataclasses.field":
                case "functools.lru_cache":
                case "functools.cache":
                    return e.NotSupported(c, qualified + "() in this position");
            }
            if (!ByName.TryGetValue(qualified, out var row))
            {
                var module = qualified.Contains('.') ? qualified.Substring(0, qualified.LastIndexOf('.')) : qualified;
                var near = Rows.Where(r => r.Python.StartsWith(module + ".", StringComparison.Ordinal)).Select(r => r.Python).Take(8).ToList();
                return e.NotSupported(c, qualified + "()", near.Count > 0 ? "supported: " + string.Join(", ", near) : "this module is not supported yet");
            }
            if (row.Python == "os.path.join" && c.Args.Count > 1 && c.Args[0] is not Starred && c.Args.Skip(1).Any(a => a is Starred)) return SpreadJoin(e, c);
            return Apply(e, row, c);
        }

        /// <summary>
        /// chain() over tuples (typed enumerations of their items) or over iterables of different element types (dynamic
        /// values: C# infers one T for all); null when the row's plain form fits.
        /// </summary>
        /// <summary><c>argparse.Namespace(a=1, **more)</c>: the keywords and spread mappings in call order.</summary>
        private static Ex ArgparseNamespace(Emitter e, Call c)
        {
            if (c.Args.Count > 0) return e.NotSupported(c, "argparse.Namespace() with positional arguments", "Namespace takes keyword arguments only");
            var parts = c.Keywords.Select(k => k.Arg is { } name
                ? $"new PyDict<string, object?> {{ [{CsNames.Literal(name)}] = {Emitter.BoxOf(e.Expr(k.Value))} }}"
                : Emitter.BoxOf(e.Expr(k.Value)));
            return new Ex($"Namespace.From({string.Join(", ", parts)})", PyType.Object, true);
        }

        private static Ex? MixedChain(Emitter e, Call c)
        {
            if (c.Args.Count == 1 && c.Args[0] is Starred st) return ChainFromIterable(e, e.Expr(st.Value));
            var parts = c.Args.Select(x => e.Expr(x)).ToList();
            var elems = parts.Select(p => ElemOf(p.Type)).ToList();
            bool same = elems.All(t => t.Equals(elems[0]));
            if (parts.Count == 0 || c.Args.Any(a => a is Starred) || same && parts.All(p => p.Type.Kind != TypeKind.Tuple)) return null;
            if (same) return new Ex($"IterTools.Chain({string.Join(", ", parts.Select(e.EnumerableOf))})", PyType.Iterable(elems[0]), true);
            return new Ex($"IterTools.Chain({string.Join(", ", parts.Select(p => e.EnumerableOf(p) + ".Select(__c => (object?)__c)"))})", PyType.Iterable(O), true);
        }

        /// <summary>chain.from_iterable(rows) and chain(*rows): the items of each item, in order.</summary>
        /// <summary>The itertools calls mapped by hand (those with a function, keyword or shape that a row cannot express).</summary>
        /// <summary>
        /// itertools.count over floats (or values of unknown type): the int-only row would reject them. Python adds
        /// step to start, so count(1, 0.5) yields the int 1 first; only an all-float count has float items.
        /// </summary>
        private static Ex? NonIntCount(Emitter e, Call c)
        {
            var args = c.Args.Select(x => e.Expr(x)).ToList();
            if (args.All(a => a.Type.Kind is TypeKind.Int or TypeKind.Bool)) return null;
            bool floats = args[0].Type.Kind == TypeKind.Float && (args.Count == 1 || args[1].Type.IsNumeric);
            if (floats)
                return new Ex($"IterTools.Count({args[0].Code}, {(args.Count > 1 ? e.CoerceTo(args[1], PyType.Float).Code : "1.0")})", PyType.Iterable(PyType.Float), true);
            var step = args.Count > 1 ? Emitter.BoxOf(args[1]) : "new PyInt(1)";
            return new Ex($"IterTools.CountDynamic({Emitter.BoxOf(args[0])}, {step})", PyType.Iterable(PyType.Object), true);
        }

        private static Ex? IterToolsCall(Emitter e, string qualified, Call c)
        {
            switch (qualified)
            {
                case "itertools.product":
                {
                    var vs = c.Args.Select(x => e.Expr(x)).ToList();
                    var rep = c.Keywords.FirstOrDefault(k => k.Arg == "repeat");
                    if (rep is not null) return new Ex($"IterTools.ProductRepeat({e.EnumerableOf(vs[0])}, {Emitter.Long(e.Expr(rep.Value, PyType.Int))})", PyType.Iterable(PyType.VarTuple(ElemOf(vs[0].Type))), true);
                    if (vs.Count == 2) return new Ex($"IterTools.Product({e.EnumerableOf(vs[0])}, {e.EnumerableOf(vs[1])})", PyType.Iterable(PyType.Tuple(ElemOf(vs[0].Type), ElemOf(vs[1].Type))), true);
                    return new Ex($"IterTools.Product({string.Join(", ", vs.Select(v => e.EnumerableOf(v) + ".Select(__p => (object?)__p)"))})", PyType.Iterable(PyType.VarTuple(PyType.Object)), true);
                }
                case "itertools.groupby":
                {
                    var src = e.Expr(c.Args[0]);
                    var elem = ElemOf(src.Type);
                    var keyNode = c.Args.Count > 1 ? c.Args[1] : c.Keywords.FirstOrDefault(k => k.Arg == "key")?.Value;
                    // each group is an iterator over the shared source (next(group) works; it ends when groupby advances)
                    if (keyNode is null or Constant { Value: null }) return new Ex($"IterTools.GroupBy({e.EnumerableOf(src)})", PyType.Iterable(PyType.Tuple(elem, PyType.Iterable(elem))), true);
                    var key = e.KeyFunction(keyNode, elem);
                    return new Ex($"IterTools.GroupBy({e.EnumerableOf(src)}, {key.Code})", PyType.Iterable(PyType.Tuple(key.Type.Kind == TypeKind.Func ? key.Type.Return : PyType.Object, PyType.Iterable(elem))), true);
                }
                case "itertools.takewhile" or "itertools.dropwhile" or "itertools.filterfalse" when c.Args.Count == 2 && c.Keywords.Count == 0:
                    return PredicateIterator(e, c, qualified);
                case "itertools.count" when c.Args.Count is 1 or 2 && c.Keywords.Count == 0:
                    return NonIntCount(e, c);
                case "itertools.accumulate" when c.Keywords.Count == 1 && c.Keywords[0].Arg == "initial" && c.Args.Count is 1 or 2:
                {
                    string function = c.Args.Count == 2 && c.Args[1] is not Constant { Value: null } ? Emitter.BoxOf(e.Expr(c.Args[1], PyType.Func(O, O, O))) : "null";
                    return new Ex($"IterTools.AccumulateInitial({e.EnumerableOf(e.Expr(c.Args[0]))}, {function}, {Emitter.BoxOf(e.Expr(c.Keywords[0].Value))})", PyType.Iterable(O), true);
                }
                case "itertools.starmap" when c.Args.Count == 2 && c.Keywords.Count == 0:
                {
                    // the function takes a row's items (a builtin such as pow becomes a function of their types)
                    var rows = e.Expr(c.Args[1]);
                    var row = ElemOf(rows.Type);
                    var f = row.Kind == TypeKind.Tuple ? e.Expr(c.Args[0], PyType.Func(PyType.Unknown, row.Args.ToArray())) : e.Expr(c.Args[0]);
                    return new Ex($"IterTools.StarMap({Emitter.BoxOf(f)}, {e.EnumerableOf(rows)})", PyType.Iterable(O), true);
                }
                case "itertools.tee" when c.Args.Count is 1 or 2 && c.Keywords.Count == 0:
                    return Tee(e, c);
                case "itertools.zip_longest" when c.Args.Count == 2 && c.Keywords.Count == 1 && c.Keywords[0].Arg == "fillvalue":
                    return new Ex($"IterTools.ZipLongest({e.EnumerableOf(e.Expr(c.Args[0]))}, {e.EnumerableOf(e.Expr(c.Args[1]))}, {Emitter.BoxOf(e.Expr(c.Keywords[0].Value))})", PyType.Iterable(PyType.Tuple(O, O)), true);
                default:
                    return null;
            }
        }

        /// <summary>tee(items, n=2): a tuple of n iterators (typed for 2 and 3 constant branches, else a tuple of dynamic values).</summary>
        private static Ex Tee(Emitter e, Call c)
        {
            var src = e.Expr(c.Args[0]);
            var it = PyType.Iterable(ElemOf(src.Type));
            long? n = c.Args.Count == 1 ? 2 : c.Args[1] is Constant { Value: System.Numerics.BigInteger b } ? (long)b : null;
            return n switch
            {
                2 => new Ex($"IterToolsTee.Tee2({e.EnumerableOf(src)})", PyType.Tuple(it, it), true),
                3 => new Ex($"IterToolsTee.Tee3({e.EnumerableOf(src)})", PyType.Tuple(it, it, it), true),
                _ => new Ex($"new PyTuple(IterToolsTee.Tee({e.EnumerableOf(src)}, {Emitter.Long(e.Expr(c.Args[1], PyType.Int))}))", PyType.VarTuple(PyType.Object), true),
            };
        }

        /// <summary>takewhile / dropwhile / filterfalse(pred, items): the predicate typed on the items, its result tested for truth.</summary>
        private static Ex PredicateIterator(Emitter e, Call c, string fq)
        {
            var src = e.Expr(c.Args[1]);
            var elem = ElemOf(src.Type);
            string method = fq switch { "itertools.takewhile" => "TakeWhile", "itertools.dropwhile" => "DropWhile", _ => "FilterFalse" };
            if (fq == "itertools.filterfalse" && c.Args[0] is Constant { Value: null })
                return new Ex($"IterTools.FilterFalse({e.EnumerableOf(src)})", PyType.Iterable(elem), true);
            var predicate = e.KeyFunction(c.Args[0], elem, noneIsIdentity: fq == "itertools.filterfalse");
            string code = predicate.Type.Kind == TypeKind.Func ? predicate.Code
                : $"({CsTypes.Of(elem)} __x) => Dyn.Call({Emitter.BoxOf(predicate)}, {Emitter.BoxOf(new Ex("__x", elem, true))})";
            return new Ex($"IterTools.{method}({e.EnumerableOf(src)}, {code})", PyType.Iterable(elem), true);
        }

        internal static Ex ChainFromIterable(Emitter e, Ex rows)
        {
            var inner = ElemOf(rows.Type);
            var item = ElemOf(inner);
            return new Ex($"IterTools.ChainFromIterable({e.EnumerableOf(rows)}.Select(__ci => {e.EnumerableOf(new Ex("__ci", inner, true))}))", PyType.Iterable(item), true).AsIterator();
        }

        /// <summary>nlargest(n, items, key=f) / nsmallest: the key takes the items' type (a lambda's parameter is typed by them).</summary>
        /// <summary>dataclasses' module functions over a migrated dataclass; null for any other call.</summary>
        private static Ex? DataclassesCall(Emitter e, string qualified, Call c)
        {
            switch (qualified)
            {
                case "dataclasses.asdict":
                    return new Ex($"Py.AsDict({Emitter.BoxOf(e.Expr(c.Args[0]))})", PyType.Dict(PyType.Str, PyType.Object), true);
                case "dataclasses.astuple":
                    return new Ex($"Py.AsTuple({Emitter.BoxOf(e.Expr(c.Args[0]))})", PyType.VarTuple(PyType.Object), true);
                case "dataclasses.replace" when c.Args.Count == 1:
                {
                    var obj = e.Expr(c.Args[0]);
                    if (e.ClassOf(obj.Type) is { IsDataclass: true } dc) return e.ReplaceFields(dc, obj, c.Keywords);
                    return e.NotSupported(c, "dataclasses.replace() of a value whose class is not known");
                }
                case "dataclasses.fields" when c.Args.Count == 1:
                {
                    var target = e.Expr(c.Args[0]);
                    return e.DataclassFieldNames(c.Args[0], target) is { } names
                        ? new Ex($"Py.DataclassFields({string.Join(", ", names.Select(CsNames.Literal))})", PyType.VarTuple(PyType.Object), true)
                        : new Ex($"Py.DataclassFieldsOf({Emitter.BoxOf(target)})", PyType.VarTuple(PyType.Object), true);
                }
                case "dataclasses.is_dataclass":
                    return new Ex($"{Emitter.BoxOf(e.Expr(c.Args[0]))} is IPyDataclass", PyType.Bool);
            }
            return null;
        }

        /// <summary>heapq and bisect: a tuple searched as a list, and the item typed as the container's elements.</summary>
        private static void BindSearchedContainer(Emitter e, MappingRow row, Call c, Ex?[] bound)
        {
            // bisect(breakpoints, x) on a tuple (a default like (60, 70, 80)): searched as a list of its items
            if (row.Python.StartsWith("bisect.bisect", StringComparison.Ordinal) && bound.Length > 0 && bound[0] is { Type.Kind: TypeKind.Tuple or TypeKind.VarTuple } tuple)
                bound[0] = new Ex($"{e.EnumerableOf(tuple)}.ToList()", PyType.List(tuple.Type.Elem), true);
            // heappush(heap, item), insort(a, x), bisect(a, x): the item takes the container's element type.
            if ((row.Python.StartsWith("heapq.heap", StringComparison.Ordinal) || row.Python.StartsWith("bisect.", StringComparison.Ordinal))
                && bound.Length > 1 && bound[0] is { Type: { Kind: TypeKind.List } list } && bound[1] is { } item && !item.Type.Equals(list.Elem) && !list.Elem.HasUnknown
                && !(row.Python.StartsWith("bisect.bisect", StringComparison.Ordinal) && c.Keywords.Any(k => k.Arg == "key")))
            {
                // an item that stores into the list widens its element type, as append does ((0, "a") then (1.5, "b"))
                if (!row.Python.StartsWith("bisect.bisect", StringComparison.Ordinal)) e.Contribute(c.Args[0], PyType.List(item.Type));
                bound[1] = e.CoerceTo(c.Args.Count > 1 ? e.Expr(c.Args[1], list.Elem) : item, list.Elem); // the item itself: a str is not chars here
            }
        }

        private static void BindKeyFunction(Emitter e, MappingRow row, Call c, Ex?[] bound)
        {
            // bisect(a, x, key=f) applies f to a's items, not to x (Python 3.10)
            bool bisect = row.Python.StartsWith("bisect.", StringComparison.Ordinal);
            if (!bisect && row.Python is not ("heapq.nlargest" or "heapq.nsmallest")) return;
            int keyAt = bisect ? 4 : 2;
            if (bound.Length <= keyAt || bound[bisect ? 0 : 1] is not { } items) return;
            var key = c.Args.Count > keyAt ? c.Args[keyAt] : c.Keywords.FirstOrDefault(k => k.Arg == "key")?.Value;
            if (key is not null and not Constant { Value: null }) bound[keyAt] = e.KeyFunction(key, ElemOf(items.Type));
        }

        /// <summary>accumulate(xs, f): f takes and returns the items' type, or a wider one its result needs (operator.mul of longs).</summary>
        private static void BindAccumulateFunction(Emitter e, Call c, Ex?[] bound, Ex xs)
        {
            var elem = ElemOf(xs.Type);
            bound[1] = e.Expr(c.Args[1], PyType.Func(elem, elem, elem));
            if (bound[1] is not { Type: { Kind: TypeKind.Func } ft } || !ft.Return.IsKnown || CsTypes.Of(ft.Return) == CsTypes.Of(elem)) return;
            var wide = PyType.Join(ft.Return, elem);
            bound[0] = e.CoerceTo(xs, PyType.Iterable(wide));
            bound[1] = e.Expr(c.Args[1], PyType.Func(wide, wide, wide));
        }

        private static Ex Apply(Emitter e, MappingRow row, Call c)
        {
            // these change the length of the list they are given
            if (row.Python.StartsWith("heapq.heap", StringComparison.Ordinal) || row.Python.StartsWith("bisect.insort", StringComparison.Ordinal) || row.Python == "random.shuffle") e.NoteListResize();
            var bound = new Ex?[row.Parameters.Length];
            var rest = new List<Ex>();
            for (int i = 0; i < c.Args.Count; i++)
            {
                if (i < row.Parameters.Length && !(row.Variadic && i >= row.Parameters.Length - 1 && row.Template.Contains("{*}") && !row.Template.Contains("{" + i + "}")))
                    bound[i] = Bind(e, c.Args[i], row.Parameters[i]);
                else rest.Add(RestArgument(e, row, c, i));
            }
            // repeat("x", 3) repeats the str itself, not its characters
            if (row.Python == "itertools.repeat" && e.Expr(c.Args[0]) is { Type.Kind: TypeKind.Str } repeated) bound[0] = repeated;
            // pairwise(p) over a tuple (a permutation): its items as an iterable of their element type
            if (row.Python.StartsWith("itertools.", StringComparison.Ordinal) && row.Python != "itertools.repeat") IterateTuples(e, row, bound, rest);
            // mean(xs) of a variable also bound to an int (typed object): its items, iterated at run time
            if (row.Python.StartsWith("statistics.", StringComparison.Ordinal) && bound.Length > 0 && bound[0] is { Type.Kind: TypeKind.Object } data)
                bound[0] = new Ex(e.EnumerableOf(data), PyType.Iterable(PyType.Object), false);
            // accumulate(xs, max): the function takes and returns the elements' type (a builtin becomes a typed lambda).
            if (row.Python == "itertools.accumulate" && c.Args.Count > 1 && bound[0] is { } xs) BindAccumulateFunction(e, c, bound, xs);
            if (rest.Count > 0 && !row.Template.Contains("{*}"))
                return e.NotSupported(c.Args[row.Parameters.Length], $"{row.Python}() with {c.Args.Count} positional argument{(c.Args.Count == 1 ? "" : "s")} (Batuta maps {row.Parameters.Length})");
            foreach (var k in c.Keywords)
            {
                int idx = Array.IndexOf(row.Names, k.Arg);
                if (idx < 0) return e.NotSupported(k.Value, $"keyword argument '{k.Arg}' of {row.Python}()");
                bound[idx] = Bind(e, k.Value, row.Parameters[idx]);
            }
            BindSearchedContainer(e, row, c, bound);
            BindKeyFunction(e, row, c, bound);
            var code = row.Template.Replace("{@site}", row.Template.Contains("{@site}") ? e.SourceSite(c) : "");
            var types = new List<PyType>();
            int firstDefault = row.Parameters.Length - row.Defaults.Length;
            for (int i = 0; i < row.Parameters.Length; i++)
            {
                string token = "{" + i + "}";
                string value;
                if (bound[i] is { } b)
                {
                    value = b.Code;
                    types.Add(b.Type);
                }
                else if (i >= firstDefault && row.Defaults.Length > 0)
                {
                    value = row.Defaults[i - firstDefault];
                    types.Add(row.Parameters[i]);
                }
                else if (code.Contains("{*}"))
                {
                    value = "";
                }
                else return e.NotSupported(c, $"{row.Python}() without argument {i + 1}");
                // optional trailing args written as "{1}" directly after another (or after a cast's ")") get a separator
                if (value.Length > 0 && (row.Template.Contains("}" + token) || row.Template.Contains(")" + token))) value = ", " + value;
                code = code.Replace(token, value);
            }
            if (code.Contains("{*}"))
            {
                var all = bound.Where(x => x is not null).Select(x => x.OrThrow().Value.Code).Concat(rest.Select(r => r.Code));
                types.AddRange(rest.Select(r => r.Type));
                code = row.Template.Contains("{0}") ? code.Replace("{*}", string.Join(", ", rest.Select(r => r.Code))) : code.Replace("{*}", string.Join(", ", all));
                code = code.Replace(", )", ")");
            }
            return new Ex(code, row.Returns(types), true);
        }

        /// <summary>os.path.join(root, *parts): the spread parts become the params array.</summary>
        private static Ex SpreadJoin(Emitter e, Call c)
        {
            var parts = c.Args.Skip(1).Select(a => a is Starred st ? $"{e.EnumerableOf(e.Expr(st.Value))}.Select(__p => Dyn.Cast<string>(__p))" : $"new[] {{ {e.CoerceTo(e.Expr(a), PyType.Str).Code} }}");
            return new Ex($"OsPath.Join({e.CoerceTo(e.Expr(c.Args[0]), PyType.Str).Code}, Enumerable.Empty<string>(){string.Concat(parts.Select(x => $".Concat({x})"))}.ToArray())", PyType.Str, true);
        }

        /// <summary>
        /// The tuples an itertools row takes as iterables (a C# tuple or PyTuple is not an IEnumerable of its element type),
        /// and dynamic values, iterated at run time (C# cannot infer the element type of an object).
        /// </summary>
        private static void IterateTuples(Emitter e, MappingRow row, Ex?[] bound, List<Ex> rest)
        {
            Ex Items(Ex v) => v.Type.Kind is TypeKind.Tuple or TypeKind.VarTuple or TypeKind.Object ? new Ex(e.EnumerableOf(v), PyType.Iterable(e.ElementOf(v.Type)), false) : v;
            for (int i = 0; i < bound.Length; i++)
                if (bound[i] is { } b && row.Parameters[i].Kind == TypeKind.Unknown) bound[i] = Items(b);
            for (int i = 0; i < rest.Count; i++) rest[i] = Items(rest[i]);
        }

        /// <summary>
        /// An argument for a row's *args. A lone starred one (<c>struct.pack(fmt, *values)</c>) where the runtime takes
        /// <c>params object?[]</c> becomes that array, so its items are spread, not passed as one value.
        /// </summary>
        private static Ex RestArgument(Emitter e, MappingRow row, Call c, int i)
        {
            var param = row.Parameters.Length > 0 ? row.Parameters[row.Parameters.Length - 1] : PyType.Unknown;
            if (c.Args[i] is Starred st && param.Kind == TypeKind.Object && i == row.Parameters.Length - 1 && i == c.Args.Count - 1)
                return new Ex($"{e.EnumerableOf(e.Expr(st.Value))}.Cast<object?>().ToArray()", PyType.Object, false);
            return Bind(e, c.Args[i], param);
        }

        private static Ex Bind(Emitter e, ExpressionNode node, PyType param)
        {
            var v = e.Expr(node, param);
            if (param.Kind == TypeKind.Unknown)
            {
                if (v.Type.Kind == TypeKind.Str) return new Ex($"StrOps.Chars({v.Code})", PyType.Iterable(PyType.Str), true);
                return v.IntLiteral ? new Ex(v.Code + "L", v.Type, true) : v;
            }
            // An int parameter: a long passes as is (the runtime takes a long, or a PyInt it converts to).
            if (param.Kind == TypeKind.Int && v.Type.IsLong) return new Ex(Emitter.Long(v), v.Type, true);
            if (param.Kind == TypeKind.Iterable) return new Ex(e.EnumerableOf(v), PyType.Iterable(e.ElementOf(v.Type)), false);
            return e.CoerceTo(v, param);
        }
    }

    /// <summary>collections constructors: element types come from the factory or the context.</summary>
    internal static class Collections
    {
        /// <summary>ChainMap(*maps): a dynamic value (the runtime's ChainMap) over the maps, which it shares.</summary>
        public static Ex ChainMap(Emitter e, Call c)
        {
            if (c.Keywords.Count > 0) return e.NotSupported(c, "collections.ChainMap() with keyword arguments");
            if (c.Args.Count == 1 && c.Args[0] is Starred st)
            {
                var maps = e.Expr(st.Value);
                if (maps.Type.Kind == TypeKind.List && SharedMapType(maps.Type.Elem) is { } elem) e.Contribute(st.Value, PyType.List(elem));
                return new Ex($"new ChainMap({e.EnumerableOf(maps)}.Cast<object?>().ToArray())", PyType.Object, true);
            }
            if (c.Args.Any(a => a is Starred)) return e.NotSupported(c, "collections.ChainMap() with a starred argument among others");
            return new Ex($"new ChainMap({string.Join(", ", c.Args.Select(a => Emitter.BoxOf(SharedMap(e, a))))})", PyType.Object, true);
        }

        /// <summary>
        /// A map the ChainMap shares: writes through the ChainMap (dynamic) may store any value in it, so a typed dict's
        /// value type widens to object (cm["qty"] = 5 over {"size": "L"} stores an int in a dict of str values).
        /// </summary>
        private static Ex SharedMap(Emitter e, ExpressionNode arg)
        {
            var v = e.Expr(arg);
            if (SharedMapType(v.Type) is not { } widened) return v;
            e.Contribute(arg, widened);
            return v;
        }

        private static PyType? SharedMapType(PyType t) => t.Kind switch
        {
            TypeKind.Dict => PyType.Dict(t.Key, PyType.Object),
            TypeKind.DefaultDict => PyType.DefaultDict(t.Key, PyType.Object),
            _ => null,
        };

        /// <summary>OrderedDict(...): a dict built as dict(...) would be, in an OrderedDict (its repr differs).</summary>
        public static Ex OrderedDict(Emitter e, Call c, PyType expected)
        {
            if (c.Args.Count == 0 && c.Keywords.Count == 0)
            {
                var t = expected.IsDictLike ? PyType.Dict(expected.Key, expected.Value) : PyType.Dict(PyType.Unknown, PyType.Unknown);
                return new Ex($"new OrderedDict<{CsTypes.Of(t.Key)}, {CsTypes.Of(t.Value)}>()", t, true);
            }
            var d = Builtins.Call(e, "dict", c, expected);
            var dt = d.Type.IsDictLike ? PyType.Dict(d.Type.Key, d.Type.Value) : PyType.Dict(PyType.Object, PyType.Object);
            return new Ex($"new OrderedDict<{CsTypes.Of(dt.Key)}, {CsTypes.Of(dt.Value)}>({d.P}.Items())", dt, true);
        }

        /// <summary>OrderedDict.fromkeys(keys, value=None): dict.fromkeys's dict, in an OrderedDict.</summary>
        public static Ex OrderedFromKeys(Emitter e, Call c, PyType expected)
        {
            var src = e.Expr(c.Args[0]);
            var val = c.Args.Count > 1 ? e.Expr(c.Args[1]) : new Ex("null", PyType.None, true);
            var vt = val.Type.Kind == TypeKind.None ? PyType.Object : val.Type;
            // the values take the type the variable needs (fromkeys(cols, 0) then counts[c] += 1 holds ints that may grow)
            if (expected.IsDictLike && expected.Value.IsKnown) vt = expected.Value;
            var dt = PyType.Dict(e.ElementOf(src.Type), vt);
            string kv = $"{CsTypes.Of(dt.Key)}, {CsTypes.Of(dt.Value)}";
            return new Ex($"new OrderedDict<{kv}>(PyDict<{kv}>.FromKeys({e.EnumerableOf(src)}, {e.CoerceTo(val, vt).Code}).Items())", dt, true);
        }

        /// <summary>How CPython shows the factory in a defaultdict's repr: <c>&lt;class 'list'&gt;</c>, a def's name.</summary>
        private static string FactoryRepr(Emitter e, ExpressionNode? factory) => factory switch
        {
            Name { Id: "int" or "float" or "str" or "bool" or "list" or "set" or "dict" or "tuple" } n => $", \"<class '{n.Id}'>\"",
            Name or Attribute when e.StdlibName(factory) is "collections.Counter" or "collections.deque" or "collections.OrderedDict" => $", \"<class '{e.StdlibName(factory)}'>\"",
            Name n when e.StaticClass(n) is not null => $", \"<class '__main__.{n.Id}'>\"",
            Lambda => ", \"<function <lambda>>\"",
            Name n => $", \"<function {n.Id}>\"",
            _ => "",
        };

        /// <summary>defaultdict(int) and co.: typed values, or dynamic ones when other code stores non-ints (tot[k] += row["n"]).</summary>
        private static (PyType, string) Scalar(PyType expectedValue, PyType scalar, string zero) =>
            expectedValue.Kind == TypeKind.Object ? (PyType.Object, $"() => (object?){zero}") : (scalar, $"() => {zero}");

        public static Ex DefaultDict(Emitter e, Call c, PyType expected)
        {
            var factory = c.Args.Count > 0 ? c.Args[0] : null;
            PyType valueType = PyType.Unknown;
            string factoryCode = "null";
            PyType keyType = expected.IsDictLike ? expected.Key : PyType.Unknown;
            if (expected.IsDictLike) valueType = expected.Value;
            switch (factory)
            {
                case Name { Id: "int" }: (valueType, factoryCode) = Scalar(valueType, PyType.Int, "new PyInt(0)"); break;
                case Name { Id: "float" }: (valueType, factoryCode) = Scalar(valueType, PyType.Float, "0.0"); break;
                case Name { Id: "str" }: (valueType, factoryCode) = Scalar(valueType, PyType.Str, "\"\""); break;
                case Name { Id: "bool" }: (valueType, factoryCode) = Scalar(valueType, PyType.Bool, "false"); break;
                case Name { Id: "list" }:
                    if (valueType.Kind != TypeKind.List) valueType = PyType.List(PyType.Unknown);
                    factoryCode = $"() => new {CsTypes.Of(valueType)}()";
                    break;
                case Name { Id: "set" }:
                    if (valueType.Kind != TypeKind.Set) valueType = PyType.Set(PyType.Unknown);
                    factoryCode = $"() => new {CsTypes.Of(valueType)}()";
                    break;
                case Name { Id: "dict" }:
                    if (!valueType.IsDictLike) valueType = PyType.Dict(PyType.Unknown, PyType.Unknown);
                    factoryCode = $"() => new {CsTypes.Of(valueType)}()";
                    break;
                case Name or Attribute when e.StdlibName(factory) == "collections.Counter":
                    // defaultdict(Counter): nested counting (d[user][word] += 1)
                    if (valueType.Kind != TypeKind.Counter) valueType = PyType.Counter(PyType.Unknown);
                    factoryCode = $"() => new {CsTypes.Of(valueType)}()";
                    break;
                case Name or Attribute when e.StdlibName(factory) is "collections.deque" or "collections.OrderedDict":
                {
                    // defaultdict(deque) / defaultdict(OrderedDict): each missing key gets an empty one, typed by its use
                    var empty = new Call(factory, default, default, factory.Span);
                    var made = e.StdlibName(factory) == "collections.deque" ? Deque(e, empty, valueType) : OrderedDict(e, empty, valueType);
                    valueType = made.Type;
                    factoryCode = $"() => {made.Code}";
                    break;
                }
                case Name or Attribute when e.StaticClass(factory) is { IsEnum: false } cls:
                {
                    // defaultdict(Acc): each missing key gets Acc() as the program's own call builds it (dataclass defaults)
                    var made = e.Expr(new Call(factory, default, default, factory.Span));
                    if (!valueType.IsKnown) valueType = cls.Type;
                    factoryCode = $"() => {made.Code}";
                    break;
                }
                case Lambda lam:
                {
                    var f = e.Expr(lam, PyType.Func(valueType));
                    if (f.Type.Kind == TypeKind.Func) valueType = PyType.Join(valueType, f.Type.Return);
                    factoryCode = f.Code;
                    break;
                }
                case null: break;
                default:
                {
                    var f = e.Expr(factory);
                    if (f.Type.Kind == TypeKind.Func) { valueType = f.Type.Return; factoryCode = f.Code; }
                    else factoryCode = $"() => Dyn.Cast<{CsTypes.Of(valueType)}>(Dyn.Call({f.Code}))";
                    break;
                }
            }
            var t = PyType.DefaultDict(keyType, valueType);
            return new Ex($"new {CsTypes.Of(t)}({factoryCode}{FactoryRepr(e, factory)})", t, true);
        }

        public static Ex Counter(Emitter e, Call c, PyType expected)
        {
            if (c.Args.Count == 0 && c.Keywords.Count > 0)
            {
                var values = c.Keywords.Select(k => e.Expr(k.Value, PyType.Int)).ToList();
                var tk = PyType.CounterOf(PyType.Str, values.Select(x => x.Type).Aggregate(PyType.Unknown, PyType.Join));
                var counts = c.Keywords.Zip(values, (k, x) => $"[{CsNames.Literal(k.Arg.OrThrow())}] = {e.CoerceTo(x, tk.Value).Code}");
                return new Ex($"{CsTypes.Of(tk)}.FromMapping(new PyDict<string, {CsTypes.Of(tk.Value)}> {{ {string.Join(", ", counts)} }})", tk, true);
            }
            if (c.Args.Count == 0)
            {
                var t0 = expected.Kind == TypeKind.Counter ? PyType.CounterOf(expected.Key, expected.Value) : PyType.Counter(PyType.Unknown);
                return new Ex($"new {CsTypes.Of(t0)}()", t0, true);
            }
            var v = e.Expr(c.Args[0]);
            if (v.Type.Kind is TypeKind.Object or TypeKind.Unknown)
                return new Ex($"Counter<object?>.FromDynamic({Emitter.BoxOf(v)})", PyType.Counter(PyType.Object), true);
            // Counter({"a": 1}) takes the counts; Counter("abb") counts the items
            if (v.Type.IsDictLike)
            {
                var tm = PyType.CounterOf(v.Type.Key, v.Type.Value);
                return new Ex($"{CsTypes.Of(tm)}.FromMapping({v.Code})", tm, true);
            }
            var elem = e.ElementOf(v.Type);
            var t = PyType.Counter(elem);
            return new Ex($"new {CsTypes.Of(t)}({e.EnumerableOf(v)})", t, true);
        }

        public static Ex Deque(Emitter e, Call c, PyType expected)
        {
            var maxlen = c.Keywords.FirstOrDefault(k => k.Arg == "maxlen")?.Value ?? (c.Args.Count > 1 ? c.Args[1] : null);
            if (c.Args.Count == 0)
            {
                var t0 = PyType.Deque(expected.Kind == TypeKind.Deque ? expected.Elem : PyType.Unknown);
                return new Ex(maxlen is null ? $"new {CsTypes.Of(t0)}()" : $"new {CsTypes.Of(t0)}(Array.Empty<{CsTypes.Of(t0.Elem)}>(), {Emitter.Long(e.Expr(maxlen, PyType.Int))})", t0, true);
            }
            var v = e.Expr(c.Args[0]);
            var t = PyType.Deque(e.ElementOf(v.Type));
            return new Ex($"new {CsTypes.Of(t)}({e.EnumerableOf(v)}{(maxlen is null ? "" : ", " + Emitter.Long(e.Expr(maxlen, PyType.Int)))})", t, true);
        }
    }
}
