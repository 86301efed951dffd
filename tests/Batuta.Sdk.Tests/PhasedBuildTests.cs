namespace Batuta.Sdk.Tests;

/// <summary>
/// Real <c>dotnet build</c>s of throwaway projects through the packed Batuta.Sdk. A shell-script
/// program has no transpiler (BATUTA-T-001), which gives a failure that stops the line at a known phase.
/// </summary>
[Collection("sdk")]
public class PhasedBuildTests
{
    private const string ShellProgram = "#!/bin/sh\n# a legacy shell program\necho hello\n";

    [Fact]
    public void Phases_run_in_order_and_a_failed_phase_stops_the_line_with_code_file_and_board()
    {
        using var p = new ConsumerProject("Order");
        p.Write("legacy/main.sh", ShellProgram);
        var build = p.Build();
        var log = build.StandardOutput;

        Assert.NotEqual(0, build.ExitCode);
        int analysis = log.IndexOf("Analysis: running", StringComparison.Ordinal);
        int transpile = log.IndexOf("Transpilation: running", StringComparison.Ordinal);
        Assert.True(analysis >= 0 && transpile > analysis, log);
        Assert.DoesNotContain("Optimization: running", log);
        Assert.Matches(@"legacy/main\.sh : Batuta error BATUTA-T-001: No transpiler is available for Shell", log);
        Assert.Contains("✓ Analysis", log);
        Assert.Contains("✗ Transpilation", log);
        Assert.Contains("○ Validation", log);

        var state = p.State();
        Assert.Equal("Completed", state["Analysis"].Status);
        Assert.Equal(("Failed", "BATUTA-T-001"), (state["Transpilation"].Status, state["Transpilation"].Code));
        Assert.All(new[] { "Optimization", "Validation", "Deployment" }, ph => Assert.Equal("NotStarted", state[ph].Status));
    }

    [Fact]
    public void A_no_change_rebuild_does_no_analysis_work_and_says_so()
    {
        using var p = new ConsumerProject("Incremental");
        p.Write("legacy/main.sh", ShellProgram);
        p.Build();
        var started = p.StartedAt("Analysis");
        var second = p.Build("--no-restore");
        Assert.Contains("Analysis up to date", second.StandardOutput);
        Assert.DoesNotContain("Analysis: running", second.StandardOutput);
        Assert.Equal(started, p.StartedAt("Analysis"));

        p.Write("legacy/main.sh", ShellProgram + "echo changed\n");
        Assert.Contains("Analysis: running", p.Build("--no-restore").StandardOutput);
    }

    [Fact]
    public void A_missing_source_root_fails_analysis_then_a_fix_recovers()
    {
        using var p = new ConsumerProject("Recovery", "<BatutaSourceRoot>old-code/</BatutaSourceRoot>");
        var failed = p.Build();
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("BATUTA-A-001", failed.StandardOutput);
        Assert.Contains("old-code", failed.StandardOutput);
        var state = p.State();
        Assert.Equal(("Failed", "BATUTA-A-001"), (state["Analysis"].Status, state["Analysis"].Code));
        Assert.Equal("NotStarted", state["Transpilation"].Status);

        p.Write("old-code/main.sh", ShellProgram);
        var fixedBuild = p.Build("--no-restore");
        Assert.Contains("Analysis completed", fixedBuild.StandardOutput);
        Assert.Equal("Completed", p.State()["Analysis"].Status);
    }

    [Fact]
    public void A_corrupt_state_file_is_a_clear_error_and_batuta_reset_is_the_way_out()
    {
        using var p = new ConsumerProject("Corrupt");
        p.Write("legacy/main.sh", ShellProgram);
        File.WriteAllText(p.StatePath, "{ \"phases\": [ oops");
        var build = p.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("BATUTA-Q-002", build.StandardOutput);
        Assert.Contains("batuta reset", build.StandardOutput);
        Assert.Equal("{ \"phases\": [ oops", File.ReadAllText(p.StatePath));

        var status = p.Batuta("status");
        Assert.Equal(1, status.ExitCode);
        Assert.Contains("BATUTA-Q-002", status.StandardError);

        Assert.Equal(0, p.Batuta("reset", "--yes").ExitCode);
        p.Build("--no-restore");
        Assert.Equal("Completed", p.State()["Analysis"].Status);
    }

    [Fact]
    public void A_deleted_state_file_is_recreated_and_the_phases_rerun()
    {
        using var p = new ConsumerProject("Missing");
        p.Write("legacy/main.sh", ShellProgram);
        p.Build();
        File.Delete(p.StatePath);
        var again = p.Build("--no-restore");
        Assert.Contains("Analysis: running", again.StandardOutput);
        Assert.Equal("Completed", p.State()["Analysis"].Status);
    }

    [Fact]
    public async Task Two_builds_at_once_serialise_on_the_state_lock_and_leave_a_valid_state()
    {
        using var p = new ConsumerProject("Concurrent");
        p.Write("legacy/main.sh", ShellProgram);
        Assert.Equal(0, SdkHarness.Dotnet(p.Directory, "restore", "-nologo").ExitCode);
        var builds = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => p.Build("--no-restore"))));
        foreach (var b in builds)
        {
            Assert.Contains("BATUTA-T-001", b.StandardOutput); // each build reached the same honest end
            Assert.DoesNotContain("BATUTA-Q-00", b.StandardOutput);
        }
        var state = p.State();
        Assert.Equal("Completed", state["Analysis"].Status);
        Assert.Equal("Failed", state["Transpilation"].Status);
        Assert.Empty(Directory.GetFiles(p.Directory, "*.tmp"));
    }

    [Fact]
    public void The_cli_and_the_msbuild_path_produce_the_same_state()
    {
        using var p = new ConsumerProject("SameState", "<BatutaEntryPoint>legacy/main.sh</BatutaEntryPoint>");
        p.Write("legacy/main.sh", ShellProgram);
        p.Write("legacy/util.py", "def f(x):\n    return x + 1\n");
        p.Build();
        var viaMsbuild = p.State();

        Assert.Equal(0, p.Batuta("reset", "--yes").ExitCode);
        Assert.All(p.State().Values, s => Assert.Equal("NotStarted", s.Status));
        Assert.Equal(0, p.Batuta("analyze").ExitCode);
        Assert.Equal(1, p.Batuta("transpile").ExitCode);
        var viaCli = p.State();
        Assert.Equal(viaMsbuild, viaCli);

        // And back: the build sees the CLI's Analysis as its own.
        Assert.Contains("Analysis up to date", p.Build("--no-restore").StandardOutput);
    }

    [Fact]
    public void Resetting_one_phase_clears_it_and_the_later_ones_only()
    {
        using var p = new ConsumerProject("ResetPhase");
        p.Write("legacy/main.sh", ShellProgram);
        p.Build();
        var r = p.Batuta("reset", "--phase", "transpilation", "--yes");
        Assert.Equal(0, r.ExitCode);
        var s = p.State();
        Assert.Equal("Completed", s["Analysis"].Status);
        Assert.Equal("NotStarted", s["Transpilation"].Status);
    }

    [Fact]
    public void An_invalid_setting_is_BATUTA_Q_006_at_the_project_file()
    {
        using var p = new ConsumerProject("BadSetting", "<BatutaJidokaMode>extreme</BatutaJidokaMode>");
        p.Write("legacy/main.sh", ShellProgram);
        var build = p.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"BadSetting\.csproj : Batuta error BATUTA-Q-006: BatutaJidokaMode has the invalid value 'extreme'", build.StandardOutput);
    }

    [Fact]
    public void A_batuta_project_is_also_an_ordinary_csharp_project()
    {
        using var p = new ConsumerProject("PlainCSharp", """
            <BatutaEnableAnalysis>false</BatutaEnableAnalysis>
            <BatutaEnableTranspilation>false</BatutaEnableTranspilation>
            <BatutaEnableOptimization>false</BatutaEnableOptimization>
            <BatutaEnableValidation>false</BatutaEnableValidation>
            """);
        p.Write("Program.cs", "System.Console.WriteLine(\"plain C# \" + (6 * 7));\n");
        var build = p.Build();
        Assert.True(build.ExitCode == 0, build.StandardOutput);
        Assert.Contains("Analysis skipped", build.StandardOutput + build.StandardError);
        var run = SdkHarness.Dotnet(p.Directory, "run", "--no-build");
        Assert.Equal("plain C# 42\n", run.StandardOutput);
    }
}
