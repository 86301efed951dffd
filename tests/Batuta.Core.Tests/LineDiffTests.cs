namespace Batuta.Core.Tests;

public class LineDiffTests
{
    [Fact]
    public void Shows_only_the_changed_lines_with_context()
    {
        var d = LineDiff.Unified("a\nb\nc\nd\ne\n", "a\nb\nX\nd\ne\n");
        Assert.Equal("@@ first difference at line 3 @@\n  a\n  b\n- c\n+ X\n  d\n  e", d);
    }

    [Fact]
    public void Handles_added_and_removed_lines_and_empty_sides()
    {
        Assert.Contains("+ new", LineDiff.Unified("", "new\n"));
        Assert.Contains("- old", LineDiff.Unified("old\n", ""));
        Assert.Contains("+ 3", LineDiff.Unified("1\n2\n", "1\n2\n3\n"));
    }
}
