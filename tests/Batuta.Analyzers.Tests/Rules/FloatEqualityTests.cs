using Batuta.Analyzers.Rules.Numerics;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.Rules;

public class FloatEqualityTests
{
    [Fact]
    public Task Exact_comparisons_of_floats_and_doubles_are_reported() => Verify.Analyzer<FloatEqualityAnalyzer>("""
        class C
        {
            bool M(double a, double b, float f, float g, double? n)
            {
                return {|BATQ009:a == b|} || {|BATQ009:f != g|} || {|BATQ009:a == 0.1|} || {|BATQ009:f == 1|}
                    || {|BATQ009:a == double.NaN|} || {|BATQ009:n == b|};
            }
        }
        """);

    [Fact]
    public Task Exact_values_integers_and_equality_members_are_allowed() => Verify.Analyzer<FloatEqualityAnalyzer>("""
        class C
        {
            double _v;
            bool M(double a, int i, int j, decimal m, decimal k, object o)
            {
                return a == 0 || a != 0.0 || a == double.PositiveInfinity || i == j || m == k || o == null || 1.0 == 1.0;
            }
            public override bool Equals(object obj) => obj is C c && c._v == _v;
            public override int GetHashCode() => _v.GetHashCode();
            public static bool operator ==(C x, C y) => x._v == y._v;
            public static bool operator !=(C x, C y) => x._v != y._v;
            bool Whole(double d, float f) => d == System.Math.Floor(d) || System.MathF.Truncate(f) != f || d == double.Round(d);
            int Order(C a, C b) => a._v != b._v ? b._v.CompareTo(a._v) : 0;
            void Sort(System.Collections.Generic.List<C> list) => list.Sort(static (a, b) => (a._v == b._v) ? 0 : a._v.CompareTo(b._v));
        }

        sealed class ByScore : System.Collections.Generic.IComparer<double>
        {
            public int Compare(double a, double b) => a == b ? 0 : a < b ? -1 : 1;
        }
        """);

    [Fact]
    public Task Zero_comparisons_are_reported_when_configured() =>
        new AnalyzerTest<FloatEqualityAnalyzer>("""
            class C { bool M(double a) => {|BATQ009:a == 0|}; }
            """)
            .WithEditorConfig("batuta.BATQ009.allow_zero = false")
            .RunAsync();
}
