using System.Numerics;

namespace Batuta.Python.Ast
{
    /// <summary>The Python type of a <see cref="Constant"/> value.</summary>
    public enum ConstantType { None, Bool, Int, Float, Complex, Str, Bytes, Ellipsis }

    /// <summary>
    /// <c>ast.Constant</c>. <see cref="Constant.Value"/> holds: <c>null</c> (None), <see cref="bool"/>,
    /// <see cref="BigInteger"/> (int), <see cref="double"/> (float), <see cref="Complex"/> (complex),
    /// <see cref="string"/> (str), <see cref="PythonBytes"/> (bytes) or <see cref="PythonEllipsis"/>.
    /// </summary>
    public sealed partial class Constant
    {
        /// <summary>
        /// A str whose code points UTF-16 cannot carry one-to-one: two escapes such as
        /// <c>'\ud800\udc00'</c> are two lone surrogates in Python but would pair up in a .NET string.
        /// </summary>
        public Constant(object? value, string? kind, int[] codePoints, SourceSpan span) : this(value, kind, span)
        {
            CodePoints = codePoints;
        }

        /// <summary>The exact code points of a str value when <see cref="Value"/>'s UTF-16 would pair lone surrogates; otherwise null.</summary>
        public int[]? CodePoints { get; }

        public ConstantType Type => TypeOf(Value);

        public static ConstantType TypeOf(object? value) => value switch
        {
            null => ConstantType.None,
            bool => ConstantType.Bool,
            BigInteger => ConstantType.Int,
            double => ConstantType.Float,
            Complex => ConstantType.Complex,
            string => ConstantType.Str,
            PythonBytes => ConstantType.Bytes,
            PythonEllipsis => ConstantType.Ellipsis,
            _ => throw new ArgumentException("not a Python constant: " + value.GetType().Name, nameof(value)),
        };
    }

    /// <summary>Python's <c>Ellipsis</c> (<c>...</c>).</summary>
    public sealed class PythonEllipsis
    {
        private PythonEllipsis() { }

        public static PythonEllipsis Value { get; } = new PythonEllipsis();

        public override string ToString() => "Ellipsis";
    }

    /// <summary>An immutable Python <c>bytes</c> value.</summary>
    public sealed class PythonBytes : IEquatable<PythonBytes>
    {
        private readonly byte[] _data;

        public PythonBytes(byte[] data) => _data = (byte[])data.Clone();

        private PythonBytes(byte[] data, bool _) => _data = data;

        internal static PythonBytes Wrap(byte[] data) => new PythonBytes(data, false);

        public int Length => _data.Length;

        public byte this[int index] => _data[index];

        public byte[] ToArray() => (byte[])_data.Clone();

        public bool Equals(PythonBytes? other) => other is not null && _data.AsSpanEquals(other._data);

        public override bool Equals(object? obj) => obj is PythonBytes b && Equals(b);

        public override int GetHashCode()
        {
            unchecked
            {
                int h = 17;
                foreach (var b in _data) h = h * 31 + b;
                return h;
            }
        }

        public override string ToString() => PythonRepr.Bytes(_data);
    }

    internal static class ByteArrayExtensions
    {
        public static bool AsSpanEquals(this byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }
    }
}
