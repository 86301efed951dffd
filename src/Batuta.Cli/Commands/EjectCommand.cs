using Batuta.Cli.Infrastructure;
using Batuta.Transpiler;
using Batuta.Transpiler.Projects;

namespace Batuta.Cli.Commands;

/// <summary>
/// <c>batuta eject &lt;file-or-dir&gt; --output &lt;dir&gt;</c> (also <c>batuta transpile &lt;file-or-dir&gt; --output &lt;dir&gt;</c>):
/// writes a standalone, buildable C# project for teams that want to own the C# from then on.
/// </summary>
public sealed class EjectCommand : ICommand
{
    public string Name => "eject";
    public string Summary => "Write Python sources as a standalone C# project (transpile --output)";
    public string Usage => "batuta eject <script.py|folder> --output <dir> [--namespace <Name>] [--force]";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, new HashSet<string> { "--output", "-o", "--namespace" }, new HashSet<string> { "--force", "--verbose", "-v" });
        var input = a.Positionals.SingleOrDefault() ?? throw new UsageException("name the Python script or folder to eject");
        var output = a.Option("--output") ?? a.Option("-o") ?? throw new UsageException("--output <dir> is required");
        var (_, entry, files) = PythonSources.Load(input);
        var name = a.Option("--namespace") ?? StandaloneProject.ProjectName(File.Exists(input) ? input : Path.GetFullPath(input));

        var result = PythonTranspiler.Transpile(files, new TranspileOptions { EntryModule = entry, RootNamespace = name });
        ReportDiagnostics(result, console, a.Flag("--verbose") || a.Flag("-v"));
        if (result.HasErrors) return ExitCodes.Failed;

        var target = Path.GetFullPath(output);
        RequireEmptyUnlessForced(target, output, a.Flag("--force"));
        WriteProject(target, name, result, entry);
        console.Out.WriteLine($"ejected {files.Count} Python file(s) to {target} ({result.Files.Count} C# file(s)); build with: dotnet build {Path.Combine(output, name + ".csproj")}");
        return ExitCodes.Ok;
    }

    /// <summary>Warnings and errors always; the informational notes only with --verbose.</summary>
    private static void ReportDiagnostics(TranspileResult result, CliConsole console, bool verbose)
    {
        foreach (var d in result.Diagnostics.Where(d => d.Severity != TranspilerSeverity.Info || verbose))
            console.Error.WriteLine(d.Format());
    }

    /// <summary>Without --force, ejecting never overwrites a folder that already has something in it.</summary>
    private static void RequireEmptyUnlessForced(string target, string output, bool force)
    {
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !force)
            throw new UsageException($"{output} is not empty: use --force to overwrite");
    }

    /// <summary>The generated project plus a copy of the runtime assembly under lib/, so it builds on its own.</summary>
    private static void WriteProject(string target, string name, TranspileResult result, string entry)
    {
        Write(target, StandaloneProject.Create(name, result, entry));
        var runtime = PythonSources.LocateRuntime();
        Directory.CreateDirectory(Path.Combine(target, "lib"));
        File.Copy(runtime, Path.Combine(target, "lib", StandaloneProject.RuntimeAssembly), true);
    }

    internal static void Write(string root, IEnumerable<GeneratedFile> files)
    {
        foreach (var f in files)
        {
            var path = Path.Combine(root, f.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path).OrThrow());
            File.WriteAllText(path, f.Text);
        }
    }
}
