using Batuta.Core.Board;
using Batuta.Core.State;
using Microsoft.Build.Framework;

namespace Batuta.Build.Tasks;

/// <summary>Prints the Kanban board at the end of a phased build.</summary>
public sealed class BatutaBoard : Microsoft.Build.Utilities.Task
{
    [Required] public string ProjectDirectory { get; set; } = "";

    public override bool Execute()
    {
        try
        {
            Log.LogMessage(MessageImportance.High, "{0}", KanbanBoard.Render(new StateStore(ProjectDirectory).Load()));
            return true;
        }
        catch (StateFileException e)
        {
            Log.LogError("Batuta", e.Diagnostic.Code, null, e.Diagnostic.File, 0, 0, 0, 0, "{0}", e.Diagnostic.MessageWithHint);
            return false;
        }
    }
}
