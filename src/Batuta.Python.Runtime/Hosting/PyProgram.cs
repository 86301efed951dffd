using System.Text;

namespace Batuta.Python.Runtime;

/// <summary>
/// The <c>Main</c> of a migrated program: sets <c>sys.argv</c>, runs the entry module, and maps
/// <c>sys.exit</c> and uncaught exceptions to CPython's behaviour (traceback on stderr ending with
/// <c>ExceptionType: message</c>, exit code 1).
/// </summary>
public static class PyProgram
{
    public static int Run(string scriptName, string[] args, Action main)
    {
        Sys.Argv = new PyList<string>([scriptName, .. args]);
        Sys.ScriptName = scriptName;
        int code;
        try
        {
            // Deep recursion in Python programs: run on a thread with a large stack.
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                try { main(); }
                catch (Exception e) { failure = e; }
            }, 512 * 1024 * 1024);
            thread.Start();
            thread.Join();
            if (failure is not null) throw failure;
            code = 0;
        }
        catch (SystemExit e)
        {
            code = ExitCode(e);
        }
        catch (Exception e)
        {
            SafeFlush();
            Sys.StderrWriter.Write(Traceback(e, scriptName));
            code = 1;
        }
        SafeFlush();
        return code;
    }

    private static void SafeFlush()
    {
        try { Sys.StdoutWriter.Flush(); }
        catch (IOException) { }
    }

    private static int ExitCode(SystemExit e)
    {
        var c = e.Code;
        switch (c)
        {
            case null: return 0;
            case PyInt i: return (int)(long)i;
            case long l: return (int)l;
            case int n: return n;
            case bool b: return b ? 1 : 0;
            default:
                SafeFlush();
                Sys.StderrWriter.Write(Str.Of(c) + "\n");
                return 1;
        }
    }

    /// <summary>The traceback CPython prints: the chain of causes, then "Type: message" (see <see cref="TracebackFormatter"/>).</summary>
    public static string Traceback(Exception e, string scriptName) => TracebackFormatter.Format(e, scriptName);
}

/// <summary>Marks a user exception whose traceback name has no module prefix.</summary>
public interface IPyBuiltinName { }
