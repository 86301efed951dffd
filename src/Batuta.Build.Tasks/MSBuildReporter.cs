using Batuta.Core.Diagnostics;
using Batuta.Core.Workflow;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Batuta.Build.Tasks;

/// <summary>Turns engine events into MSBuild messages, warnings and errors (with code, file and line).</summary>
internal sealed class MSBuildReporter(TaskLoggingHelper log) : IWorkflowReporter
{
    public bool HadError { get; private set; }

    public void Message(string text, bool important = false) =>
        log.LogMessage(important ? MessageImportance.High : MessageImportance.Normal, "{0}", text);

    public void Diagnostic(BatutaDiagnostic d)
    {
        string message = d.MessageWithHint;
        switch (d.Severity)
        {
            case DiagnosticSeverity.Error:
                HadError = true;
                log.LogError("Batuta", d.Code, null, null, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, "{0}", message);
                break;
            case DiagnosticSeverity.Warning:
                log.LogWarning("Batuta", d.Code, null, null, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, "{0}", message);
                break;
            default:
                log.LogMessage("Batuta", d.Code, null, d.File, d.Line, d.Column, d.EndLine, d.EndColumn, MessageImportance.High, "{0}", message);
                break;
        }
    }

    public void PhaseFinished(WorkflowPhase phase, PhaseOutcome outcome, TimeSpan elapsed) { }
}
