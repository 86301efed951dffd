using System.Globalization;
using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;
using Batuta.Core.Phases.Validation;
using Batuta.Core.Workflow;

namespace Batuta.Core.Phases.Deployment;

/// <summary>
/// Phase 5: after <c>dotnet publish</c>, records what was produced (files, size, single-file/native)
/// and smoke-runs the published program against the output Validation accepted.
/// </summary>
public sealed class DeploymentPhase : IPhaseRunner
{
    public WorkflowPhase Phase => WorkflowPhase.Deployment;

    public string ComputeFingerprint(PhaseContext context)
    {
        var dir = context.Settings.PublishDirectory;
        return Fingerprint.Of(f =>
        {
            f.Add("previous", context.PreviousFingerprint(Phase)).Add("publish", dir);
            if (dir is not null && Directory.Exists(dir))
                foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    f.AddFile(dir, file);
        });
    }

    public PhaseResult Execute(PhaseContext context)
    {
        var s = context.Settings;
        var result = new PhaseResult();
        var dir = s.PublishDirectory;
        if (dir is null || !Directory.Exists(dir) || !Directory.EnumerateFiles(dir).Any())
            return result.Add(ErrorCatalog.PublishOutputMissing.Create(dir ?? "(PublishDir not set)").At(s.ProjectFile));

        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToList();
        long bytes = files.Sum(f => new FileInfo(f).Length);
        var (program, kind) = PublishedProgram(dir, s.TargetPath);

        var ci = CultureInfo.InvariantCulture;
        result.Set("publish_dir", Path.GetRelativePath(s.ProjectDirectory, dir).Replace('\\', '/'))
              .Set("files", files.Count.ToString(ci))
              .Set("size", (bytes / 1024.0 / 1024.0).ToString("0.00", ci) + " MiB")
              .Set("kind", kind);

        var expectedPath = Path.Combine(s.IntermediateDirectory, "validation", ValidationPhase.ExpectedStdoutFile);
        if (program is not null && File.Exists(expectedPath))
        {
            if (SmokeRunFailure(context, program, File.ReadAllText(expectedPath)) is { } failure)
                return result.Add(failure);
            result.Set("smoke_run", "output matches validation");
        }
        else
        {
            result.Set("smoke_run", "not run (no program or no validated output)");
        }

        result.Report.Add($"Deployment: {files.Count} file(s), {result.Summary["size"]}, {kind}, in {result.Summary["publish_dir"]}; smoke run: {result.Summary["smoke_run"]}");
        return result;
    }

    /// <summary>The program to smoke-run (the native apphost, else the dll, else none) and how it was published.</summary>
    private static (string? Program, string Kind) PublishedProgram(string dir, string? targetPath)
    {
        if (targetPath is null) return (null, "framework-dependent");
        var name = Path.GetFileNameWithoutExtension(targetPath);
        var native = Path.Combine(dir, name);
        var dll = Path.Combine(dir, name + ".dll");
        bool hasNative = File.Exists(native), hasDll = File.Exists(dll);
        string kind = hasNative && !hasDll ? "single-file/native" : "framework-dependent";
        return (hasNative ? native : hasDll ? dll : null, kind);
    }

    /// <summary>Runs the published program in the sandbox; the diagnostic when it times out or its output differs.</summary>
    private BatutaDiagnostic? SmokeRunFailure(PhaseContext context, string program, string expected)
    {
        var s = context.Settings;
        var (host, args) = ValidationPhase.MigratedCommand(program);
        string? stdin = s.ValidationStdinFile is null ? null : File.ReadAllText(s.ValidationStdinFile);
        var smoke = Sandbox.Run(s.SourceRoot, Path.Combine(context.WorkDirectory(Phase), "smoke"), false, host, [.. args, .. s.ValidationArgs],
            stdin, TimeSpan.FromSeconds(s.ValidationTimeoutSeconds));
        if (!smoke.Process.TimedOut && smoke.Process.StandardOutput == expected) return null;
        return ErrorCatalog.DeploymentSmokeFailed.Create(program,
            smoke.Process.TimedOut ? "timed out" : "its output differs from the validated output\n" + LineDiff.Unified(expected, smoke.Process.StandardOutput)).At(s.ProjectFile);
    }
}
