using BenchmarkDotNet.Running;
using Batuta.Benchmarks.Harness;

namespace Batuta.Benchmarks;

/// <summary>
/// Two modes: <c>peers &lt;area&gt;</c> runs Batuta and its peer side by side and prints a markdown
/// ratio table; anything else goes to BenchmarkDotNet's switcher (micro-benchmarks).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "peers")
        {
            return PeerRunner.Run(args.Skip(1).ToArray(), Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
