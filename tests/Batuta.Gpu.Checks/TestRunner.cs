using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Batuta.Gpu.Checks;

/// <summary>
/// Runs xunit [Fact]s (and backend-parameterised [Theory]s) by reflection: one instance per test, as
/// xunit does, an exception is a failure. There is no test host on the GPU machine, only a runtime.
/// </summary>
internal sealed class TestRunner(TextWriter log, string? nameFilter = null)
{
    public List<(string Name, bool Passed, double Seconds, string Message)> Results { get; } = [];

    /// <summary>With <see cref="Budget"/>: tests not started within the budget are listed as not run.</summary>
    public Stopwatch? Deadline { get; init; }

    public TimeSpan Budget { get; init; } = TimeSpan.MaxValue;

    public int NotRun { get; private set; }

    /// <summary>Trace warnings written while a test runs (a GPU kernel that fell back to the CPU says so there).</summary>
    private readonly WarningCollector _warnings = Install();

    private static WarningCollector Install()
    {
        var c = new WarningCollector();
        Trace.Listeners.Add(c);
        return c;
    }

    public void RunFacts(Type type, Action? beforeEach = null)
    {
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.MetadataToken))
        {
            var fact = method.GetCustomAttributes().FirstOrDefault(a => a.GetType().FullName == "Xunit.FactAttribute");
            if (fact is null || method.GetParameters().Length != 0) continue;
            if (fact.GetType().GetProperty("Skip")?.GetValue(fact) is string skip && skip.Length > 0) continue;
            beforeEach?.Invoke();
            Run($"{type.Name}.{method.Name}", type, method, []);
        }
    }

    /// <summary>Every [Theory] of <paramref name="type"/> whose only parameter is the backend name, run with <paramref name="backend"/>.</summary>
    public void RunBackendTheories(Type type, string backend)
    {
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.MetadataToken))
        {
            if (!method.GetCustomAttributes().Any(a => a.GetType().FullName == "Xunit.TheoryAttribute")) continue;
            var ps = method.GetParameters();
            if (ps.Length != 1 || ps[0].ParameterType != typeof(string) || ps[0].Name != "backend") continue;
            Run($"{type.Name}.{method.Name}({backend})", type, method, [backend]);
        }
    }

    private void Run(string name, Type type, MethodInfo method, object[] args)
    {
        if (nameFilter is not null && !name.Contains(nameFilter, StringComparison.OrdinalIgnoreCase)) return;
        if (Deadline is not null && Deadline.Elapsed > Budget)
        {
            NotRun++;
            log.WriteLine($"  skip {name} (time budget of {Budget.TotalSeconds:F0} s used)");
            return;
        }
        _warnings.Clear();
        var sw = Stopwatch.StartNew();
        string message = "";
        bool passed;
        object? instance = null;
        try
        {
            instance = Activator.CreateInstance(type);
            method.Invoke(instance, args);
            passed = true;
        }
        catch (Exception ex)
        {
            passed = false;
            var inner = ex is TargetInvocationException { InnerException: { } ie } ? ie : ex;
            message = $"{inner.GetType().Name}: {inner.Message}";
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
        sw.Stop();
        var warnings = _warnings.Take();
        if (warnings.Count > 0)
            message = (message.Length > 0 ? message + " / " : "") + $"{warnings.Count} warning(s): " + string.Join(" / ", warnings.Select(w => OneLine(w, 160)).Distinct().Take(3));
        Results.Add((name, passed, sw.Elapsed.TotalSeconds, message));
        log.WriteLine($"  {(passed ? "pass" : "FAIL")} {name} ({sw.Elapsed.TotalSeconds:F2} s){(message.Length == 0 ? "" : " -- " + OneLine(message, 400))}");
        log.Flush();
    }

    public static string OneLine(string s, int max)
    {
        s = s.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "/", StringComparison.Ordinal);
        return s.Length <= max ? s : s[..max] + "…";
    }

    public string Markdown(string title)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"### {title}: {Results.Count(r => r.Passed)} passed, {Results.Count(r => !r.Passed)} failed{(NotRun > 0 ? $", {NotRun} not run (time budget)" : "")}");
        sb.AppendLine();
        sb.AppendLine("| test | result | s | message |");
        sb.AppendLine("|---|---|---:|---|");
        foreach (var r in Results)
            sb.AppendLine($"| {r.Name} | {(r.Passed ? "pass" : "**FAIL**")} | {r.Seconds:F2} | {OneLine(r.Message, 300)} |");
        return sb.ToString();
    }
}

internal sealed class WarningCollector : TraceListener
{
    private readonly List<string> _lines = [];

    public void Clear()
    {
        lock (_lines) _lines.Clear();
    }

    public List<string> Take()
    {
        lock (_lines)
        {
            var copy = _lines.ToList();
            _lines.Clear();
            return copy;
        }
    }

    public override void Write(string? message) { }

    public override void WriteLine(string? message)
    {
        if (message is null) return;
        lock (_lines) _lines.Add(message);
    }

    public override void TraceEvent(TraceEventCache? eventCache, string source, TraceEventType eventType, int id, string? message)
    {
        if (eventType <= TraceEventType.Warning && message is not null)
            lock (_lines) _lines.Add(message);
    }
}
