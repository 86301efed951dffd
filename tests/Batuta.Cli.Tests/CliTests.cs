using Batuta.Cli;
using Batuta.Cli.Infrastructure;
using Batuta.Core.State;
using Batuta.Core.Workflow;

namespace Batuta.Cli.Tests;

/// <summary>The CLI in-process, with captured console streams, over real project folders.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "batuta-cli-tests", Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(string stdin, bool interactive, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(args, new CliConsole(o, e, new StringReader(stdin), interactive));
        return (code, o.ToString(), e.ToString());
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => Run("", false, args);

    private void SeedState(Action<WorkflowState> edit)
    {
        var s = WorkflowState.New();
        edit(s);
        new StateStore(_dir).Save(s);
    }

    [Fact]
    public void No_arguments_or_an_unknown_command_or_option_exit_with_2()
    {
        Assert.Equal(2, Run().Code);
        var unknown = Run("frobnicate");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("unknown command 'frobnicate'", unknown.Err);
        var badOption = Run("status", _dir, "--colour");
        Assert.Equal(2, badOption.Code);
        Assert.Contains("unknown option '--colour'", badOption.Err);
        Assert.Contains("usage: batuta status", badOption.Err);
        Assert.Equal(2, Run("status", _dir, "--format", "yaml").Code);
        Assert.Equal(2, Run("status", Path.Combine(_dir, "nope")).Code);
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (var c in new[] { "status", "reset", "analyze", "transpile", "optimize", "validate", "build" })
            Assert.Contains(c, output);
    }

    [Fact]
    public void Run_help_before_the_script_is_Batutas_and_after_it_belongs_to_the_script()
    {
        var own = Run("run", "--help");
        Assert.Equal(0, own.Code);
        Assert.Contains("usage: batuta run", own.Out);
        // After the script, --help is passed through (argparse in the script answers it): here the script is
        // missing, so the command itself runs and reports that instead of printing Batuta's help.
        var passed = Run("run", Path.Combine(_dir, "missing.py"), "--help");
        Assert.Equal(2, passed.Code);
        Assert.Contains("does not exist", passed.Err);
        Assert.DoesNotContain("usage: batuta run", passed.Out);
    }

    [Fact]
    public void Status_prints_the_board_with_times_and_errors()
    {
        var t = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        SeedState(s =>
        {
            s.Start(WorkflowPhase.Analysis, t);
            s.Complete(WorkflowPhase.Analysis, t.AddSeconds(2), "fp");
            s.Start(WorkflowPhase.Transpilation, t.AddSeconds(3));
            s.Fail(WorkflowPhase.Transpilation, t.AddSeconds(4), "BATUTA-T-002", "legacy/main.py(3): invalid syntax");
        });
        var (code, output, _) = Run("status", _dir);
        Assert.Equal(0, code);
        Assert.Contains("Batuta workflow 20% complete", output);
        Assert.Contains("✓ Analysis      completed       2.00 s", output);
        Assert.Contains("✗ Transpilation FAILED", output);
        Assert.Contains("BATUTA-T-002", output);
        Assert.Contains("legacy/main.py(3): invalid syntax", output);
        Assert.Contains("2026-11-25 10:00:00Z", output);
        Assert.Contains("○ Deployment", output);
    }

    [Fact]
    public void Status_json_is_the_state_file_shape()
    {
        SeedState(_ => { });
        var (code, output, _) = Run("status", _dir, "--format", "json");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(5, doc.RootElement.GetProperty("phases").EnumerateObject().Count());
        Assert.Equal("NotStarted", doc.RootElement.GetProperty("phases").GetProperty("Validation").GetProperty("status").GetString());
    }

    [Fact]
    public void Reset_asks_when_interactive_refuses_without_yes_when_not_and_resets_with_yes()
    {
        SeedState(s => { s.Start(WorkflowPhase.Analysis, DateTimeOffset.UnixEpoch); s.Complete(WorkflowPhase.Analysis, DateTimeOffset.UnixEpoch, "fp"); });

        var refused = Run("", false, "reset", _dir);
        Assert.Equal(2, refused.Code);
        Assert.Contains("--yes", refused.Err);

        var declined = Run("n\n", true, "reset", _dir);
        Assert.Equal(0, declined.Code);
        Assert.Equal(PhaseStatus.Completed, new StateStore(_dir).Load()[WorkflowPhase.Analysis].Status);

        var accepted = Run("y\n", true, "reset", _dir);
        Assert.Equal(0, accepted.Code);
        Assert.Equal(PhaseStatus.NotStarted, new StateStore(_dir).Load()[WorkflowPhase.Analysis].Status);
    }

    [Fact]
    public void Reset_yes_repairs_a_corrupt_state_file_that_status_reports_with_exit_1()
    {
        File.WriteAllText(Path.Combine(_dir, StateStore.FileName), "\u0000\u0001garbage");
        var status = Run("status", _dir);
        Assert.Equal(1, status.Code);
        Assert.Contains("BATUTA-Q-002", status.Err);
        Assert.Equal(0, Run("reset", _dir, "--yes").Code);
        Assert.Equal(0, Run("status", _dir).Code);
    }

    [Fact]
    public void A_phase_command_on_a_folder_without_a_project_file_is_a_usage_error()
    {
        var (code, _, err) = Run("analyze", _dir);
        Assert.Equal(2, code);
        Assert.Contains("exactly one .csproj", err);
    }

    [Fact]
    public void Arguments_parse_values_flags_equals_and_pass_through()
    {
        var a = CliArguments.Parse(["x", "--format=json", "-c", "Release", "--yes", "--", "--not-an-option"],
            new HashSet<string> { "--format", "-c" }, new HashSet<string> { "--yes" });
        Assert.Equal(["x"], a.Positionals);
        Assert.Equal("json", a.Option("--format"));
        Assert.Equal("Release", a.Option("-c"));
        Assert.True(a.Flag("--yes"));
        Assert.Equal(["--not-an-option"], a.PassThrough);
        Assert.Throws<UsageException>(() => CliArguments.Parse(["--format"], new HashSet<string> { "--format" }, new HashSet<string>()));
    }

    [Fact]
    public void Python_ast_dump_prints_cpython_format_and_exits_1_on_a_syntax_error()
    {
        var good = Path.Combine(_dir, "good.py");
        File.WriteAllText(good, "x = 1 + 2\n");
        var ok = Run("python", "ast-dump", good);
        Assert.Equal(0, ok.Code);
        Assert.Equal("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[])\n", ok.Out);

        var bad = Path.Combine(_dir, "bad.py");
        File.WriteAllText(bad, "x = 1\nif x\n    pass\n");
        var err = Run("python", "ast-dump", bad);
        Assert.Equal(1, err.Code);
        Assert.Contains(":2:", err.Err);
        Assert.Contains("expected ':'", err.Err);
        Assert.Equal(2, Run("python", "dump", good).Code);
    }
}
