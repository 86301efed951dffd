namespace Batuta.Tensors.Tests;

/// <summary>
/// Tests that flip JidokaGuard.Enabled, a process-wide switch. They run alone (no other test class in
/// parallel): with the switch on, another class's deliberate NaN (the mean of an empty tensor) would stop.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class JidokaGuardSwitchCollection
{
    public const string Name = "JidokaGuard's process-wide switch";
}

[Collection(JidokaGuardSwitchCollection.Name)]
public class JidokaGuardSwitchTests
{
    [Fact]
    public void JidokaGuard_enabled_stops_the_operation_that_produced_a_NaN()
    {
        bool saved = JidokaGuard.Enabled;
        try
        {
            JidokaGuard.Enabled = true;
            using var x = Tensor.Create(new[] { 1.0, -1.0, 4.0 });
            using var ok = x.Exp();
            var ex = Assert.Throws<JidokaViolationException>(() => x.Sqrt());
            Assert.Equal("sqrt", ex.Operation);
            Assert.Equal(1, ex.FlatIndex);
        }
        finally
        {
            JidokaGuard.Enabled = saved;
        }
    }
}
