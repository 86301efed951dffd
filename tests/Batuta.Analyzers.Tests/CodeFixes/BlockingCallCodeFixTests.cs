using Batuta.Analyzers.CodeFixes;
using Batuta.Analyzers.Rules.Async;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.CodeFixes;

public class BlockingCallCodeFixTests
{
    [Fact]
    public Task Blocking_forms_become_await_in_async_methods() =>
        Verify.CodeFix<BlockingCallAnalyzer, BlockingCallCodeFixProvider>("""
            using System.Threading.Tasks;

            class C
            {
                async Task<int> M(Task<string> t, Task u)
                {
                    int length = {|BATQ004:t.Result|}.Length;
                    {|BATQ004:u.Wait()|};
                    string s = {|BATQ004:t.GetAwaiter().GetResult()|};
                    string r = {|BATQ004:t.ConfigureAwait(false).GetAwaiter().GetResult()|};
                    return length + s.Length + r.Length;
                }
            }
            """, """
            using System.Threading.Tasks;

            class C
            {
                async Task<int> M(Task<string> t, Task u)
                {
                    int length = (await t).Length;
                    await u;
                    string s = await t;
                    string r = await t.ConfigureAwait(false);
                    return length + s.Length + r.Length;
                }
            }
            """);

    [Fact]
    public Task WaitAll_statements_become_await_WhenAll() =>
        Verify.CodeFix<BlockingCallAnalyzer, BlockingCallCodeFixProvider>("""
            using System.Threading.Tasks;

            class C
            {
                async Task M(Task a, Task b)
                {
                    {|BATQ004:Task.WaitAll(a, b)|};
                }
            }
            """, """
            using System.Threading.Tasks;

            class C
            {
                async Task M(Task a, Task b)
                {
                    await Task.WhenAll(a, b);
                }
            }
            """);

    [Fact]
    public Task Forms_without_an_await_equivalent_and_sync_code_get_no_fix()
    {
        const string source = """
            using System.Threading.Tasks;

            class C
            {
                async Task M(Task t, Task<int> v)
                {
                    {|BATQ004:t.Wait(100)|};
                    {|BATQ004:Task.WaitAll(new[] { t }, 100)|};
                    {|BATQ004:Task.WaitAny(t)|};
                    lock (this) { var x = {|BATQ004:v.Result|}; }
                    await Task.Yield();
                }

                int S(Task<int> v) => {|BATQ005:v.Result|};
            }
            """;
        return Verify.CodeFix<BlockingCallAnalyzer, BlockingCallCodeFixProvider>(source, source);
    }
}
