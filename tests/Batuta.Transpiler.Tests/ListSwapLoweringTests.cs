using System.Text.RegularExpressions;
using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

/// <summary>
/// The C# shape of <c>a[i], a[j] = a[j], a[i]</c> and <c>a[i] += x</c> on a hoisted list (Emitter.TryEmitSpanPermutation,
/// TryEmitSpanAugAssign): each index is tested and normalised once, by the read, and the stores reuse it. The
/// Python-exact output of the same forms is checked by the parity corpus (Corpus/list_swaps.py, bench_fannkuch.py).
/// </summary>
public sealed class ListSwapLoweringTests
{
    private static string Function(string source, string name) => TestTranspiler.FunctionCode(source, name);

    [Fact]
    public void Swap_in_a_loop_tests_each_index_once_and_stores_untested()
    {
        var body = Function("""
            def flip(xs: list[int]) -> None:
                i = 0
                j = xs[0]
                while i < j:
                    xs[i], xs[j] = xs[j], xs[i]
                    i += 1
                    j -= 1


            v = [3, 2, 1, 4, 5]
            flip(v)
            print(v)
            """, "Flip");
        // j has no proven sign: each index is tested once, with Python's normalisation as the cold path
        Assert.Matches(@"int __k\d+ = \(ulong\)\(long\)j < \(ulong\)(__s\d+)\.Length \? \(int\)\(long\)j : Indexing\.Normalize\(\(long\)j, \1\.Length\);", body);
        Assert.DoesNotContain("list assignment", body);
        Assert.Equal(2, Regex.Matches(body, @"int __k\d+ =").Count);
        Assert.Equal(2, Regex.Matches(body, @"__s\d+\[__k\d+\] = __t\d+;").Count);
    }

    [Fact]
    public void Arithmetic_and_negative_literal_indices_are_keys_too()
    {
        var body = Function("""
            def bubble(xs: list[int]) -> None:
                for n in range(len(xs) - 1, 0, -1):
                    for i in range(n):
                        if xs[i] > xs[i + 1]:
                            xs[i], xs[i + 1] = xs[i + 1], xs[i]
                    xs[0], xs[-1] = xs[-1], xs[0]


            v = [5, 1, 4, 2, 3]
            bubble(v)
            print(v)
            """, "Bubble");
        Assert.DoesNotContain("list assignment", body);
        Assert.Contains("Indexing.Normalize(-1, ", body);
        Assert.Equal(4, Regex.Matches(body, @"__s\d+\[__k\d+\] = __t\d+;").Count);
    }

    [Fact]
    public void A_store_to_an_index_not_read_keeps_its_own_test()
    {
        // xs[i - 1] is stored but never read: its bounds test (and "list assignment index out of range") stays
        var body = Function("""
            def shift(xs: list[int]) -> None:
                for i in range(1, len(xs)):
                    xs[i - 1], xs[i] = xs[i], xs[0]


            v = [5, 6, 7, 8]
            shift(v)
            print(v)
            """, "Shift");
        Assert.Contains("\"list assignment\"", body);
        Assert.DoesNotMatch(@"int __k\d+ =", body);
    }

    [Fact]
    public void Augmented_assignment_to_an_element_tests_its_index_once()
    {
        var body = Function("""
            def histogram(data: list[int], bins: int) -> list[int]:
                counts = [0] * bins
                for d in data:
                    counts[d] += 1
                return counts


            print(histogram([1, 2, 2, 0], 3))
            """, "Histogram");
        Assert.DoesNotContain("list assignment", body);
        Assert.Matches(@"int (__k\d+) = [^;]*Indexing\.Normalize\([^;]*;\s*(__s\d+)\[\1\] = \2\[\1\] \+ 1;", body);
    }
}
