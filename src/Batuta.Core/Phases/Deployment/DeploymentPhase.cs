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
        var name = s.TargetPath is null ? null : Path.GetFileNameWithoutExtension(s.TargetPath);
        var native = name is null ? null : Path.Combine(dir, name);
        var dll = name is null ? null : Path.Combine(dir, name + ".dll");
        string kind = native is not null && File.Exists(native) && (dll is null || !File.Exists(dll)) ? "single-file/native" : "framework-dependent";

        var ci = CultureInfo.InvariantCulture;
        result.Set("publish_dir", Path.GetRelativePath(s.ProjectDirectory, dir).Replace('\\', '/'))
              .Set("files", files.Count.ToString(ci))
              .Set("size", (bytes / 1024.0 / 1024.0).ToString("0.00", ci) + " MiB")
              .Set("kind", kind);

        var expectedPath = Path.Combine(s.IntermediateDirectory, "validation", ValidationPhase.ExpectedStdoutFile);
        string? program = native is not null && File.Exists(native) ? native : dll is not null && File.Exists(dll) ? dll : null;
        if (program is not null && File.Exists(expectedPath))
        {
            var (host, args) = ValidationPhase.MigratedCommand(program);
            string? stdin = s.ValidationStdinFile is null ? null : File.ReadAllText(s.ValidationStdinFile);
            var smoke = Sandbox.Run(s.SourceRoot, Path.Combine(context.WorkDirectory(Phase), "smoke"), false, host, [.. args, .. s.ValidationArgs],
                stdin, TimeSpan.FromSeconds(s.ValidationTimeoutSeconds));
            var expected = File.ReadAllText(expectedPath);
            if (smoke.Process.TimedOut || smoke.Process.StandardOutput != expected)
                return result.Add(ErrorCatalog.DeploymentSmokeFailed.Create(program,
                    smoke.Process.TimedOut ? "timed out" : "its output differs from the validated output\n" + LineDiff.Unified(expected, smoke.Process.StandardOutput)).At(s.ProjectFile));
            result.Set("smoke_run", "output matches validation");
        }
        else
        {
            result.Set("smoke_run", "not run (no program or no validated output)");
        }

        result.Report.Add($"Deployment: {files.Count} file(s), {result.Summary["size"]}, {kind}, in {result.Summary["publish_dir"]}; smoke run: {result.Summary["smoke_run"]}");
        return result;
    }
}
