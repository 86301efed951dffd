namespace Batuta.Transpiler.Model
{
    public enum TypeKind
    {
        Unknown, Object, None, Bool, Int, Float, Str, Bytes,
        List, Dict, Set, Tuple, VarTuple, Iterable, Range, Func, Class, Optional, File, Module, DefaultDict, Counter, Deque, Exception,
    }

    /// <summary>
    /// The transpiler's static view of a Python type. Plain immutable data with structural equality;
    /// <see cref="TypeKind.Unknown"/> is "not yet seen" during inference, <see cref="TypeKind.Object"/> is dynamic.
    /// </summary>
    public sealed class PyType : IEquatable<PyType>
    {
        private PyType(TypeKind kind, string? name = null, params PyType[] args)
        {
            Kind = kind;
            Name = name;
            // Only a top-level int carries a precise range: elements of containers, tuple items and function
            // signatures are "some long" at most, which keeps the lattice finite (see IntRanges).
            if (args.Any(a => a.IsLong && !a.IsFullLong)) args = args.Select(a => a.IsLong ? LongFull : a).ToArray();
            Args = args;
        }

        private PyType(long lo, long hi)
        {
            Kind = TypeKind.Int;
            Name = LongName;
            Args = System.Array.Empty<PyType>();
            Lo = lo;
            Hi = hi;
        }

        private const string LongName = "long";

        public TypeKind Kind { get; }
        /// <summary>Class name, module name, or the C# name of an opaque runtime type.</summary>
        public string? Name { get; }
        public IReadOnlyList<PyType> Args { get; }

        public static readonly PyType Unknown = new(TypeKind.Unknown);
        public static readonly PyType Object = new(TypeKind.Object);
        public static readonly PyType None = new(TypeKind.None);
        public static readonly PyType Bool = new(TypeKind.Bool);
        /// <summary>A Python int carried as <c>PyInt</c> (arbitrary precision).</summary>
        public static readonly PyType Int = new(TypeKind.Int);
        /// <summary>A Python int proven to lie in the long range: carried as a C# <c>long</c>.</summary>
        public static readonly PyType LongFull = new(long.MinValue, long.MaxValue);
        public static readonly PyType Float = new(TypeKind.Float);
        public static readonly PyType Str = new(TypeKind.Str);
        public static readonly PyType Bytes = new(TypeKind.Bytes);
        public static readonly PyType Range = new(TypeKind.Range);
        public static readonly PyType File = new(TypeKind.File);

        /// <summary>A Python int proven to lie in [lo, hi]: a C# <c>long</c>, and arithmetic on it is exact in 64 bits.</summary>
        public static PyType Long(long lo, long hi) => lo == long.MinValue && hi == long.MaxValue ? LongFull : new(lo, hi);

        /// <summary>The int interval lower bound (only for <see cref="IsLong"/>).</summary>
        public long Lo { get; }
        /// <summary>The int interval upper bound (only for <see cref="IsLong"/>).</summary>
        public long Hi { get; }
        /// <summary>An int carried as a C# long (its value range is [<see cref="Lo"/>, <see cref="Hi"/>]).</summary>
        public bool IsLong => Kind == TypeKind.Int && Name == LongName;
        public bool IsFullLong => IsLong && Lo == long.MinValue && Hi == long.MaxValue;

        public static PyType List(PyType e) => new(TypeKind.List, null, e);
        public static PyType Set(PyType e) => new(TypeKind.Set, null, e);
        public static PyType Deque(PyType e) => new(TypeKind.Deque, null, e);
        public static PyType Dict(PyType k, PyType v) => new(TypeKind.Dict, null, k, v);
        public static PyType DefaultDict(PyType k, PyType v) => new(TypeKind.DefaultDict, null, k, v);
        public static PyType Counter(PyType k) => new(TypeKind.Counter, null, k);
        /// <summary>A Counter whose counts are not all ints (float weights): each count a dynamic Python number.</summary>
        public static PyType NumberCounter(PyType k) => new(TypeKind.Counter, null, k, Object);
        /// <summary>The Counter holding counts of this type: int counts keep the int Counter.</summary>
        public static PyType CounterOf(PyType k, PyType count) => count.Kind is TypeKind.Int or TypeKind.Bool or TypeKind.Unknown ? Counter(k) : NumberCounter(k);
        public static PyType Tuple(params PyType[] items) => new(TypeKind.Tuple, null, items);
        public static PyType VarTuple(PyType e) => new(TypeKind.VarTuple, null, e);
        public static PyType Iterable(PyType e) => new(TypeKind.Iterable, null, e);
        public static PyType Func(PyType ret, params PyType[] ps) => new(TypeKind.Func, null, new[] { ret }.Concat(ps).ToArray());
        public static PyType Class(string name) => new(TypeKind.Class, name);
        public static PyType Module(string name) => new(TypeKind.Module, name);
        public static PyType Exception(string name) => new(TypeKind.Exception, name);
        public static PyType Optional(PyType t) => t.Kind is TypeKind.Optional or TypeKind.None or TypeKind.Object or TypeKind.Unknown ? t : new(TypeKind.Optional, null, t);

        public PyType Elem => Kind switch
        {
            TypeKind.List or TypeKind.Set or TypeKind.Iterable or TypeKind.Deque or TypeKind.VarTuple or TypeKind.Counter => Args[0],
            TypeKind.Dict or TypeKind.DefaultDict => Args[0],
            TypeKind.Range => LongFull,
            TypeKind.Str => Str,
            TypeKind.Bytes => LongFull,
            TypeKind.File => Str,
            TypeKind.Tuple => Args.Count == 0 ? Unknown : Args.Aggregate(Unknown, Join),
            TypeKind.Optional => Args[0].Elem,
            _ => Object,
        };

        public PyType Key => Args[0];
        public PyType Value => Kind == TypeKind.Counter && Args.Count == 1 ? Int : Args[1];
        public PyType Return => Args[0];
        public IEnumerable<PyType> Params => Args.Skip(1);
        public PyType Inner => Kind == TypeKind.Optional ? Args[0] : this;

        public bool IsNumeric => Kind is TypeKind.Int or TypeKind.Float or TypeKind.Bool;
        public bool IsKnown => Kind != TypeKind.Unknown;
        public bool IsDictLike => Kind is TypeKind.Dict or TypeKind.DefaultDict or TypeKind.Counter;
        public bool IsSequence => Kind is TypeKind.List or TypeKind.Tuple or TypeKind.VarTuple or TypeKind.Str or TypeKind.Range or TypeKind.Deque;

        /// <summary>Contains Unknown somewhere (an empty container not yet refined).</summary>
        public bool HasUnknown => Kind == TypeKind.Unknown || Args.Any(a => a.HasUnknown);

        /// <summary>A float somewhere inside a container type (not the type itself).</summary>
        public bool HasNestedFloat => Args.Any(a => a.Kind == TypeKind.Float || a.HasNestedFloat);

        /// <summary>This type with every float inside it unknown, for inference to fill (Python's float accepts ints).</summary>
        public PyType FloatsAsUnknown() => Kind == TypeKind.Float ? Unknown : Args.Count == 0 ? this : Rebuild(Args.Select(a => a.FloatsAsUnknown()).ToArray());

        /// <summary>What is still unknown in <paramref name="t"/>, taken from <paramref name="template"/> where the shapes agree.</summary>
        public static PyType FillFrom(PyType t, PyType template)
        {
            if (t.Kind == TypeKind.Unknown) return template;
            if (!t.HasUnknown || t.Kind != template.Kind || t.Args.Count != template.Args.Count) return t;
            return t.Rebuild(t.Args.Zip(template.Args, FillFrom).ToArray());
        }

        private PyType Rebuild(PyType[] args) => Kind == TypeKind.Optional ? Optional(args[0]) : new PyType(Kind, Name, args);

        /// <summary>The least type covering both; Object when Python would need a dynamic value.</summary>
        public static PyType Join(PyType a, PyType b)
        {
            if (a.Equals(b)) return a;
            if (a.Kind == TypeKind.Unknown) return b;
            if (b.Kind == TypeKind.Unknown) return a;
            if (a.Kind == TypeKind.Object || b.Kind == TypeKind.Object) return Object;
            if (a.Kind == TypeKind.None) return Optional(b);
            if (b.Kind == TypeKind.None) return Optional(a);
            if (a.Kind == TypeKind.Optional || b.Kind == TypeKind.Optional)
            {
                var j = Join(a.Inner, b.Inner);
                return j.Kind == TypeKind.Object ? Object : Optional(j);
            }
            if (a.Kind == b.Kind)
            {
                switch (a.Kind)
                {
                    case TypeKind.Int:
                        return a.IsLong && b.IsLong ? Long(System.Math.Min(a.Lo, b.Lo), System.Math.Max(a.Hi, b.Hi)) : Int;
                    case TypeKind.Counter:
                        return JoinCounters(a, b);
                    case TypeKind.List: case TypeKind.Set: case TypeKind.Iterable: case TypeKind.Deque: case TypeKind.VarTuple:
                        return new PyType(a.Kind, null, JoinElem(a.Args[0], b.Args[0]));
                    case TypeKind.Dict: case TypeKind.DefaultDict:
                        return new PyType(a.Kind, null, JoinElem(a.Args[0], b.Args[0]), JoinElem(a.Args[1], b.Args[1]));
                    case TypeKind.Tuple when a.Args.Count == b.Args.Count:
                        return Tuple(a.Args.Zip(b.Args, JoinElem).ToArray());
                    case TypeKind.Tuple:
                        return VarTuple(JoinElem(a.Elem, b.Elem));
                    case TypeKind.Func when a.Args.Count == b.Args.Count:
                        return new PyType(TypeKind.Func, null, a.Args.Zip(b.Args, JoinElem).ToArray());
                }
            }
            if ((a.Kind == TypeKind.Tuple && b.Kind == TypeKind.VarTuple) || (a.Kind == TypeKind.VarTuple && b.Kind == TypeKind.Tuple))
                return VarTuple(JoinElem(a.Elem, b.Elem));
            if (a.Kind is TypeKind.Iterable && b.Kind is TypeKind.List or TypeKind.Range or TypeKind.Set) return Iterable(JoinElem(a.Elem, b.Elem));
            if (b.Kind is TypeKind.Iterable && a.Kind is TypeKind.List or TypeKind.Range or TypeKind.Set) return Iterable(JoinElem(a.Elem, b.Elem));
            if (a.Kind == TypeKind.DefaultDict && b.Kind == TypeKind.Dict || a.Kind == TypeKind.Dict && b.Kind == TypeKind.DefaultDict)
                return DefaultDict(JoinElem(a.Args[0], b.Args[0]), JoinElem(a.Args[1], b.Args[1]));
            if (a.Kind == TypeKind.Class && b.Kind == TypeKind.Class && ClassJoin is not null)
            {
                var common = ClassJoin(a.Name.OrThrow(), b.Name.OrThrow());
                if (common is not null) return Class(common);
            }
            return Object;
        }

        /// <summary>Counters of the same keys: a number Counter when either holds counts that are not all ints.</summary>
        private static PyType JoinCounters(PyType a, PyType b) => CounterOf(JoinElem(a.Args[0], b.Args[0]), Join(a.Value, b.Value));

        /// <summary>Element join: containers keep one element type, Object when mixed.</summary>
        /// <summary>
        /// Element types of containers join like values, except int with float: a container holding both keeps each
        /// value's type (dist = {n: inf}; dist[s] = 0 prints 0, not 0.0), so its elements are dynamic.
        /// </summary>
        private static PyType JoinElem(PyType a, PyType b) =>
            a.Kind == TypeKind.Int && b.Kind == TypeKind.Float || a.Kind == TypeKind.Float && b.Kind == TypeKind.Int ? Object : Join(a, b);

        /// <summary>
        /// Whether a value of type <paramref name="own"/> taken as <paramref name="wanted"/> would print otherwise or
        /// not fit: an int as a float (0 as 0.0) or a float as an int, a tuple of another length or other items.
        /// </summary>
        public static bool PrintsDifferently(PyType wanted, PyType own)
        {
            if (wanted.Kind == TypeKind.Int && own.Kind == TypeKind.Float || wanted.Kind == TypeKind.Float && own.Kind == TypeKind.Int) return true;
            if (wanted.Kind != TypeKind.Tuple) return false;
            if (own.Kind == TypeKind.VarTuple) return true;
            return own.Kind == TypeKind.Tuple && (own.Args.Count != wanted.Args.Count || wanted.Args.Zip(own.Args, PrintsDifferently).Any(x => x));
        }

        /// <summary>Set by the inference for the current program: the nearest common user base class.</summary>
        [ThreadStatic] public static Func<string, string, string?>? ClassJoin;

        public bool Equals(PyType? other)
        {
            if (other is null) return false;
            if (ReferenceEquals(this, other)) return true;
            if (Kind != other.Kind || Name != other.Name || Args.Count != other.Args.Count || Lo != other.Lo || Hi != other.Hi) return false;
            for (int i = 0; i < Args.Count; i++) if (!Args[i].Equals(other.Args[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as PyType);

        public override int GetHashCode()
        {
            unchecked
            {
                int h = (int)Kind * 31 + (Name?.GetHashCode() ?? 0) + (int)(Lo ^ (Lo >> 32)) * 7 + (int)(Hi ^ (Hi >> 32)) * 13;
                foreach (var a in Args) h = h * 17 + a.GetHashCode();
                return h;
            }
        }

        public override string ToString() => Kind switch
        {
            TypeKind.List => $"list[{Args[0]}]",
            TypeKind.Set => $"set[{Args[0]}]",
            TypeKind.Dict => $"dict[{Args[0]}, {Args[1]}]",
            TypeKind.Tuple => $"tuple[{string.Join(", ", Args)}]",
            TypeKind.Optional => $"{Args[0]} | None",
            TypeKind.Int when IsLong => IsFullLong ? "int(long)" : $"int[{Lo}..{Hi}]",
            TypeKind.Class or TypeKind.Module or TypeKind.Exception => Name.OrThrow(),
            _ => Kind.ToString().ToLowerInvariant(),
        };
    }
}
