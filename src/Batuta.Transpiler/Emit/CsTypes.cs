using Batuta.Transpiler.Model;

namespace Batuta.Transpiler.Emit
{
    /// <summary>The C# type that carries each Python type in generated code.</summary>
    internal static class CsTypes
    {
        /// <summary>
        /// Set by the emitter of the current transpilation: a Python class name to its C# name. Per thread, as
        /// PyType.ClassJoin is: transpilations run concurrently (parallel tests, the source generator on several
        /// projects) and a shared field let one program resolve its classes through another's names.
        /// </summary>
        [ThreadStatic] public static Func<string, string>? ClassName;

        /// <summary>A Counter of int counts, or of counts that are any Python numbers (see PyType.NumberCounter).</summary>
        private static string CounterType(PyType t) => (t.Args.Count > 1 ? "NumberCounter<" : "Counter<") + Of(t.Args[0]) + ">";

        public static string Of(PyType t) => t.Kind switch
        {
            TypeKind.Int => t.IsLong ? "long" : "PyInt",
            TypeKind.Float => "double",
            TypeKind.Bool => "bool",
            TypeKind.Str => "string",
            TypeKind.Bytes => "PyBytes",
            TypeKind.None => "object?",
            TypeKind.List => $"PyList<{Of(t.Args[0])}>",
            TypeKind.Set => $"PySet<{Of(t.Args[0])}>",
            TypeKind.Deque => $"Deque<{Of(t.Args[0])}>",
            TypeKind.Dict => $"PyDict<{Of(t.Args[0])}, {Of(t.Args[1])}>",
            TypeKind.DefaultDict => $"DefaultDict<{Of(t.Args[0])}, {Of(t.Args[1])}>",
            TypeKind.Counter => CounterType(t),
            TypeKind.Tuple => t.Args.Count == 0 ? "PyTuple" : t.Args.Count == 1 ? $"ValueTuple<{Of(t.Args[0])}>" : t.Args.Count <= 7 ? "(" + string.Join(", ", t.Args.Select(Of)) + ")" : "PyTuple",
            TypeKind.VarTuple => "PyTuple",
            TypeKind.Iterable => $"IEnumerable<{Of(t.Args[0])}>",
            TypeKind.Range => "PyRange",
            TypeKind.File => "PyTextIO",
            TypeKind.Func => Func(t),
            TypeKind.Class => ClassName?.Invoke(t.Name.OrThrow()) ?? t.Name.OrThrow(),
            TypeKind.Exception => RuntimeException(t.Name.OrThrow()),
            TypeKind.Optional => Of(t.Args[0]) is var inner && inner.EndsWith("?", StringComparison.Ordinal) ? inner : inner + "?",
            _ => "object?",
        };

        public static string RuntimeException(string name) => name switch
        {
            "Exception" => "PyException",
            "BaseException" => "PyBaseException",
            "IOError" or "EnvironmentError" => "OSError",
            _ => name,
        };

        private static string Func(PyType t)
        {
            var ps = t.Params.Select(Of).ToList();
            if (t.Return.Kind == TypeKind.None) return ps.Count == 0 ? "Action" : $"Action<{string.Join(", ", ps)}>";
            ps.Add(Of(t.Return));
            return $"Func<{string.Join(", ", ps)}>";
        }

        public static bool IsValueType(PyType t) => t.Kind is TypeKind.Int or TypeKind.Float or TypeKind.Bool or TypeKind.Tuple && !(t.Kind == TypeKind.Tuple && (t.Args.Count == 0 || t.Args.Count > 7));

        public static string Return(PyType t) => t.Kind is TypeKind.None or TypeKind.Unknown ? "void" : Of(t);
    }
}
