using Batuta.Core.State;
using Batuta.Core.Workflow;

namespace Batuta.Core.Tests;

public class StateStoreTests
{
    [Fact]
    public void Missing_file_loads_a_fresh_state()
    {
        using var p = new TempProject();
        var s = new StateStore(p.Directory).Load();
        Assert.All(s.Phases.Values, i => Assert.Equal(PhaseStatus.NotStarted, i.Status));
    }

    [Fact]
    public void Save_then_load_round_trips_in_the_documented_shape()
    {
        using var p = new TempProject();
        var store = new StateStore(p.Directory);
        var s = WorkflowState.New();
        s.Start(WorkflowPhase.Analysis, DateTimeOffset.UnixEpoch);
        s.Complete(WorkflowPhase.Analysis, DateTimeOffset.UnixEpoch.AddSeconds(2), "abc", new Dictionary<string, string> { ["files"] = "3" });
        store.Save(s);

        var json = File.ReadAllText(store.StatePath);
        Assert.Contains("\"current_phase\": \"Transpilation\"", json);
        Assert.Contains("\"status\": \"Completed\"", json);
        Assert.Contains("\"started_at\"", json);
        Assert.Contains("\"completed_at\"", json);
        Assert.Contains("\"duration\": 2", json);
        Assert.Contains("\"error\": null", json);

        var back = store.Load();
        Assert.Equal(PhaseStatus.Completed, back[WorkflowPhase.Analysis].Status);
        Assert.Equal("abc", back[WorkflowPhase.Analysis].Fingerprint);
        Assert.Equal("3", back[WorkflowPhase.Analysis].Summary["files"]);
        Assert.Empty(Directory.GetFiles(p.Directory, "*.tmp"));
    }

    [Theory]
    [InlineData("{ \"phases\": { \"Analysis\": { \"status\": \"Complet")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{ \"phases\": { \"Analysis\": { \"status\": \"Sleeping\" } } }")]
    [InlineData("{ \"version\": 99 }")]
    public void A_corrupt_file_is_a_clear_error_with_a_way_out_and_is_left_untouched(string content)
    {
        using var p = new TempProject();
        var store = new StateStore(p.Directory);
        File.WriteAllText(store.StatePath, content);
        var e = Assert.Throws<StateFileException>(() => store.Load());
        Assert.Equal("BATUTA-Q-002", e.Diagnostic.Code);
        Assert.Contains("batuta reset", e.Diagnostic.Hint);
        Assert.Equal(content, File.ReadAllText(store.StatePath));
    }

    [Fact]
    public void A_hand_edited_file_missing_phases_is_completed_on_load()
    {
        using var p = new TempProject();
        var store = new StateStore(p.Directory);
        File.WriteAllText(store.StatePath, "{ \"current_phase\": null, \"phases\": { \"Analysis\": { \"status\": \"Completed\" } } }");
        var s = store.Load();
        Assert.Equal(PhaseStatus.Completed, s[WorkflowPhase.Analysis].Status);
        Assert.Equal(PhaseStatus.NotStarted, s[WorkflowPhase.Deployment].Status);
    }

    [Fact]
    public void The_lock_is_exclusive_and_a_second_taker_times_out_with_BATUTA_Q_003()
    {
        using var p = new TempProject();
        var store = new StateStore(p.Directory);
        using (store.Lock(TimeSpan.FromSeconds(1)))
        {
            bool waited = false;
            // A second open from another thread of the same process: .NET enforces FileShare.None in-process too.
            var e = Assert.Throws<StateFileException>(() => store.Lock(TimeSpan.FromMilliseconds(300), () => waited = true));
            Assert.Equal("BATUTA-Q-003", e.Diagnostic.Code);
            Assert.True(waited);
        }
        using (store.Lock(TimeSpan.FromSeconds(1))) { } // released: can be taken again
    }

    [Fact]
    public void Concurrent_writers_under_the_lock_never_leave_a_torn_file()
    {
        using var p = new TempProject();
        var store = new StateStore(p.Directory);
        store.Save(WorkflowState.New());
        Parallel.For(0, 40, i =>
        {
            using var _ = store.Lock(TimeSpan.FromSeconds(30));
            var s = store.Load();
            var phase = WorkflowPhases.All[i % 5];
            s.Start(phase, DateTimeOffset.UtcNow);
            store.Save(s);
        });
        store.Load(); // parses
        Assert.Empty(Directory.GetFiles(p.Directory, "*.tmp"));
    }
}
