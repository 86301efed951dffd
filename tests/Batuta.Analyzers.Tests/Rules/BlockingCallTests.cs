using Batuta.Analyzers.Rules.Async;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.Rules;

public class BlockingCallTests
{
    [Fact]
    public Task Blocking_in_async_methods_is_BATQ004() => Verify.Analyzer<BlockingCallAnalyzer>("""
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(Task<int> t, Task u, ValueTask<int> v)
            {
                int a = {|BATQ004:t.Result|};
                {|BATQ004:u.Wait()|};
                int b = {|BATQ004:t.GetAwaiter().GetResult()|};
                int c = {|BATQ004:t.ConfigureAwait(false).GetAwaiter().GetResult()|};
                int d = {|BATQ004:v.Result|};
                {|BATQ004:Task.WaitAll(t, u)|};
                await Task.Yield();
                return a + b + c + d;
            }
        }
        """);

    [Fact]
    public Task Blocking_in_async_lambdas_and_local_functions_is_BATQ004() => Verify.Analyzer<BlockingCallAnalyzer>("""
        using System;
        using System.Threading.Tasks;
        class C
        {
            void M(Task<int> t)
            {
                Func<Task<int>> f = async () => {|BATQ004:t.Result|};
                async Task<int> Local() => {|BATQ004:t.Result|};
            }
        }
        """);

    [Fact]
    public Task Blocking_in_sync_code_is_BATQ005() => Verify.Analyzer<BlockingCallAnalyzer>("""
        using System.Threading.Tasks;
        class C
        {
            int M(Task<int> t)
            {
                {|BATQ005:t.Wait()|};
                return {|BATQ005:t.Result|} + {|BATQ005:t.GetAwaiter().GetResult()|};
            }
            int P => {|BATQ005:Task.FromResult(1).Result|};
        }
        """);

    [Fact]
    public Task Awaiting_and_reading_finished_tasks_is_fine() => Verify.Analyzer<BlockingCallAnalyzer>("""
        using System.Threading.Tasks;
        class Result { public int Wait() => 0; }
        class C
        {
            async Task<int> M(Task<int> t, Task<int> u)
            {
                int a = await t;
                await Task.WhenAll(t, u);
                int b = u.Result;           // already awaited above: does not block
                var r = new Result();
                return a + b + r.Wait() + (await t.ConfigureAwait(false));
            }
            bool W(System.Threading.ManualResetEventSlim e) => e.Wait(10);
        }
        """);
}
