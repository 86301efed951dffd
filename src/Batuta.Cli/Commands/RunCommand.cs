using System.Diagnostics;
using Batuta.Cli.Infrastructure;
using Batuta.Core;
using Batuta.Transpiler;
using Batuta.Transpiler.Projects;

namespace Batuta.Cli.Commands;

/// <summary>
/// <c>batuta run script.py [args]</c>: transpiles, compiles (cached by content hash under
/// ~/.cache/batuta/run) and runs the script, passing arguments, stdin and the exit code through.
/// </summary>
public sealed class RunCommand : ICommand
{
    public string Name => "run";
    public string Summary => "Transpile, compile (cached) and run a Python script as .NET";
    public string Usage => "batuta run <script.py> [args...]";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        if (args.Count == 0) throw new UsageException("name the Python script to run");
        var script = args[0];
        var scriptArgs = args.Skip(1).ToList();
        if (scriptArgs.FirstOrDefault() == "--") scriptArgs.RemoveAt(0);
        if (!File.Exists(script)) throw new UsageException($"{script} does not exist");

        var (_, entry, files) = PythonSources.Load(script);
        var name = StandaloneProject.ProjectName(script);
        // The key covers the exact transpiler build (its module version id) and runtime bytes, so a rebuilt Batuta never
        // reuses a program compiled by an older one.
        var toolchain = $"{PythonTranspiler.Version}/{typeof(PythonTranspiler).Assembly.ManifestModule.ModuleVersionId}/{PythonSources.FileHash(PythonSources.LocateRuntime())}";
        var hash = PythonSources.Hash(files, entry, toolchain);
        var dir = Path.Combine(CacheRoot(), "run", hash);
        var dll = Path.Combine(dir, "out", name + ".dll");

        if (!File.Exists(dll) && !Compile(script, files, entry, name, dir, dll, console)) return ExitCodes.Failed;
        return Execute(dll, scriptArgs, console);
    }

    /// <summary>$BATUTA_CACHE_DIR, else $XDG_CACHE_HOME/batuta, else ~/.cache/batuta.</summary>
    private static string CacheRoot() =>
        Environment.GetEnvironmentVariable("BATUTA_CACHE_DIR") is { Length: > 0 } c ? c
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x ? x : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "batuta");

    /// <summary>
    /// Transpiles into <paramref name="dir"/> (replacing a stale attempt) and builds <paramref name="dll"/>.
    /// False when the transpiler reported errors; a C# build failure throws, since that is a Batuta bug.
    /// </summary>
    private static bool Compile(string script, List<(string Path, string Text)> files, string entry, string name, string dir, string dll, CliConsole console)
    {
        var result = PythonTranspiler.Transpile(files, new TranspileOptions { EntryModule = entry, RootNamespace = name });
        foreach (var d in result.Diagnostics.Where(d => d.Severity != TranspilerSeverity.Info)) console.Error.WriteLine(d.Format());
        if (result.HasErrors) return false;
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        EjectCommand.Write(dir, StandaloneProject.Create(name, result, entry));
        Directory.CreateDirectory(Path.Combine(dir, "lib"));
        File.Copy(PythonSources.LocateRuntime(), Path.Combine(dir, "lib", StandaloneProject.RuntimeAssembly), true);
        var build = ProcessRunner.Run(MSBuildProperties.DotnetHost(), ["build", Path.Combine(dir, name + ".csproj"), "-c", "Release", "-o", Path.Combine(dir, "out"), "-nologo", "-v", "q", "-nr:false"],
            dir, null, TimeSpan.FromMinutes(5));
        if (build.ExitCode != 0 || !File.Exists(dll))
        {
            console.Error.WriteLine((build.StandardOutput + build.StandardError).Trim());
            throw new CliFailureException($"the migrated C# for {script} did not compile (kept in {dir}); please report it");
        }
        return true;
    }

    /// <summary>Runs the compiled script in the caller's folder with its arguments; its exit code is ours.</summary>
    private static int Execute(string dll, List<string> scriptArgs, CliConsole console)
    {
        var psi = new ProcessStartInfo(MSBuildProperties.DotnetHost()) { UseShellExecute = false, WorkingDirectory = Environment.CurrentDirectory };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(dll);
        foreach (var a in scriptArgs) psi.ArgumentList.Add(a);
        console.Out.Flush();
        using var p = Process.Start(psi) ?? throw new CliFailureException("could not start dotnet");
        p.WaitForExit();
        return p.ExitCode;
    }
}
