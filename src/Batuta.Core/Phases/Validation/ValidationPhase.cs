using System.Globalization;
using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;
using Batuta.Core.Phases.Analysis;
using Batuta.Core.Workflow;

namespace Batuta.Core.Phases.Validation;

/// <summary>
/// Phase 4: the original program (CPython) and the migrated one run side by side, each in a fresh
/// copy of the legacy tree, with the same arguments and stdin. Stdout, exit code, the shape of
/// stderr and the files each one wrote must match; optionally the files each one touched (strace).
/// </summary>
public sealed class ValidationPhase : IPhaseRunner
{
    public const string ExpectedStdoutFile = "expected.stdout";

    public WorkflowPhase Phase => WorkflowPhase.Validation;

    public string ComputeFingerprint(PhaseContext context)
    {
        var s = context.Settings;
        return Fingerprint.Of(f =>
        {
            f.Add("previous", context.PreviousFingerprint(Phase)).Add("python", s.PythonPath).Add("args", s.ValidationArgs)
             .Add("timeout", s.ValidationTimeoutSeconds.ToString(CultureInfo.InvariantCulture)).Add("trace", s.ValidationTrace.ToString());
            if (s.ValidationStdinFile is not null) f.AddFile(s.ProjectDirectory, s.ValidationStdinFile);
            if (s.TargetPath is not null) f.AddFile(s.ProjectDirectory, s.TargetPath);
        });
    }

    /// <summary>The diagnostic for the first missing input (entry point, interpreter, migrated program); null when all exist.</summary>
    private static BatutaDiagnostic? MissingInput(ProjectSettings s, string? entry)
    {
        if (entry is null || !File.Exists(entry))
            return ErrorCatalog.EntryPointMissing.Create(entry ?? "(none found)").At(s.ProjectFile);
        if (!File.Exists(s.PythonPath))
            return ErrorCatalog.OriginalFailedToRun.Create(s.PythonPath, "the interpreter does not exist").At(entry);
        if (s.TargetPath is null || !File.Exists(s.TargetPath))
            return ErrorCatalog.MigratedMissing.Create(s.TargetPath ?? "(TargetPath not set)").At(s.ProjectFile);
        return null;
    }

    public PhaseResult Execute(PhaseContext context)
    {
        var s = context.Settings;
        var result = new PhaseResult();
        var files = SourceInventory.List(s.SourceRoot);
        var entry = EntryPointLocator.Locate(s, files);
        if (MissingInput(s, entry) is { } missing)
            return result.Add(missing);
        // MissingInput checked both; OrThrow states it to the compiler.
        entry = entry.OrThrow();
        var target = s.TargetPath.OrThrow();

        string? stdin = s.ValidationStdinFile is null ? null : File.ReadAllText(s.ValidationStdinFile);
        var work = context.WorkDirectory(Phase);
        var timeout = TimeSpan.FromSeconds(s.ValidationTimeoutSeconds);
        string relativeEntry = Path.GetRelativePath(s.SourceRoot, entry);

        context.Reporter.Message($"Validation: running the original with {s.PythonPath} and the migrated build side by side...", important: true);
        var original = Sandbox.Run(s.SourceRoot, Path.Combine(work, "original"), s.ValidationTrace, s.PythonPath, ["-B", relativeEntry, .. s.ValidationArgs],
            stdin, timeout, new Dictionary<string, string?> { ["PYTHONHASHSEED"] = "0", ["PYTHONIOENCODING"] = "utf-8" });
        if (original.Process.TimedOut)
            return result.Add(ErrorCatalog.ValidationTimeout.Create("original", s.ValidationTimeoutSeconds).At(entry));

        var (host, hostArgs) = MigratedCommand(target);
        var migrated = Sandbox.Run(s.SourceRoot, Path.Combine(work, "migrated"), s.ValidationTrace, host, [.. hostArgs, .. s.ValidationArgs], stdin, timeout);
        if (migrated.Process.TimedOut)
            return result.Add(ErrorCatalog.ValidationTimeout.Create("migrated", s.ValidationTimeoutSeconds).At(entry));

        AtomicFile.WriteAllText(Path.Combine(work, ExpectedStdoutFile), original.Process.StandardOutput);
        Compare(result, entry, original, migrated, files);
        // Mistyped arguments make both sides print the same usage error, which matches trivially: say so.
        if (OnlyUsageError(original.Process))
            result.Add(ErrorCatalog.VacuousValidation.Create(original.Process.ExitCode, string.Join(";", s.ValidationArgs)).At(entry));

        var ci = CultureInfo.InvariantCulture;
        double py = original.Process.Elapsed.TotalSeconds, cs = migrated.Process.Elapsed.TotalSeconds;
        result.Set("original_seconds", py.ToString("0.000", ci))
              .Set("migrated_seconds", cs.ToString("0.000", ci))
              .Set("speedup", cs > 0 ? (py / cs).ToString("0.00", ci) + "x" : "n/a")
              .Set("stdout_lines", original.Process.StandardOutput.Count(c => c == '\n').ToString(ci))
              .Set("exit_code", original.Process.ExitCode.ToString(ci));
        if (result.Blocking(s.JidokaMode) is null)
            result.Report.Add(string.Create(ci, $"Validation: outputs match ({original.Process.StandardOutput.Count(c => c == '\n')} stdout lines, exit code {original.Process.ExitCode}); CPython {py:0.000} s, migrated {cs:0.000} s ({(cs > 0 ? py / cs : 0):0.00}x)"));
        return result;
    }

    /// <summary>The program failed, printed nothing on stdout and a usage line on stderr.</summary>
    private static bool OnlyUsageError(ProcessOutcome process) =>
        process.ExitCode != 0 && process.StandardOutput.Length == 0 && IsUsageError(process.StandardError);

    private static bool IsUsageError(string stderr) =>
        stderr.Split('\n').Any(line => line.StartsWith("usage:", StringComparison.OrdinalIgnoreCase));

    private static void Compare(PhaseResult result, string entry, SandboxRun original, SandboxRun migrated, IReadOnlyList<SourceFile> files)
    {
        var o = original.Process;
        var m = migrated.Process;
        if (o.StandardOutput != m.StandardOutput)
            result.Add(ErrorCatalog.OutputMismatch.Create("stdout", LineDiff.Unified(o.StandardOutput, m.StandardOutput)).At(entry));
        if (o.ExitCode != m.ExitCode)
            result.Add(ErrorCatalog.OutputMismatch.Create("exit code", $"- {o.ExitCode}\n+ {m.ExitCode}\n{StderrTail("original", o.StandardError)}{StderrTail("migrated", m.StandardError)}").At(entry));
        else if (StderrShape(o.StandardError) != StderrShape(m.StandardError))
            result.Add(ErrorCatalog.OutputMismatch.Create("stderr", $"- {StderrShape(o.StandardError)}\n+ {StderrShape(m.StandardError)}").At(entry));

        var written = LineDiff.Unified(Describe(original.WrittenFiles), Describe(migrated.WrittenFiles));
        if (!original.WrittenFiles.SequenceEqual(migrated.WrittenFiles))
            result.Add(ErrorCatalog.OutputMismatch.Create("set of written files", written).At(entry));

        if (original.TracedFiles is not null && migrated.TracedFiles is not null)
        {
            var sources = new HashSet<string>(files.Where(f => f.Language is not null).Select(f => f.RelativePath), StringComparer.Ordinal);
            var a = original.TracedFiles.Where(f => !sources.Contains(f.Path)).ToList();
            var b = migrated.TracedFiles.Where(f => !sources.Contains(f.Path)).ToList();
            if (!a.SequenceEqual(b))
                result.Add(ErrorCatalog.TraceDivergence.Create(LineDiff.Unified(string.Join('\n', a), string.Join('\n', b))).At(entry));
        }
    }

    private static string Describe(IReadOnlyList<(string Path, string Hash)> files) => string.Join('\n', files.Select(f => $"{f.Path} {f.Hash[..12]}"));

    /// <summary>Empty, or the last line (for a traceback: the exception type and message).</summary>
    public static string StderrShape(string stderr)
    {
        var last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return last is null ? "(empty)" : last.Trim();
    }

    private static string StderrTail(string who, string stderr) =>
        stderr.Length == 0 ? "" : $"{who} stderr: {StderrShape(stderr)}\n";

    /// <summary>The apphost next to the DLL when there is one, else <c>dotnet exec</c>.</summary>
    public static (string Host, string[] Args) MigratedCommand(string targetPath)
    {
        var apphost = Path.ChangeExtension(targetPath, null);
        if (targetPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(apphost)) return (apphost, []);
        if (!targetPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) return (targetPath, []);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
        return (dotnet, ["exec", targetPath]);
    }
}
