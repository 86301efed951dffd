using Batuta.Core.Diagnostics;
using Batuta.Core.Engine;
using Batuta.Core.Phases.Validation;
using Batuta.Core.Workflow;

namespace Batuta.Core.Tests;

/// <summary>
/// Runs the real CPython against a "migrated program" that is a shell script, so each comparison
/// rule (stdout, exit code, stderr shape, written files, file traces, timeout) is exercised for real.
/// </summary>
public class ValidationPhaseTests
{
    private const string Python = "/usr/bin/python3";

    private static PhaseResult Validate(TempProject p, string migratedScript, Action<Dictionary<string, string?>>? configure = null)
    {
        Assert.True(File.Exists(Python), $"{Python} is required: run ./build.sh setup");
        var script = p.Write("bin/migrated.sh", "#!/bin/sh\n" + migratedScript);
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("validation tests run shell scripts");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var settings = p.Settings(d =>
        {
            d["TargetPath"] = script;
            configure?.Invoke(d);
        });
        return new ValidationPhase().Execute(new PhaseContext(settings, WorkflowState.New(), new RecordingReporter()));
    }

    [Fact]
    public void Matching_programs_pass_and_the_timing_ratio_is_recorded()
    {
        using var p = new TempProject();
        p.Write("legacy/main.py", "import sys\nprint('hello', sys.argv[1:])\nprint(input().upper())\n");
        p.Write("stdin.txt", "abc\n");
        var r = Validate(p, "echo \"hello ['x', 'y z']\"\nread line\necho \"$line\" | tr a-z A-Z\n", d =>
        {
            d["BatutaValidationArgs"] = "x;y z";
            d["BatutaValidationStdin"] = "stdin.txt";
        });
        Assert.Null(r.Blocking(JidokaMode.Strict));
        Assert.EndsWith("x", r.Summary["speedup"]);
        Assert.Equal("2", r.Summary["stdout_lines"]);
        Assert.Equal("hello ['x', 'y z']\nABC\n", File.ReadAllText(Path.Combine(p.Directory, "obj", "batuta", "validation", ValidationPhase.ExpectedStdoutFile)));
    }

    [Fact]
    public void Two_runs_that_fail_without_output_match_but_warn_BATUTA_V_006()
    {
        using var p = new TempProject();
        p.Write("legacy/main.py", "import sys\nsys.stderr.write('usage: main.py [-h] command\\n')\nsys.exit(2)\n");
        var r = Validate(p, "echo 'usage: main.py [-h] command' >&2\nexit 2\n", d => d["BatutaValidationArgs"] = "--today 10 batch");
        Assert.Null(r.Blocking(JidokaMode.Standard));
        var d = r.Blocking(JidokaMode.Strict)!;
        Assert.Equal("BATUTA-V-006", d.Code);
        Assert.EndsWith("main.py", d.File);
        Assert.Contains("usage error and exited with code 2", d.Message);
        Assert.Contains("'--today 10 batch'", d.Message);
    }

    [Fact]
    public void A_stdout_difference_is_BATUTA_V_001_with_a_readable_diff_at_the_entry_point()
    {
        using var p = new TempProject();
        p.Write("legacy/main.py", "for i in range(5):\n    print(i * 0.1)\n");
        var r = Validate(p, "printf '0.0\\n0.1\\n0.2\\n0.30000000000000004\\n0.4\\n' | sed 's/0.30000000000000004/0.3/'\n");
        var d = r.Blocking(JidokaMode.Standard)!;
        Assert.Equal("BATUTA-V-001", d.Code);
        Assert.EndsWith("main.py", d.File);
        Assert.Contains("- 0.30000000000000004", d.Message);
        Assert.Contains("+ 0.3", d.Message);
        Assert.Contains("first difference at line 4", d.Message);
    }

    [Fact]
    public void Exit_code_and_stderr_shape_are_compared()
    {
        using var p = new TempProject();
        p.Write("legacy/main.py", "raise ValueError('bad input')\n");
        var wrongCode = Validate(p, "echo 'ValueError: bad input' >&2\nexit 0\n");
        Assert.Contains("exit code", wrongCode.Blocking(JidokaMode.Standard)!.Message);

        var wrongError = Validate(p, "echo 'KeyError: x' >&2\nexit 1\n");
        var d = wrongError.Blocking(JidokaMode.Standard)!;
        Assert.Contains("stderr", d.Message);
        Assert.Contains("- ValueError: bad input", d.Message);

        var same = Validate(p, "echo 'Traceback (most recent call last):' >&2\necho 'ValueError: bad input' >&2\nexit 1\n");
        Assert.Null(same.Blocking(JidokaMode.Strict));
    }

    [Fact]
    public void Files_written_by_the_programs_must_match()
    {
        using var p = new TempProject();
        p.Write("legacy/main.py", "open('out.txt', 'w').write('42\\n')\n");
        Assert.Null(Validate(p, "echo 42 > out.txt\n").Blocking(JidokaMode.Strict));
        var d = Validate(p, "echo 43 > out.txt\n").Blocking(JidokaMode.Standard)!;
        Assert.Contains("set of written files", d.Message);
    }

    [Fact]
    public void A_hanging_program_is_stopped_with_BATUTA_V_005()
    {
        using var p = new TempProject();
        p.Write("legacy/main.py", "print('ok')\n");
        var d = Validate(p, "sleep 30\n", c => c["BatutaValidationTimeout"] = "2").Blocking(JidokaMode.Standard)!;
        Assert.Equal("BATUTA-V-005", d.Code);
        Assert.Contains("migrated", d.Message);
    }

    [Fact]
    public void A_missing_migrated_program_is_BATUTA_V_004()
    {
        using var p = new TempProject();
        p.Write("legacy/main.py", "print('ok')\n");
        var settings = p.Settings(d => d["TargetPath"] = "bin/nothing.dll");
        var r = new ValidationPhase().Execute(new PhaseContext(settings, WorkflowState.New(), new RecordingReporter()));
        Assert.Equal("BATUTA-V-004", r.Blocking(JidokaMode.Standard)!.Code);
    }

    [Fact]
    public void With_tracing_on_a_program_that_reads_a_different_file_is_BATUTA_V_003()
    {
        Assert.True(File.Exists(StraceRunner.Strace), "strace is required for trace validation: run ./build.sh setup");
        using var p = new TempProject();
        p.Write("legacy/main.py", "print(open('a.txt').read().strip())\n");
        p.Write("legacy/a.txt", "same\n");
        p.Write("legacy/b.txt", "same\n");
        Assert.Null(Validate(p, "cat a.txt\n", d => d["BatutaValidationTrace"] = "true").Blocking(JidokaMode.Strict));
        var d = Validate(p, "cat b.txt\n", c => c["BatutaValidationTrace"] = "true").Blocking(JidokaMode.Standard)!;
        Assert.Equal("BATUTA-V-003", d.Code);
        Assert.Contains("read a.txt", d.Message);
        Assert.Contains("read b.txt", d.Message);
    }
}
