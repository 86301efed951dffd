using System.Text.Json;
using Batuta.Core.Workflow;

namespace Batuta.Core.State;

/// <summary>The state file's JSON shape, for front-ends that print it (<c>batuta status --format json</c>).</summary>
public static class StateJson
{
    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, StateJsonContext.Readable.WorkflowState);
}
