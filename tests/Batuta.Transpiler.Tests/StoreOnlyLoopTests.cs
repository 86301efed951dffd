using System.Text.RegularExpressions;
using Batuta.Transpiler.Tests.Support;

namespace Batuta.Transpiler.Tests;

/// <summary>
/// The C# shape of range loops that only store numbers into hoisted lists (Emitter.IsStoreOnlyLoop): one try/catch
/// around the loop turns a store past the end into Python's "list assignment index out of range", so a store whose
/// index is proven in [0, int.MaxValue] is a plain span store. Python-exact output: Corpus/list_fill_loops.py.
/// </summary>
public sealed class StoreOnlyLoopTests
{
    private static string Function(string source, string name) => TestTranspiler.FunctionCode(source, name);

    [Fact]
    public void A_sieve_inner_loop_stores_through_the_span_inside_one_try()
    {
        var body = Function("""
            def nsieve(m: int) -> int:
                flags = [True] * m
                count = 0
                for i in range(2, m):
                    if flags[i]:
                        for j in range(i + i, m, i):
                            flags[j] = False
                        count += 1
                return count


            print(nsieve(100))
            """, "Nsieve");
        Assert.Matches(@"try\s*\{\s*for \(long __i\d+ = \(i \+ i\)[^\n]*\n\s*\{\s*j = __i\d+;\s*__s\d+\[\(int\)j\] = false;\s*\}\s*\}\s*catch \(IndexOutOfRangeException\)\s*\{\s*throw new IndexError\(""list assignment index out of range""\);", body);
        Assert.Single(Regex.Matches(body, "catch"));
    }

    [Theory]
    [InlineData("xs[i] = xs[i - 1] + 1")]          // reads a list: a read past the end must say "list index"
    [InlineData("xs[i] = f(i)")]                    // runs other code
    [InlineData("xs[i] += 1")]                      // reads the element
    public void Loops_that_read_lists_or_call_keep_their_tested_stores(string statement)
    {
        var body = Function($$"""
            def f(k: int) -> int:
                return k * 2


            def work(xs: list[int]) -> list[int]:
                for i in range(1, len(xs)):
                    {{statement}}
                return xs


            print(work([1, 2, 3]))
            """, "Work");
        Assert.DoesNotContain("IndexOutOfRangeException", body);
    }
}
